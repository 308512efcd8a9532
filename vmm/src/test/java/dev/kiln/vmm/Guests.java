package dev.kiln.vmm;

import dev.kiln.image.GuestImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The C test guests built by guest/Makefile, and a shared /dev/kvm for the tests.
 *
 * <p>Tests wait for events (a console line, a counter, a VM's exit), never for a length of
 * time; {@link #HANG_GUARD_SECONDS} bounds each wait only so that a hang fails instead of
 * blocking the suite, and is generous because the machine may be loaded.
 */
public final class Guests {
    /** How long any wait for an event may take before the test calls it a hang. */
    static final int HANG_GUARD_SECONDS = 60;

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

    /** Boots a guest that ends by itself; the monitor's timeout (the hang guard) ends it otherwise. */
    static Run boot(String name, String... args) {
        return boot(VmConfig.of(image(name), new ByteArrayOutputStream()).withArgs(List.of(args))
                .withTimeout(Duration.ofSeconds(HANG_GUARD_SECONDS)));
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

    /**
     * Like {@link #boot(VmConfig)} for a test of the monitor's own timeout or stop: if that
     * mechanism is broken the guest runs on, so the run happens on another thread and is stopped
     * (and the test failed) after the hang guard.
     */
    static Run bootBounded(VmConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VmConfig c = new VmConfig(config.image(), config.memoryBytes(), config.timeout(), config.args(), config.env(), out);
        try (Vm vm = Vm.create(kvm(), c)) {
            long t0 = System.nanoTime();
            CompletableFuture<VmExit> run = runInBackground(vm);
            try {
                VmExit exit = run.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                return new Run(exit, out.toString(StandardCharsets.UTF_8), System.nanoTime() - t0, vm.stats());
            } catch (TimeoutException e) {
                vm.stop("hang guard");
                run.join();
                throw new AssertionError("the VM still ran after " + HANG_GUARD_SECONDS + " s: " + vm.stats().format());
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Runs the VM on a daemon thread of its own (a hung vCPU must not keep the test JVM alive). */
    static CompletableFuture<VmExit> runInBackground(Vm vm) {
        return CompletableFuture.supplyAsync(vm::run, r -> Thread.ofPlatform().daemon().name("test-vcpu").start(r));
    }

    /** Waits until the condition holds; fails if the VM ended first or after the hang guard. */
    static void awaitCondition(String what, BooleanSupplier condition, CompletableFuture<VmExit> exit)
            throws InterruptedException {
        awaitCondition(() -> what, condition, exit);
    }

    private static void awaitCondition(Supplier<String> what, BooleanSupplier condition, CompletableFuture<VmExit> exit)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (!condition.getAsBoolean()) {
            if (exit.isDone()) fail("the VM ended before " + what.get() + ": " + exit.join().describe());
            if (System.nanoTime() - deadline > 0) fail("no " + what.get() + " after " + HANG_GUARD_SECONDS + " s");
            Thread.sleep(5); // polls the event: how long it takes is not the test's business
        }
    }

    /** A console that a test thread reads while the vCPU thread writes it. */
    static final class Console extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        /** Waits until the console holds text; fails if the VM ended first or after the hang guard. */
        void await(String text, CompletableFuture<VmExit> exit) throws InterruptedException {
            awaitCondition(() -> "\"" + text.strip() + "\" on the console (so far: " + text() + ")",
                    () -> text().contains(text), exit);
        }
    }
}
