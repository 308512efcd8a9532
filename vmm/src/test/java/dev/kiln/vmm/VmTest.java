package dev.kiln.vmm;

import dev.kiln.image.GuestImage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Boots the real C test guests on /dev/kvm. */
class VmTest {
    @Test
    void helloPrintsItsLineAndExitsZero() {
        Guests.Run r = Guests.boot("hello");
        assertEquals(new VmExit.Exited(0), r.exit(), r.console());
        assertEquals("Hello from a Kiln unikernel!\n", r.console());
        assertEquals(0, r.exit().exitStatus());
        assertEquals(2, r.stats().exits(), "one console write, one exit: " + r.stats());
    }

    @Test
    void exit42() {
        Guests.Run r = Guests.boot("exit42");
        assertEquals(new VmExit.Exited(42), r.exit());
        assertEquals(42, r.exit().exitStatus());
        assertEquals("exiting with 42\n", r.console());
    }

    @Test
    void nullDereferenceCrashesNamingTheFunction() {
        CrashReport c = crash(Guests.boot("nullderef"));
        assertTrue(c.symbol().startsWith("read_through_null"), c.format());
        assertTrue(c.pageFault(), c.format());
        assertTrue(c.cr2() < 4096, c.format());
        assertEquals("null pointer dereference (CR2 < 4096)", c.hint());
    }

    @Test
    void unboundedRecursionHitsTheGuardPage() {
        CrashReport c = crash(Guests.boot("recursion"));
        assertTrue(c.symbol().startsWith("recurse_forever"), c.format());
        assertEquals("stack overflow (CR2 in the stack guard page)", c.hint(), c.format());
    }

    @Test
    void invalidOpcodeCrashes() {
        CrashReport c = crash(Guests.boot("badopcode"));
        assertTrue(c.symbol().startsWith("execute_invalid_opcode"), c.format());
        assertEquals("invalid opcode (ud2 at RIP)", c.hint());
        String report = c.format();
        assertTrue(report.contains("rip") && report.contains("rflags") && report.contains("r15"), report);
    }

    @Test
    void stackProtectorCanaryCatchesASmash() {
        Guests.Run r = Guests.boot("stackguard");
        VmExit.Aborted a = assertInstanceOf(VmExit.Aborted.class, r.exit(), r.console());
        assertTrue(a.message().contains("stack smashing"), a.message());
        assertEquals(134, a.exitStatus());
    }

