package dev.kiln.cli.bench;

import dev.kiln.cli.UserError;
import dev.kiln.cli.Checks;
import dev.kiln.cli.ExampleImage;
import dev.kiln.cli.Main;
import dev.kiln.cli.bench.density.DensityDaemon;
import dev.kiln.cli.bench.density.DensityFleet;
import dev.kiln.cli.bench.density.HttpProber;
import dev.kiln.cli.bench.density.KernelMemory;
import dev.kiln.cli.bench.density.MetricsScrape;
import dev.kiln.cli.bench.density.ProcessMemory;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench density`: N idle HTTP example VMs in one daemon, every one asked for a page.
 * The daemon is the benchmark's own (a child process in a network namespace of its own, on a
 * temporary state directory: {@link DensityDaemon}), so a user's daemon and the host's network
 * are never touched. Prints progress and ends with
 * {@code density vms=N started_s=X host_mib_per_vm=Y ps_ms=Z scrape_ms=S all_answered=true|false}:
 * started_s from the first create to the last start's answer; host memory per VM the daemon's
 * resident growth over the run divided by N (every guest's memory is a mapping of the daemon,
 * so the pages a guest touched are in it); ps_ms the median of five API list calls over the N
 * VMs through the CLI's client; scrape_ms the median of five GET /metrics of all N VMs after ten untimed (with
 * the exits the VMs made meanwhile, which a scrape does not add to). Everything is removed at
 * the end, also on failure or Ctrl-C.
 */
@Command(name = "density", mixinStandardHelpOptions = true,
        description = {"Start N idle HTTP example VMs in a daemon of the benchmark's own and ask each for a page.",
                "Ends with: density vms=N started_s=X host_mib_per_vm=Y ps_ms=Z scrape_ms=S all_answered=true|false"})
public final class BenchDensityCommand implements Callable<Integer> {
    private static final int PARALLEL_REQUESTS = 8, PROBE_THREADS = 8, PS_RUNS = 5, SCRAPE_RUNS = 5;
    /** Untimed scrapes first: Prometheus scrapes a daemon for days, so the figure is its steady state, its JIT done. */
    private static final int SCRAPE_WARMUPS = 10;
    /** How long one VM is asked again (it may still be coming up), and the whole round at most (100 ms per VM, 60 s at least). */
    private static final long PROBE_DEADLINE_MS = 30_000, PROBE_MS_PER_VM = 100, PROBE_MIN_TOTAL_MS = 60_000;

    @Option(names = "--vms", paramLabel = "N", description = "How many VMs (default: ${DEFAULT-VALUE}).")
    int vms = 1000;

    @Option(names = "--keep", description = "After the summary, keep the daemon and its VMs until Ctrl-C (to look at them"
            + " with kiln ps -H ...), then remove everything.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        if (vms < 1 || vms > 10_000) throw new UserError("--vms must be 1..10000");
        if (!NetworkNamespace.isRoot()) {
            throw new UserError("kiln bench density must run as root: its daemon makes a network namespace, a bridge and a tap per VM");
        }
        if (!Files.exists(Path.of("/dev/kvm"))) throw new UserError("/dev/kvm is missing: kiln bench density runs real VMs");
        List<String> missing = Checks.missingCommands("unshare", "ip");
        if (!missing.isEmpty()) {
            throw new UserError("kiln bench density needs " + String.join(", ", missing) + " (Debian packages: util-linux, iproute2)");
        }
        Path image = ExampleImage.build("http-server");
        System.out.printf("image %s: %d KB; %d VMs%n", image.getFileName(), Files.size(image) / 1024, vms);
        DensityDaemon daemon = DensityDaemon.start(Main.class.getName());
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C or SIGTERM: stopping the daemon destroys its VMs, and its namespace goes with it
            if (finished.getCount() > 0) {
                System.err.println("kiln: interrupted: stopping the benchmark's daemon and its VMs");
                daemon.close();
            }
        }, "density-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(daemon, image);
        } finally {
            daemon.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already: the hook found everything done
            }
        }
    }

    private int run(DensityDaemon daemon, Path image) throws Exception {
        System.out.printf("daemon pid %d on unix://%s, in a network namespace of its own%n", daemon.pid(), daemon.socket());
        long rssBefore = daemon.residentBytes();
        KernelMemory kernelBefore = KernelMemory.now();
        DensityFleet fleet = new DensityFleet(daemon.client(), PARALLEL_REQUESTS);
        long[] cpuBefore = ProcessMemory.cpuMillis(daemon.pid());
        long t0 = System.nanoTime();
        try {
            fleet.startAll(image.toString(), vms, n -> {
                if (n % 100 == 0 || n == vms) System.out.printf("started %d/%d in %.1f s%n", n, vms, (System.nanoTime() - t0) / 1e9);
            });
        } catch (Exception e) {
            throw new UserError("starting the VMs failed: " + e.getMessage() + " (daemon: " + daemon.logTail(3) + ")");
        }
        double startedSeconds = (System.nanoTime() - t0) / 1e9;
        long[] cpuAfterStart = ProcessMemory.cpuMillis(daemon.pid());
        System.out.printf("daemon CPU while starting: %.1f ms per VM (its guests' included), its ip and bridge commands %.1f ms per VM%n",
                (cpuAfterStart[0] - cpuBefore[0]) / (double) vms, (cpuAfterStart[1] - cpuBefore[1]) / (double) vms);

        List<InetAddress> addresses = fleet.addresses(vms);
        long t1 = System.nanoTime();
        List<HttpProber.Outcome> outcomes = HttpProber.probe(daemon.netns(), addresses, 80, PROBE_THREADS, PROBE_DEADLINE_MS,
                Math.max(PROBE_MIN_TOTAL_MS, PROBE_MS_PER_VM * vms), n -> {
            if (n % 100 == 0 || n == vms) System.out.printf("answered %d/%d in %.1f s%n", n, vms, (System.nanoTime() - t1) / 1e9);
        });
        List<HttpProber.Outcome> failed = outcomes.stream().filter(o -> !o.answered()).toList();
        for (HttpProber.Outcome o : failed.subList(0, Math.min(10, failed.size()))) {
            System.out.println("no answer from " + o.address().getHostAddress() + ": " + o.failure());
        }

        double psMillis = timePs(daemon);
        double scrapeMillis = timeScrapes(daemon);
        var counters = daemon.client().inspect(DensityFleet.name(1)).counters();
        if (counters != null) {
            // what the first VM received while the others started and were asked: broadcasts on the bridge reach every VM
            System.out.printf("%s since its start: %d frames received, %d sent, %d exits%n", DensityFleet.name(1),
                    counters.rxFrames(), counters.txFrames(), counters.exits());
        }
        long rssAfter = daemon.residentBytes();
        KernelMemory kernelAfter = KernelMemory.now();
        double mibPerVm = (rssAfter - rssBefore) / (double) vms / (1 << 20);
        System.out.printf("daemon: resident %d MiB before, %d MiB after (%.2f MiB per VM, the guests' touched memory included),"
                + " %d threads%n", rssBefore >> 20, rssAfter >> 20, mibPerVm, ProcessMemory.threads(daemon.pid()));
        System.out.printf("kernel: %s per VM over the run (system-wide, so other processes' changes too; not in host_mib_per_vm)%n",
                kernelAfter.minus(kernelBefore).perVm(vms));
        boolean allAnswered = failed.isEmpty();
        String line = String.format("density vms=%d started_s=%.1f host_mib_per_vm=%.2f ps_ms=%.1f scrape_ms=%.1f all_answered=%b",
                vms, startedSeconds, mibPerVm, psMillis, scrapeMillis, allAnswered);
        if (keep) {
            awaitInterrupt(daemon, addresses.getFirst(), line);
            return allAnswered ? 0 : 1; // the shutdown hook stopped the daemon: its VMs and its namespace are gone
        }

        long t2 = System.nanoTime();
        fleet.removeAll(vms, n -> {
            if (n % 100 == 0 || n == vms) System.out.printf("removed %d/%d in %.1f s%n", n, vms, (System.nanoTime() - t2) / 1e9);
        });
        System.out.println(line);
        return allAnswered ? 0 : 1;
    }

    /** The API's list call over every VM, as `kiln ps` makes it: one warm-up, then the median of PS_RUNS (in ms). */
    private double timePs(DensityDaemon daemon) {
        double[] ms = new double[PS_RUNS];
        for (int r = -1; r < PS_RUNS; r++) {
            long t = System.nanoTime();
            List<VmSummary> list = daemon.client().list(false);
            double took = (System.nanoTime() - t) / 1e6;
            long running = list.stream().filter(v -> v.status() == VmStatus.RUNNING).count();
            if (running != vms) throw new IllegalStateException("ps lists " + running + " running VMs, not " + vms);
            if (r >= 0) ms[r] = took;
            else System.out.printf("ps: first list of %d VMs %.1f ms%n", list.size(), took);
        }
        Arrays.sort(ms);
        System.out.printf("ps: %d lists of %d VMs: %s ms%n", PS_RUNS, vms, Arrays.toString(ms));
        return ms[PS_RUNS / 2];
    }

    /**
     * GET /metrics of all N VMs as Prometheus would make it: SCRAPE_WARMUPS untimed (the first
     * shown), then the median of SCRAPE_RUNS (in ms). Also shows what the scrapes cost the VMs in exits: each scrape reads
     * every VM's exit counters, so consecutive scrapes show the exits in between. A scrape reads
     * guest memory and the monitor's counters without stopping a vCPU, so it adds none; idle VMs
     * still wake for their timers (a yield ends after 1 s at most) and the bridge's broadcasts,
     * which the figures include (MetricsTest shows the equality on a guest that never exits).
     */
    private double timeScrapes(DensityDaemon daemon) {
        double[] ms = new double[SCRAPE_RUNS];
        MetricsScrape first = null, last = null;
        for (int r = -SCRAPE_WARMUPS; r < SCRAPE_RUNS; r++) {
            long t = System.nanoTime();
            String text = daemon.client().metrics();
            double took = (System.nanoTime() - t) / 1e6;
            MetricsScrape s = MetricsScrape.parse(text);
            if (s.upVms() != vms) throw new IllegalStateException("GET /metrics shows " + s.upVms() + " VMs up, not " + vms);
            if (r >= 0) ms[r] = took;
            else if (r == -SCRAPE_WARMUPS) System.out.printf("metrics: first scrape of %d VMs %.1f ms, %d KB of text;"
                    + " %d more untimed while the daemon's JIT compiles%n", vms, took, s.bytes() / 1024, SCRAPE_WARMUPS - 1);
            if (first == null) first = s;
            last = s;
        }
        Arrays.sort(ms);
        System.out.printf("metrics: %d scrapes of %d VMs: %s ms%n", SCRAPE_RUNS, vms, Arrays.toString(ms));
        System.out.printf("metrics: exits of the %d VMs from the first scrape to the last: %d (%d VMs had any; interrupt exits %d),"
                + " the VMs' own wakeups%n", vms, last.totalExits() - first.totalExits(), last.vmsWithOtherExits(first),
                last.totalInterruptExits() - first.totalInterruptExits());
        return ms[SCRAPE_RUNS / 2];
    }

    private void awaitInterrupt(DensityDaemon daemon, InetAddress first, String line) throws InterruptedException {
        System.out.println(line);
        System.out.printf("kept until Ctrl-C: KILN_HOST=unix://%s kiln ps; the VMs are reached from the daemon's namespace:"
                + " nsenter --net=%s curl http://%s/%n", daemon.socket(), daemon.netns(), first.getHostAddress());
        while (daemon.isAlive()) Thread.sleep(1000); // the shutdown hook ends it
    }
}
