package dev.kiln.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the fuzz tests need; a missing piece fails the test with its name, never skips it. */
final class Prerequisites {
    private static Kvm kvm;

    private Prerequisites() {}

    static Path guestDir() {
        String dir = System.getProperty("kiln.guest.dir");
        if (dir == null) fail("kiln.guest.dir is not set (run the tests through Maven, which builds guest/)");
        return Path.of(dir);
    }

    static Path guest(String name) {
        Path p = guestDir().resolve("tests").resolve(name + ".elf");
        if (!Files.isRegularFile(p)) fail("test guest " + p + " is missing: run make -C guest");
        return p;
    }

    static Path kilnHome() {
        String home = System.getProperty("kiln.home");
        if (home == null) fail("kiln.home is not set (run the tests through Maven)");
        return Path.of(home).toAbsolutePath().normalize();
    }

    static synchronized Kvm kvm() {
        if (kvm == null) kvm = Kvm.open();
        return kvm;
    }

    static void root() {
        if (!NetworkNamespace.isRoot()) fail("prerequisite missing: must run as root (network namespace, taps)");
        if (!Files.exists(Path.of("/dev/net/tun"))) fail("prerequisite missing: /dev/net/tun");
    }
}
