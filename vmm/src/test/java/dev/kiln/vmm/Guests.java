package dev.kiln.vmm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** The C test guests built by guest/Makefile, and a shared /dev/kvm for the tests. */
public final class Guests {
    private static Kvm kvm;

    private Guests() {}

    /** The guest build directory: $KILN_GUEST_DIR, else the kiln.guest.dir property the pom sets. */
    public static Path dir() {
        String env = System.getenv("KILN_GUEST_DIR");
        String dir = env != null && !env.isEmpty() ? env : System.getProperty("kiln.guest.dir");
        if (dir == null) fail("kiln.guest.dir is not set (run the tests through Maven, which builds guest/)");
        return Path.of(dir);
    }

    public static Path elf(String name) {
        Path p = dir().resolve("tests").resolve(name + ".elf");
        if (!Files.isRegularFile(p)) fail("test guest " + p + " is missing: run make -C guest");
        return p;
    }

    public static GuestImage image(String name) {
        return GuestImage.load(elf(name));
    }

    /** Fails (never skips) with a message naming /dev/kvm when KVM is unavailable. */
    public static synchronized Kvm kvm() {
        if (kvm == null) kvm = Kvm.open();
        return kvm;
    }

    /** The outcome of one boot: how it ended and what it printed. */
    record Run(VmExit exit, String console, long nanos, VmStats stats) {}

    static Run boot(String name, String... args) {
        return boot(VmConfig.of(image(name), new ByteArrayOutputStream()).withArgs(List.of(args))
                .withTimeout(Duration.ofSeconds(20)));
    }

    static Run boot(VmConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VmConfig c = new VmConfig(config.image(), config.memoryBytes(), config.timeout(), config.args(), config.env(), out);
        try (Vm vm = Vm.create(kvm(), c)) {
            long t0 = System.nanoTime();
            VmExit exit = vm.run();
            long t = System.nanoTime() - t0;
            return new Run(exit, out.toString(StandardCharsets.UTF_8), t, vm.stats());
        }
    }
}