    @Test
    void bootInfoArgumentsEnvironmentTlsAndClock() {
        GuestImage img = Guests.image("bootinfo");
        long before = System.currentTimeMillis() / 1000;
        Guests.Run r = Guests.boot(VmConfig.of(img, OutputStream.nullOutputStream()).withMemoryBytes(32L << 20)
                .withArgs(List.of("one", "two words")).withEnv(List.of("A=1", "B=x=y")));
        long after = System.currentTimeMillis() / 1000;
        assertEquals(new VmExit.Exited(0), r.exit(), r.console());
        String out = r.console();
        assertTrue(out.contains("argc=3\nargv[0]=bootinfo\nargv[1]=one\nargv[2]=two words\n"), out);
        assertTrue(out.contains("env=A=1\nenv=B=x=y\n"), out);
        assertTrue(out.contains("mem_size=" + (32L << 20) + "\n"), out);
        assertTrue(out.contains("tls=42\n"), out);
        Matcher m = Pattern.compile("walltime_s=(\\d+) boot_wallclock_s=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        // Both clocks were read during the boot: between the host's readings before and after it
        // (whole seconds, so truncation needs no slack; no bound on how long the boot took).
        long walltime = Long.parseLong(m.group(1)), bootWallclock = Long.parseLong(m.group(2));
        assertTrue(before <= bootWallclock && bootWallclock <= walltime && walltime <= after,
                "host " + before + ".." + after + ", guest " + out);
        // The TSC-based wall clock (what Java images read) too: an image's clock was once ahead by
        // the host's uptime, because KVM kept the TSC offset the monitor tried to set.
        Matcher tsc = Pattern.compile("tsc_wall_s=(\\d+)").matcher(out);
        assertTrue(tsc.find(), out);
        long tscWall = Long.parseLong(tsc.group(1));
        assertTrue(before <= tscWall && tscWall <= after, "host " + before + ".." + after + ", guest " + out);
    }

    @Test
    void manifestGivesNameMemoryArgumentsAndEnvironment() {
        GuestImage img = Guests.image("manifest");
        assertEquals("manifest-test", img.name());
        assertEquals(48, img.manifest().memoryMb());
        Guests.Run r = Guests.boot(VmConfig.of(img, OutputStream.nullOutputStream())
                .withArgs(List.of("third")).withEnv(List.of("GREETING=hello", "OTHER=1")));
        assertEquals(new VmExit.Exited(0), r.exit(), r.console());
        assertEquals("mem_size=" + (48L << 20) + "\nargv[0]=manifest-test\nargv[1]=first\nargv[2]=second arg\n"
                + "argv[3]=third\nenv=GREETING=hello\nenv=OTHER=1\n", r.console());
    }

    /**
     * A sleep never ends early, by the guest's clock or the host's. How late it ends depends on
     * the machine's load, so that figure is `kiln bench sleep`'s, not a test's.
     */
    @Test
    void sleepThroughYieldNeverWakesEarly() {
        int sleeps = 3;
        Guests.Run r = Guests.boot("sleep", "50", String.valueOf(sleeps));
        assertEquals(new VmExit.Exited(0), r.exit(), r.console());
        Matcher m = Pattern.compile("slept_ns=(\\d+) requested_ns=50000000\n").matcher(r.console());
        for (int i = 0; i < sleeps; i++) {
            assertTrue(m.find(), "sleep " + i + ": " + r.console());
            assertTrue(Long.parseLong(m.group(1)) >= 50_000_000L, "woke early: " + m.group());
        }
        assertTrue(r.nanos() >= sleeps * 50_000_000L, "the host ran the guest for only " + r.nanos() + " ns");
        // One yield per sleep: the monitor never returned from a yield before its timeout.
        assertEquals(sleeps, r.stats().yieldCalls(), r.stats().format());
    }

    @Test
    void timeoutEndsASpinningGuest() {
        Guests.Run r = Guests.bootBounded(VmConfig.of(Guests.image("spin"), OutputStream.nullOutputStream())
                .withTimeout(Duration.ofMillis(200)));
        assertEquals(new VmExit.TimedOut(Duration.ofMillis(200)), r.exit());
        assertEquals(124, r.exit().exitStatus());
        assertTrue(r.nanos() >= 200_000_000L, "timed out early, after " + r.nanos() + " ns");
    }

    @Test
    void stopFromAnotherThreadEndsASpinningGuest() throws Exception {
        Guests.Console console = new Guests.Console();
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("spin"), console))) {
            CompletableFuture<VmExit> exit = Guests.runInBackground(vm);
            console.await("spinning\n", exit); // the guest runs its endless loop now
            vm.stop("test says stop");
            VmExit e = exit.get(Guests.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertEquals(new VmExit.Stopped("test says stop"), e);
            assertEquals(143, e.exitStatus());
        }
    }

    /** An image built for another ABI (its ABI note says so, or it has none) is refused before it runs. */
    @Test
    void imagesOfAnotherAbiAreRefusedWithALineAskingForARebuild() throws Exception {
        byte[] file = java.nio.file.Files.readAllBytes(Guests.elf("hello"));
        byte[] note = {5, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 'K', 'i', 'l', 'n', 0, 0, 0, 0, 3, 0, 0, 0};
        int at = indexOf(file, note);
        assertTrue(at > 0, "hello.elf has no ABI note for ABI 3");
        byte[] v2 = file.clone();
        v2[at + 20] = 2;
        VmmException e = org.junit.jupiter.api.Assertions.assertThrows(VmmException.class, () ->
                Vm.create(Guests.kvm(), VmConfig.of(GuestImage.parse(v2, "hello"), OutputStream.nullOutputStream())));
        assertEquals("image hello was built for Kiln ABI 2; this kiln runs ABI 3 images: rebuild it with kiln build",
                e.getMessage());
        byte[] none = file.clone();
        none[at + 8] = 9; // another note type: no ABI note at all
        e = org.junit.jupiter.api.Assertions.assertThrows(VmmException.class, () ->
                Vm.create(Guests.kvm(), VmConfig.of(GuestImage.parse(none, "hello"), OutputStream.nullOutputStream())));
        assertEquals("image hello was built for an older Kiln ABI (it carries no ABI note); this kiln runs ABI 3"
                + " images: rebuild it with kiln build", e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Test
    void stopBeforeRunStillStops() {
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("spin"), OutputStream.nullOutputStream()))) {
            vm.stop("early");
            assertEquals(new VmExit.Stopped("early"), vm.run());
        }
    }

    @Test
    void stopWakesAYieldingGuest() throws Exception {
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("hostile"), OutputStream.nullOutputStream())
                .withArgs(List.of("yield-forever")))) {
            CompletableFuture<VmExit> exit = Guests.runInBackground(vm);
            Guests.awaitCondition("the guest's yield", () -> vm.stats().yieldCalls() == 1, exit);
            vm.stop("enough");
            assertEquals(new VmExit.Stopped("enough"), exit.get(Guests.HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            // Still the one yield: stop woke it (its timeout is ~2^64 ns, and a returned yield prints and exits 0).
            assertEquals(1, vm.stats().yieldCalls());
        }
    }

    @Test
    void manyBootsOfOneImageReuseShellsCleanly() {
        GuestImage img = Guests.image("bootinfo");
        for (int i = 0; i < 20; i++) {
            Guests.Run r = Guests.boot(VmConfig.of(img, OutputStream.nullOutputStream()));
            assertEquals(new VmExit.Exited(0), r.exit(), r.console());
            assertTrue(r.console().contains("tls=42\n"), "boot " + i + ": stale memory? " + r.console());
        }
    }

    @Test
    void crashReportFormatIsReadable() {
        CrashReport c = crash(Guests.boot("nullderef"));
        String f = c.format();
        assertTrue(f.startsWith("guest nullderef crashed: null pointer dereference"), f);
        assertTrue(f.contains("<read_through_null"), f);
        assertNotNull(c.registers().get("rsp"));
    }

    @Test
    void consoleOutputGoesToTheConfiguredStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("hello"), out))) {
            vm.run();
        }
        assertEquals("Hello from a Kiln unikernel!\n", out.toString(StandardCharsets.UTF_8));
    }

    static CrashReport crash(Guests.Run r) {
        VmExit.Crashed c = assertInstanceOf(VmExit.Crashed.class, r.exit(), r.console());
        assertEquals(139, c.exitStatus());
        assertNotNull(c.report().symbol(), c.report().format());
        return c.report();
    }
}
