package dev.kiln.cli.bench;

import dev.kiln.cli.Checks;
import dev.kiln.cli.ExampleImage;
import dev.kiln.cli.KilnHome;
import dev.kiln.cli.UserError;
import dev.kiln.vmm.VmStats;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench dns`: dnsperf from a client namespace against examples/dns-server as a unikernel
 * (a VM in this process, on a tap) and against NSD serving the same zone file behind a veth
 * ({@link NsdServer}), one after the other in one run, with the same query file (every record
 * set of the zone, {@link ZoneQueries}); the network is {@link BenchNetwork}'s. Before measuring,
 * both servers must give the same answers to every query of the file (dig).
 *
 * <p>Each server gets a throughput run (C clients, Q queries outstanding, S seconds, after a
 * warm-up run) and a latency pass: one client, one query at a time, every answer's latency
 * from dnsperf -v, whose 99th percentile is the line's p99. Ends with {@code dns
 * unikernel_qps=N nsd_qps=N ratio=X unikernel_p99_ms=N nsd_p99_ms=N lost=N}, ratio being
 * unikernel / NSD queries per second and lost the queries the unikernel left unanswered in its
 * throughput run. Everything it started is stopped, also on failure and Ctrl-C.
 */
@Command(name = "dns", mixinStandardHelpOptions = true,
        description = {"dnsperf against examples/dns-server as a unikernel and against NSD serving the same zone, side by side.",
                "Ends with: dns unikernel_qps=N nsd_qps=N ratio=X unikernel_p99_ms=N nsd_p99_ms=N lost=N",
                "(p99: of the one-query-at-a-time pass; lost: the unikernel's unanswered queries in its throughput run)"})
public final class BenchDnsCommand implements Callable<Integer> {
    private static final String ZONE = "kiln.test";
    /** How long dnsperf waits for an answer before it counts the query lost. */
    private static final int DNSPERF_TIMEOUT_S = 2;

    @Option(names = "--duration", description = "seconds of each measured throughput run (default: ${DEFAULT-VALUE})")
    int duration = 10;

    @Option(names = "--warmup", description = "seconds of dnsperf before each measured run, not counted (default: ${DEFAULT-VALUE})")
    int warmup = 2;

    @Option(names = "--clients", description = "dnsperf's clients (sockets) in the throughput runs (default: ${DEFAULT-VALUE})")
    int clients = 4;

    @Option(names = "--outstanding", description = "queries in flight at most in the throughput runs (default: ${DEFAULT-VALUE})")
    int outstanding = 200;

    @Option(names = "--latency-seconds", description = "seconds of the one-query-at-a-time pass (default: ${DEFAULT-VALUE})")
    int latencySeconds = 3;

    record Side(String name, DnsperfResult load, DnsperfResult serial, VmStats before, VmStats after) {
    }

    @Override
    public Integer call() throws Exception {
        if (duration < 1 || warmup < 0 || clients < 1 || outstanding < clients || latencySeconds < 1) {
            throw new UserError("--duration >= 1, --warmup >= 0, 1 <= --clients <= --outstanding, --latency-seconds >= 1");
        }
        List<String> missing = Checks.missingCommands("dnsperf", "nsd", "dig", "ip");
        if (!missing.isEmpty()) {
            throw new UserError("kiln bench dns needs " + String.join(", ", missing) + " (Debian packages: dnsperf, nsd, dnsutils, iproute2)");
        }
        if (!NetworkNamespace.isRoot()) {
            throw new UserError("kiln bench dns must run as root: it creates network namespaces, a tap and a veth pair");
        }
        Path zoneFile = KilnHome.root().resolve("examples/dns-server/zone/" + ZONE + ".zone");
        List<String> queries = ZoneQueries.of(Files.readString(zoneFile), ZONE + ".");
        Path image = ExampleImage.build("dns-server");
        System.out.printf("image %s: %d KB; %d queries from %s%n", image.getFileName(), Files.size(image) / 1024, queries.size(),
                KilnHome.root().relativize(zoneFile));
        try (BenchTeardown teardown = new BenchTeardown("kiln bench dns")) {
            Path queryFile = Files.createTempFile("kiln-bench-dns", ".queries");
            teardown.add(() -> Files.deleteIfExists(queryFile));
            Files.write(queryFile, queries, StandardCharsets.US_ASCII);
            BenchNetwork net = teardown.add(BenchNetwork.create());
            System.out.printf("network: namespaces %s (dnsperf) and %s (NSD), tap %s%n", net.client.name(), net.server.name(),
                    net.tap.name());
            List<String> uniAnswers = new ArrayList<>();
            Side uni = unikernel(net, image, queryFile, queries, teardown, uniAnswers);
            Side nsd = nsd(net, zoneFile, queryFile, queries, teardown, uniAnswers);
            return report(uni, nsd);
        }
    }

    private Side unikernel(BenchNetwork net, Path image, Path queryFile, List<String> queries, BenchTeardown teardown,
            List<String> answers) throws Exception {
        BenchVm vm = teardown.add(BenchVm.boot(image, net.tap, BenchNetwork.GUEST_IP, "[unikernel] "));
        try {
            awaitAnswering(net, BenchNetwork.GUEST_IP, vm::death);
            answers.addAll(answers(net, BenchNetwork.GUEST_IP, queries));
            warmUp(net, BenchNetwork.GUEST_IP, queryFile);
            VmStats before = vm.stats();
            DnsperfResult measured = dnsperf(net, BenchNetwork.GUEST_IP, queryFile, duration, clients, outstanding, false);
            VmStats after = vm.stats();
            DnsperfResult serial = dnsperf(net, BenchNetwork.GUEST_IP, queryFile, latencySeconds, 1, 1, true);
            if (vm.death() != null) throw new IllegalStateException("the unikernel stopped during the benchmark: " + vm.death());
            return new Side("unikernel", measured, serial, before, after);
        } finally {
            teardown.closeNow(vm);
        }
    }

    private Side nsd(BenchNetwork net, Path zoneFile, Path queryFile, List<String> queries, BenchTeardown teardown,
            List<String> unikernelAnswers) throws Exception {
        int servers = Runtime.getRuntime().availableProcessors();
        ServerProcess nsd = teardown.add(NsdServer.start(net.server.name(), BenchNetwork.HOST_SERVER_IP, zoneFile, ZONE, servers));
        try {
            awaitAnswering(net, BenchNetwork.HOST_SERVER_IP, nsd::death);
            List<String> answers = answers(net, BenchNetwork.HOST_SERVER_IP, queries);
            for (int i = 0; i < queries.size(); i++) {
                if (!answers.get(i).equals(unikernelAnswers.get(i))) {
                    throw new IllegalStateException("the servers answer " + queries.get(i) + " differently: unikernel "
                            + unikernelAnswers.get(i) + ", NSD " + answers.get(i));
                }
            }
            System.out.printf("NSD (%s), %d server processes: the same answers to all %d queries%n", nsd.dir(), servers,
                    queries.size());
            warmUp(net, BenchNetwork.HOST_SERVER_IP, queryFile);
            DnsperfResult measured = dnsperf(net, BenchNetwork.HOST_SERVER_IP, queryFile, duration, clients, outstanding, false);
            DnsperfResult serial = dnsperf(net, BenchNetwork.HOST_SERVER_IP, queryFile, latencySeconds, 1, 1, true);
            if (nsd.death() != null) throw new IllegalStateException(nsd.death());
            return new Side("nsd", measured, serial, null, null);
        } finally {
            teardown.closeNow(nsd);
        }
    }

    /** The warm-up run (if any): its figures are not kept. */
    private void warmUp(BenchNetwork net, String ip, Path queryFile) throws Exception {
        if (warmup > 0) dnsperf(net, ip, queryFile, warmup, clients, outstanding, false);
    }

    private static DnsperfResult dnsperf(BenchNetwork net, String ip, Path queryFile, int seconds, int clients, int outstanding,
            boolean everyAnswer) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", net.client.name(), "dnsperf", "-s", ip,
                "-d", queryFile.toString(), "-l", Integer.toString(seconds), "-c", Integer.toString(clients),
                "-q", Integer.toString(outstanding), "-t", Integer.toString(DNSPERF_TIMEOUT_S)));
        if (everyAnswer) cmd.add("-v");
        String out = run(cmd, seconds + DNSPERF_TIMEOUT_S + 60);
        DnsperfResult r = DnsperfResult.parse(out);
        if (r.completed() == 0) throw new IllegalStateException("no query to " + ip + " was answered:\n" + out);
        return r;
    }

    /** dig's short answer to each query (sorted lines), or its status if there is none. */
    private static List<String> answers(BenchNetwork net, String ip, List<String> queries) throws Exception {
        List<String> out = new ArrayList<>();
        for (String q : queries) {
            String[] nt = q.split(" ");
            String a = run(List.of("ip", "netns", "exec", net.client.name(), "dig", "@" + ip, "+time=2", "+tries=3",
                    "+noall", "+answer", "+nottlid", "+noclass", nt[0], nt[1]), 30);
            out.add(a.lines().map(String::strip).sorted().toList().toString());
        }
        return out;
    }

    /** Asks with dig from the client namespace until the server answers for the zone (30 s at most). */
    private static void awaitAnswering(BenchNetwork net, String ip, Supplier<String> died) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < end) {
            String why = died.get();
            if (why != null) throw new IllegalStateException(why);
            Process p = new ProcessBuilder("ip", "netns", "exec", net.client.name(), "dig", "@" + ip, "+time=1", "+tries=1",
                    "+short", ZONE + ".", "SOA").redirectErrorStream(true).start();
            last = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && last.startsWith("ns1." + ZONE + ".")) return;
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server at " + ip + " did not answer within 30 s: " + last);
    }

    private static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // read on a side thread: dnsperf -v writes a line per answer, more than a pipe holds
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, r -> Thread.ofPlatform().daemon().start(r));
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("no end after " + timeoutSeconds + " s: " + String.join(" ", cmd));
        }
        String text = new String(out.join(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed (status " + p.exitValue() + "):\n" + text);
        return text;
    }

    private int report(Side uni, Side nsd) {
        System.out.printf("%-10s %10s %10s %8s %10s %12s %12s %12s%n", "server", "sent", "qps", "lost", "avg_ms", "serial_avg_ms",
                "serial_p50_ms", "serial_p99_ms");
        for (Side s : List.of(uni, nsd)) {
            System.out.printf("%-10s %10d %10.0f %8d %10.3f %12.3f %12.3f %12.3f%n", s.name(), s.load().sent(), s.load().qps(),
                    s.load().lost(), s.load().averageMillis(), s.serial().averageMillis(), s.serial().quantileMillis(0.5),
                    s.serial().quantileMillis(0.99));
        }
        long exits = uni.after().exits() - uni.before().exits();
        System.out.printf("unikernel during the measured run: %d exits, %.3f per answered query", exits,
                (double) exits / uni.load().completed());
        if (uni.after().net() != null && uni.before().net() != null) {
            System.out.printf(", rx ring full %d", uni.after().net().rxRingFull() - uni.before().net().rxRingFull());
        }
        System.out.println();
        System.out.printf("dns unikernel_qps=%d nsd_qps=%d ratio=%.3f unikernel_p99_ms=%.3f nsd_p99_ms=%.3f lost=%d%n",
                Math.round(uni.load().qps()), Math.round(nsd.load().qps()), uni.load().qps() / nsd.load().qps(),
                uni.serial().quantileMillis(0.99), nsd.serial().quantileMillis(0.99), uni.load().lost());
        return 0;
    }
}
