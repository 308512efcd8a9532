package dev.kiln.cli.bench;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.GuestStats;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmStats;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.TapDevice;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A unikernel a benchmark measures: the image booted in this process (so its exit counters can
 * be read while it serves) on its own vCPU thread, its net device on a tap with a fixed
 * address, its console on stderr with a prefix. close() stops it and waits for the thread.
 */
public final class BenchVm implements AutoCloseable {
    private final Kvm kvm;
    private final Vm vm;
    private final Thread vcpu;
    private final AtomicReference<Object> end = new AtomicReference<>();

    private BenchVm(Kvm kvm, Vm vm) {
        this.kvm = kvm;
        this.vm = vm;
        this.vcpu = Thread.ofPlatform().name("bench-vm").start(() -> {
            try {
                end.set(vm.run());
            } catch (RuntimeException e) {
                end.set(e);
            }
        });
    }

    /** A locally administered MAC address for the benchmark's guests. */
    public static long randomMac() {
        return NetConfig.localMac(ThreadLocalRandom.current().nextInt(1 << 24));
    }

    /** Boots image with its net device on tap at ip/24; its console lines go to stderr after consolePrefix. */
    public static BenchVm boot(Path image, TapDevice tap, String ip, String consolePrefix) throws IOException {
        return boot(image, tap, randomMac(), ip, consolePrefix, List.of());
    }

    /**
     * As {@link #boot(Path, TapDevice, String, String)} with the guest's MAC address, and "KEY=VALUE"
     * entries replacing the manifest's. A benchmark that boots several guests one after the other
     * on one tap gives them one MAC: the client's neighbour entry for the address stays right.
     */
    public static BenchVm boot(Path image, TapDevice tap, long mac, String ip, String consolePrefix, List<String> env)
            throws IOException {
        NetConfig nc = new NetConfig(new TapBackend(tap), mac, NetConfig.DEFAULT_MTU, ipv4(ip), 24, 0);
        OutputStream console = new PrefixedStream(consolePrefix);
        Kvm kvm = Kvm.open();
        try {
            return new BenchVm(kvm, Vm.create(kvm, VmConfig.of(GuestImage.load(image), console).withEnv(env).withNet(nc)));
        } catch (RuntimeException e) {
            kvm.close();
            throw e;
        }
    }

    /** The guest's stats page as the monitor reads it (no exit). */
    public GuestStats.Reading guestStats() {
        return vm.guestStats();
    }

    public VmStats stats() {
        return vm.stats();
    }

    /** The booted VM itself, for what a benchmark does beside measuring (kiln bench http --profile). */
    public Vm vm() {
        return vm;
    }

    /** null while the guest runs, else how it ended. */
    public String death() {
        Object e = end.get();
        return e == null ? null : "the VM ended: " + e;
    }

    @Override
    public void close() throws Exception {
        try {
            vm.stop("benchmark done");
            vcpu.join(10_000);
            vm.close();
        } finally {
            kvm.close();
        }
    }

    public static int ipv4(String dotted) {
        String[] p = dotted.split("\\.");
        return Integer.parseInt(p[0]) << 24 | Integer.parseInt(p[1]) << 16 | Integer.parseInt(p[2]) << 8 | Integer.parseInt(p[3]);
    }

    /** The guest's console on stderr, each line prefixed, so it stays apart from the figures on stdout. */
    public static final class PrefixedStream extends OutputStream {
        private final String prefix;
        private boolean lineStart = true;

        public PrefixedStream(String prefix) {
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
