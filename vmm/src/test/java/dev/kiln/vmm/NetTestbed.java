package dev.kiln.vmm;

import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import dev.kiln.vmm.hostnet.TapDevice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A namespace of its own (random name) holding a tap (random name) with the host end of a
 * random 10.x.y.0/24 subnet at .1; the guest gets .2. Deleted on close, also after a failure.
 */
final class NetTestbed implements AutoCloseable {
    final NetworkNamespace ns;
    final TapDevice tap;
    final String tapName, hostIp, guestIp;
    final int guestIpValue;

    NetTestbed() throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int b = 64 + r.nextInt(128), c = r.nextInt(256);
        hostIp = "10." + b + "." + c + ".1";
        guestIp = "10." + b + "." + c + ".2";
        guestIpValue = (10 << 24) | (b << 16) | (c << 8) | 2;
        tapName = "kn" + Long.toHexString(r.nextLong() & 0xffffffffL);
        ns = NetworkNamespace.create("kiln-nd-");
        try {
            tap = TapDevice.open(ns, tapName);
            ns.ip("addr", "add", hostIp + "/24", "dev", tapName);
            ns.ip("link", "set", tapName, "up");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    static void requirePrerequisites(String... tools) {
        if (!NetworkNamespace.isRoot()) fail("prerequisite missing: must run as root (network namespaces, tap devices)");
        if (!Files.exists(Path.of("/dev/net/tun"))) fail("prerequisite missing: /dev/net/tun");
        for (String tool : tools) {
            boolean found = false;
            for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
                found |= Files.isExecutable(Path.of(dir, tool));
            }
            if (!found) fail("prerequisite missing: " + tool);
        }
    }

    final long mac = NetConfig.localMac(ThreadLocalRandom.current().nextInt());

    NetConfig netConfig() {
        return new NetConfig(new TapBackend(tap), mac, NetConfig.DEFAULT_MTU, guestIpValue, 24, 0);
    }

    /** A VM running in the background, its console captured. */
    static final class Running {
        final Vm vm;
        final CompletableFuture<VmExit> exit;
        final ByteArrayOutputStream console;

        Running(Vm vm, ByteArrayOutputStream console) {
            this.vm = vm;
            this.console = console;
            this.exit = CompletableFuture.supplyAsync(vm::run, r -> Thread.ofPlatform().daemon().start(r));
        }

        String console() {
            synchronized (console) {
                return console.toString(StandardCharsets.UTF_8);
            }
        }
    }

    Running start(String guest, Duration timeout, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VmConfig c = new VmConfig(Guests.image(guest), 0, timeout, List.of(args), List.of(), out, netConfig());
        return new Running(Vm.create(Guests.kvm(), c), out);
    }

    @Override
    public void close() throws IOException {
        try {
            tap.close();
        } finally {
            ns.close();
        }
    }
}
