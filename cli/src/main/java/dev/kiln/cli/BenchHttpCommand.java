package dev.kiln.cli;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.VmStats;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench http`: wrk against examples/http-server as a unikernel (a VM in this process,
 * so its exit counters can be read while it serves) and against the same classes on HotSpot,
 * one after the other in one run, both reached from wrk's namespace over one link into their
 * own namespace (see {@link BenchNetwork}). Prints both sides' figures and ends with
 * {@code http unikernel_rps=N hotspot_rps=N ratio=X unikernel_p99_ms=N exits_per_request=X},
 * where ratio is unikernel / HotSpot requests per second and exits per request counts every
 * VM exit during the measured wrk run divided by the requests wrk completed.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "wrk against examples/http-server as a unikernel and on HotSpot, side by side.")
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

    @Option(names = "--profile", paramLabel = "DIR", description = {"profile the unikernel during the measured run",
            "(kiln profile's output in DIR); its figures then include the sampling's cost"})
    Path profile;

    @Option(names = "--profile-rate", paramLabel = "HZ", description = "with --profile: samples a second (default: ${DEFAULT-VALUE})")
    int profileRate = ProfileCommand.DEFAULT_RATE_HZ;

    record Side(String name, WrkResult wrk, VmStats before, VmStats after) {
    }

    @Override
    public Integer call() throws Exception {
        if (profile != null && (profileRate < 1 || profileRate > dev.kiln.vmm.profile.Sampler.MAX_RATE_HZ)) {
            throw new UserError("--profile-rate must be 1 to " + dev.kiln.vmm.profile.Sampler.MAX_RATE_HZ + " Hz, not " + profileRate);
        }
        if (duration < 1 || warmup < 0 || connections < 1 || threads < 1 || threads > connections || !path.startsWith("/")) {
            throw new UserError("--duration >= 1, --warmup >= 0, 1 <= --threads <= --connections, --path starting with /");
        }
        List<String> missing = Checks.missingCommands("wrk", "curl", "ip");
        if (!missing.isEmpty()) {
            throw new UserError("kiln bench http needs " + String.join(", ", missing)
                    + " (Debian packages: wrk, curl, iproute2)");
        }
        if (!NetworkNamespace.isRoot()) {
            throw new UserError("kiln bench http must run as root: it creates network namespaces, a tap and a veth pair");
        }
        Path home = KilnHome.root();
        Path example = home.resolve("examples/http-server");
        Path image = ExampleImage.build("http-server");
        System.out.printf("image %s: %d KB%n", image.getFileName(), Files.size(image) / 1024);
        try (BenchNetwork net = BenchNetwork.create()) {
            Side uni = unikernel(net, image);
            Side hs = hotspot(net, example);
            return report(uni, hs);
        }
    }

    Side unikernel(BenchNetwork net, Path image) throws Exception {
        NetConfig nc = new NetConfig(new TapBackend(net.tap), NetConfig.localMac(ThreadLocalRandom.current().nextInt(1 << 24)),
                NetConfig.DEFAULT_MTU, ipv4(BenchNetwork.GUEST_IP), 24, 0);
        OutputStream console = new PrefixedStream("[unikernel] ");
        try (Kvm kvm = Kvm.open();
                Vm vm = Vm.create(kvm, VmConfig.of(GuestImage.load(image), console).withNet(nc))) {
            AtomicReference<Object> end = new AtomicReference<>();
            Thread vcpu = Thread.ofPlatform().name("bench-http-vm").start(() -> {
                try {
                    end.set(vm.run());
                } catch (RuntimeException e) {
                    end.set(e);
                }
            });
            try {
                awaitServing(net, BenchNetwork.GUEST_IP, () -> end.get() == null ? null : "the VM ended: " + end.get());
                VmStats[] before = new VmStats[1];
                WrkResult r = measure(net, BenchNetwork.GUEST_IP, () -> {
                    before[0] = vm.stats();
                    if (profile != null) vm.startProfiling(profileRate);
                });
                VmStats after = vm.stats();
                if (profile != null) ProfileOutput.write(vm.image(), vm.stopProfiling(), profile);
                if (end.get() != null) {
                    throw new IllegalStateException("the unikernel stopped during the benchmark: " + end.get());
                }
                return new Side("unikernel", r, before[0], after);
            } finally {
                vm.stop("benchmark done");
                vcpu.join(10_000);
            }
        }
    }

    Side hotspot(BenchNetwork net, Path example) throws Exception {
        try (HostJavaApp app = HostJavaApp.start(example, List.of("ip", "netns", "exec", net.server.name()), List.of(), "80")) {
            awaitServing(net, BenchNetwork.HOTSPOT_IP, () -> app.isAlive() ? null : "HotSpot exited:\n" + app.output());
            return new Side("hotspot", measure(net, BenchNetwork.HOTSPOT_IP, () -> {}), null, null);
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
            wrk(net, ip, warmup);
        }
        beforeMeasured.run();
        return wrk(net, ip, duration);
    }

    private WrkResult wrk(BenchNetwork net, String ip, int seconds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", net.client.name(), "wrk", "--latency",
                "-t", Integer.toString(threads), "-c", Integer.toString(connections), "-d", seconds + "s",
                "--timeout", "5s", "http://" + ip + path));
        BenchComputeCommand.Result r = BenchComputeCommand.run(cmd);
        if (r.status() != 0) {
            throw new IllegalStateException("wrk failed (status " + r.status() + "):\n" + r.output());
        }
        WrkResult w = WrkResult.parse(r.output());
        if (w.requests() == 0) {
            throw new IllegalStateException("wrk completed no request against " + ip + ":\n" + r.output());
        }
        return w;
    }

    int report(Side uni, Side hs) {
        System.out.printf("%-10s %12s %12s %10s %8s%n", "server", "requests", "rps", "p99_ms", "errors");
        for (Side s : List.of(uni, hs)) {
            System.out.printf("%-10s %12d %12.0f %10.2f %8d%n", s.name(), s.wrk().requests(), s.wrk().rps(),
                    s.wrk().p99Millis(), s.wrk().errors());
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
        if (uni.wrk().errors() > 0 || hs.wrk().errors() > 0) {
            System.out.println("note: wrk reported errors (see the table); the figures include them");
        }
        System.out.printf("http unikernel_rps=%d hotspot_rps=%d ratio=%.3f unikernel_p99_ms=%.2f exits_per_request=%.3f%n",
                Math.round(uni.wrk().rps()), Math.round(hs.wrk().rps()), uni.wrk().rps() / hs.wrk().rps(),
                uni.wrk().p99Millis(), perRequest);
        return 0;
    }

    static int ipv4(String dotted) {
        String[] p = dotted.split("\\.");
        return Integer.parseInt(p[0]) << 24 | Integer.parseInt(p[1]) << 16 | Integer.parseInt(p[2]) << 8 | Integer.parseInt(p[3]);
    }

    /** The guest's console on stderr, each line prefixed, so it stays apart from the figures on stdout. */
    static final class PrefixedStream extends OutputStream {
        private final String prefix;
        private boolean lineStart = true;

        PrefixedStream(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public synchronized void write(int b) {
            if (lineStart) {
                System.err.print(prefix);
            }
            System.err.write(b);
            lineStart = b == '\n';
        }

        @Override
        public void flush() {
            System.err.flush();
        }
    }
}
