package dev.kiln.cli.bench;

import dev.kiln.cli.UserError;
import dev.kiln.cli.Checks;
import dev.kiln.cli.ExampleImage;
import dev.kiln.cli.KilnHome;
import dev.kiln.cli.HostJavaApp;
import dev.kiln.cli.ProfileCommand;
import dev.kiln.cli.ProfileOutput;
import dev.kiln.vmm.GuestStats;
import dev.kiln.vmm.VmStats;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench http`: wrk against examples/http-server as a unikernel (a VM in this process,
 * so its exit counters can be read while it serves), against the same classes on HotSpot, and
 * against nginx serving the page HotSpot served ({@link NginxServer}), one after the other in
 * one run, each reached from wrk's namespace over one link into its own namespace (see
 * {@link BenchNetwork}; HotSpot and nginx take turns behind the veth). Prints every side's
 * figures and ends with {@code http unikernel_rps=N hotspot_rps=N nginx_rps=N ratio=X
 * unikernel_p99_ms=N hotspot_p99_ms=N exits_per_request=X}, where ratio is unikernel / HotSpot
 * requests per second and exits per request counts every VM exit during the measured wrk run
 * divided by the requests wrk completed. With --stats-cost the same image runs a second time with
 * KILN_STATS=off (no stats page), twice, and once more with it (on, off, off, on), and the line
 * ends with stats_cost_pct. Everything it started is
 * stopped at the end, also on failure and on Ctrl-C ({@link BenchTeardown}).
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"wrk against examples/http-server as a unikernel, on HotSpot, and against nginx serving the same page, side by side.",
                "Ends with: http unikernel_rps=N hotspot_rps=N nginx_rps=N ratio=X unikernel_p99_ms=N hotspot_p99_ms=N exits_per_request=X"})
public final class BenchHttpCommand implements Callable<Integer> {
    @Option(names = "--duration", description = "seconds of each measured wrk run (default: ${DEFAULT-VALUE})")
    int duration = 10;

    @Option(names = "--warmup", description = "seconds of wrk before each measured run, not counted (default: ${DEFAULT-VALUE})")
    int warmup = 3;

    @Option(names = "--connections", description = "wrk's open connections, keep-alive (default: ${DEFAULT-VALUE})")
    int connections = 32;

    @Option(names = "--threads", description = "wrk threads (default: ${DEFAULT-VALUE})")
    int threads = 2;

    @Option(names = "--path", description = "the URL path requested (default: ${DEFAULT-VALUE})")
    String path = "/";

    @Option(names = "--stats-cost", description = "also run the unikernel twice with its stats page off (KILN_STATS=off, the same"
            + " image) and once more with it, and end the line with stats_cost_pct: how much fewer requests per second the page costs")
    boolean statsCost;

    @Option(names = "--profile", paramLabel = "DIR", description = {"profile the unikernel during the measured run",
            "(kiln profile's output in DIR); its figures then include the sampling's cost"})
    Path profile;

    @Option(names = "--profile-rate", paramLabel = "HZ", description = "with --profile: samples a second (default: ${DEFAULT-VALUE})")
    int profileRate = ProfileCommand.DEFAULT_RATE_HZ;

    /** The MAC of every unikernel of the run: wrk's namespace keeps its neighbour entry for the guest's address. */
    private final long guestMac = BenchVm.randomMac();

    record Side(String name, WrkResult wrk, VmStats before, VmStats after, GuestStats.Reading page) {
    }

    @Override
    public Integer call() throws Exception {
        if (profile != null && (profileRate < 1 || profileRate > dev.kiln.vmm.profile.Sampler.MAX_RATE_HZ)) {
            throw new UserError("--profile-rate must be 1 to " + dev.kiln.vmm.profile.Sampler.MAX_RATE_HZ + " Hz, not " + profileRate);
        }
        if (profile != null && statsCost) {
            throw new UserError("--profile and --stats-cost measure different things: a profiled run's requests per second include the sampling's cost; use one of them");
        }
        if (duration < 1 || warmup < 0 || connections < 1 || threads < 1 || threads > connections || !path.startsWith("/")) {
            throw new UserError("--duration >= 1, --warmup >= 0, 1 <= --threads <= --connections, --path starting with /");
        }
        List<String> missing = Checks.missingCommands("wrk", "curl", "ip", "nginx");
        if (!missing.isEmpty()) {
            throw new UserError("kiln bench http needs " + String.join(", ", missing)
                    + " (Debian packages: wrk, curl, iproute2, nginx-light)");
        }
        if (!NetworkNamespace.isRoot()) {
            throw new UserError("kiln bench http must run as root: it creates network namespaces, a tap and a veth pair");
        }
        Path home = KilnHome.root();
        Path example = home.resolve("examples/http-server");
        Path image = ExampleImage.build("http-server");
        System.out.printf("image %s: %d KB%n", image.getFileName(), Files.size(image) / 1024);
        try (BenchTeardown teardown = new BenchTeardown("kiln bench http")) {
            BenchNetwork net = teardown.add(BenchNetwork.create());
            Side uni = unikernel(net, image, teardown, "unikernel", List.of());
            List<Side> statsRuns = new ArrayList<>();
            if (statsCost) {
                // on, off, off, on: whatever drifts over the runs (the monitor's JIT, the host's load) weighs on both alike
                List<String> off = List.of("KILN_STATS=off");
                statsRuns.add(unikernel(net, image, teardown, "no-stats", off));
                statsRuns.add(unikernel(net, image, teardown, "no-stats-2", off));
                statsRuns.add(unikernel(net, image, teardown, "unikernel-2", List.of()));
            }
            Page[] page = new Page[1];
            Side hs = hotspot(net, example, teardown, page);
            Side nx = nginx(net, page[0], teardown);
            return report(uni, statsRuns, hs, nx);
        }
    }

    /** The unikernel served by wrk; env: "KEY=VALUE" entries for its environment (KILN_STATS=off). */
    Side unikernel(BenchNetwork net, Path image, BenchTeardown teardown, String name, List<String> env) throws Exception {
        BenchVm vm = teardown.add(BenchVm.boot(image, net.tap, guestMac, BenchNetwork.GUEST_IP, "[" + name + "] ", env));
        try {
            awaitServing(net, BenchNetwork.GUEST_IP, vm::death);
            VmStats[] before = new VmStats[1];
            boolean profiled = profile != null; // never with --stats-cost, whose runs must be alike
            WrkResult r = measure(net, BenchNetwork.GUEST_IP, () -> {
                before[0] = vm.stats();
                if (profiled) vm.vm().startProfiling(profileRate);
            });
            VmStats after = vm.stats();
            if (profiled) ProfileOutput.write(vm.vm().image(), vm.vm().stopProfiling(), profile);
            if (vm.death() != null) {
                throw new IllegalStateException("the unikernel stopped during the benchmark: " + vm.death());
            }
            return new Side(name, r, before[0], after, vm.guestStats());
        } finally {
            teardown.closeNow(vm);
        }
    }

    Side hotspot(BenchNetwork net, Path example, BenchTeardown teardown, Page[] page) throws Exception {
        HostJavaApp app = teardown.add(HostJavaApp.start(example, List.of("ip", "netns", "exec", net.server.name()), List.of(), "80"));
        try {
            awaitServing(net, BenchNetwork.HOST_SERVER_IP, () -> app.isAlive() ? null : "HotSpot exited:\n" + app.output());
            page[0] = Page.fetch(net, BenchNetwork.HOST_SERVER_IP, path);
            return new Side("hotspot", measure(net, BenchNetwork.HOST_SERVER_IP, () -> {}), null, null, null);
        } finally {
            teardown.closeNow(app);
        }
    }

    /** nginx on the address HotSpot had (HotSpot is gone by then), serving the page HotSpot served. */
    Side nginx(BenchNetwork net, Page page, BenchTeardown teardown) throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        ServerProcess nginx = teardown.add(NginxServer.start(net.server.name(), BenchNetwork.HOST_SERVER_IP, path,
                page.contentType(), page.body(), workers));
        try {
            awaitServing(net, BenchNetwork.HOST_SERVER_IP, nginx::death);
            Page served = Page.fetch(net, BenchNetwork.HOST_SERVER_IP, path);
            if (!java.util.Arrays.equals(served.body(), page.body()) || !served.contentType().equals(page.contentType())) {
                throw new IllegalStateException("nginx does not serve the page HotSpot served (" + served.body().length
                        + " bytes of " + served.contentType() + " against " + page.body().length + " of " + page.contentType() + ")");
            }
            System.out.printf("nginx %d workers, the same %d bytes of %s at %s%n", workers, page.body().length, page.contentType(), path);
            return new Side("nginx", measure(net, BenchNetwork.HOST_SERVER_IP, () -> {}), null, null, null);
        } finally {
            teardown.closeNow(nginx);
        }
    }

    /** The page a server answered at a path: body and Content-Type, fetched with curl from wrk's namespace. */
    record Page(String contentType, byte[] body) {
        static Page fetch(BenchNetwork net, String ip, String path) throws Exception {
            Path file = Files.createTempFile("kiln-bench-page", ".bin");
            try {
                BenchComputeCommand.Result r = BenchComputeCommand.run(List.of("ip", "netns", "exec", net.client.name(),
                        "curl", "-sS", "-m", "10", "-o", file.toString(), "-w", "%{http_code} %{content_type}", "http://" + ip + path));
                if (r.status() != 0 || !r.output().startsWith("200 ")) {
                    throw new IllegalStateException("GET http://" + ip + path + " failed: " + r.output());
                }
                return new Page(r.output().substring(4).strip(), Files.readAllBytes(file));
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Polls with curl from the client namespace until the server answers 200 (30 s at most). */
    private static void awaitServing(BenchNetwork net, String ip, java.util.function.Supplier<String> died) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        String last = "";
        while (System.nanoTime() < end) {
            String why = died.get();
            if (why != null) {
                throw new IllegalStateException(why);
            }
            BenchComputeCommand.Result r = BenchComputeCommand.run(List.of("ip", "netns", "exec", net.client.name(),
                    "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-m", "2", "http://" + ip + "/"));
            if (r.status() == 0 && r.output().equals("200")) {
                return;
            }
            last = r.output();
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server at " + ip + " did not answer within 30 s: " + last);
    }

    /** A warm-up wrk run, then the measured one (beforeMeasured runs in between). */
    private WrkResult measure(BenchNetwork net, String ip, Runnable beforeMeasured) throws Exception {
        if (warmup > 0) {
            WrkResult w = wrk(net, ip, warmup);
            if (w.requests() == 0) {
                // a server may stall for a moment once it starts (a collection, a loaded host): worth saying, no reason to stop
                System.out.printf("note: the warm-up against %s completed no request in %d s%n", ip, warmup);
            }
        }
        beforeMeasured.run();
        WrkResult w = wrk(net, ip, duration);
        if (w.requests() == 0) {
            throw new IllegalStateException("wrk completed no request against " + ip + " in " + duration + " s");
        }
        return w;
    }

    private WrkResult wrk(BenchNetwork net, String ip, int seconds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", net.client.name(), "wrk", "--latency",
                "-t", Integer.toString(threads), "-c", Integer.toString(connections), "-d", seconds + "s",
                "--timeout", "5s", "http://" + ip + path));
        BenchComputeCommand.Result r = BenchComputeCommand.run(cmd);
        if (r.status() != 0) {
            throw new IllegalStateException("wrk failed (status " + r.status() + "):\n" + r.output());
        }
        return WrkResult.parse(r.output());
    }

    int report(Side uni, List<Side> statsRuns, Side hs, Side nx) {
        System.out.printf("%-11s %12s %12s %10s %8s %14s%n", "server", "requests", "rps", "p99_ms", "errors", "unikernel/it");
        List<Side> sides = new ArrayList<>(List.of(uni));
        sides.addAll(statsRuns);
        sides.addAll(List.of(hs, nx));
        for (Side s : sides) {
            System.out.printf("%-11s %12d %12.0f %10.2f %8d %14.3f%n", s.name(), s.wrk().requests(), s.wrk().rps(),
                    s.wrk().p99Millis(), s.wrk().errors(), uni.wrk().rps() / s.wrk().rps());
        }
        String statsCostField = "";
        if (!statsRuns.isEmpty()) {
            List<Side> on = List.of(uni, statsRuns.get(2));
            List<Side> off = statsRuns.subList(0, 2);
            // the switch must have worked both ways, or the comparison means nothing
            for (Side s : on) {
                if (!(s.page() instanceof GuestStats.Available)) {
                    throw new IllegalStateException(s.name() + " published no stats page: " + s.page());
                }
            }
            for (Side s : off) {
                if (!(s.page() instanceof GuestStats.Unavailable)) {
                    throw new IllegalStateException(s.name() + " (KILN_STATS=off) published a stats page: " + s.page());
                }
            }
            double withPage = (on.get(0).wrk().rps() + on.get(1).wrk().rps()) / 2;
            double without = (off.get(0).wrk().rps() + off.get(1).wrk().rps()) / 2;
            double cost = (without - withPage) / without * 100;
            System.out.printf("stats page: %.0f requests/s with it, %.0f without (KILN_STATS=off: %s), means of two runs each"
                    + " (on, off, off, on): %.1f %% (negative: faster with it; on a shared machine runs differ by that much)%n",
                    withPage, without, ((GuestStats.Unavailable) off.get(0).page()).reason(), cost);
            statsCostField = String.format(" stats_cost_pct=%.1f", cost);
        }
        VmStats b = uni.before();
        VmStats a = uni.after();
        long exits = a.exits() - b.exits();
        double perRequest = (double) exits / uni.wrk().requests();
        System.out.printf("unikernel during the measured run: %d exits (port I/O %d), %d yields, %d notifies", exits,
                a.ioExits() - b.ioExits(), a.yieldCalls() - b.yieldCalls(), a.notifyCalls() - b.notifyCalls());
        if (a.net() != null && b.net() != null) {
            long frames = a.net().rxFrames() - b.net().rxFrames() + a.net().txFrames() - b.net().txFrames();
            System.out.printf(", %d frames (%.3f exits per frame), rx ring full %d", frames,
                    frames == 0 ? Double.NaN : (double) exits / frames, a.net().rxRingFull() - b.net().rxRingFull());
        }
        System.out.println();
        // The GC's pauses are the usual cause of the unikernel's tail latency (docs/performance.md, "GC pauses").
        if (uni.page() instanceof GuestStats.Available g && g.stats().hasRuntime()) {
            GuestStats st = g.stats();
            System.out.printf("unikernel gc, warm-up included: %d collections, %.1f ms paused%s%n", st.gcCollections(),
                    st.gcPauseNanos() / 1e6, st.gcPauses() == null ? "" : "; " + st.gcPauses().format());
        }
        if (sides.stream().anyMatch(s -> s.wrk().errors() > 0)) {
            System.out.println("note: wrk reported errors (see the table); the figures include them");
        }
        System.out.printf("http unikernel_rps=%d hotspot_rps=%d nginx_rps=%d ratio=%.3f unikernel_p99_ms=%.2f hotspot_p99_ms=%.2f"
                + " exits_per_request=%.3f%s%n", Math.round(uni.wrk().rps()), Math.round(hs.wrk().rps()), Math.round(nx.wrk().rps()),
                uni.wrk().rps() / hs.wrk().rps(), uni.wrk().p99Millis(), hs.wrk().p99Millis(), perRequest, statsCostField);
        return 0;
    }
}
