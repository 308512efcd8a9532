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
        Guests.Run r = Guests.boot(VmConfig.of(img, OutputStream.nullOutputStream()).withMemoryBytes(32L << 20)
                .withArgs(List.of("one", "two words")).withEnv(List.of("A=1", "B=x=y")));
        assertEquals(new VmExit.Exited(0), r.exit(), r.console());
        String out = r.console();
        assertTrue(out.contains("argc=3\nargv[0]=bootinfo\nargv[1]=one\nargv[2]=two words\n"), out);
        assertTrue(out.contains("env=A=1\nenv=B=x=y\n"), out);
        assertTrue(out.contains("mem_size=" + (32L << 20) + "\n"), out);
        assertTrue(out.contains("tls=42\n"), out);
        Matcher m = Pattern.compile("walltime_s=(\\d+) boot_wallclock_s=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(Long.parseLong(m.group(1)) - now) <= 5, out);
        assertTrue(Math.abs(Long.parseLong(m.group(2)) - now) <= 5, out);
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

    @Test
    void sleepThroughYieldIsAccurate() {
        Guests.Run r = Guests.boot("sleep", "50");
        assertEquals(new VmExit.Exited(0), r.exit(), r.console());
        Matcher m = Pattern.compile("slept_ns=(\\d+) requested_ns=50000000").matcher(r.console());
        assertTrue(m.find(), r.console());
        long guestNs = Long.parseLong(m.group(1));
        assertTrue(guestNs >= 50_000_000L && guestNs <= 55_000_000L, "guest measured " + guestNs + " ns");
        // Host side: the whole run (two exits around the yield) against the 50 ms asked for.
        assertTrue(r.nanos() >= 50_000_000L && r.nanos() <= 55_000_000L + 10_000_000L, "host measured " + r.nanos());
        assertEquals(1, r.stats().yieldCalls());
    }

    @Test
    void timeoutEndsASpinningGuest() {
        Guests.Run r = Guests.boot(VmConfig.of(Guests.image("spin"), OutputStream.nullOutputStream())
                .withTimeout(Duration.ofMillis(200)));
        assertEquals(new VmExit.TimedOut(Duration.ofMillis(200)), r.exit());
        assertEquals(124, r.exit().exitStatus());
        assertTrue(r.nanos() >= 200_000_000L && r.nanos() < 1_000_000_000L, "ran " + r.nanos() + " ns");
    }

    @Test
    void stopFromAnotherThreadEndsASpinningGuest() throws Exception {
        try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(Guests.image("spin"), OutputStream.nullOutputStream()))) {
            CompletableFuture<VmExit> exit = CompletableFuture.supplyAsync(vm::run);
            Thread.sleep(100);
            vm.stop("test says stop");
            VmExit e = exit.get(5, TimeUnit.SECONDS);
            assertEquals(new VmExit.Stopped("test says stop"), e);
            assertEquals(143, e.exitStatus());
        }
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
            CompletableFuture<VmExit> exit = CompletableFuture.supplyAsync(vm::run);
            Thread.sleep(200);
            long t0 = System.nanoTime();
            vm.stop("enough");
            assertEquals(new VmExit.Stopped("enough"), exit.get(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - t0 < 100_000_000L, "stop took too long to wake the yield");
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
    void warmBootIsFast() {
        GuestImage img = Guests.image("hello");
        int n = 60;
        long[] firstOutput = new long[n];
        for (int i = 0; i < n; i++) {
            long[] at = new long[1];
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) {}

                @Override
                public void write(byte[] b, int off, int len) {
                    if (at[0] == 0) at[0] = System.nanoTime();
                }
            };
            long t0 = System.nanoTime();
            try (Vm vm = Vm.create(Guests.kvm(), VmConfig.of(img, out))) {
                assertEquals(new VmExit.Exited(0), vm.run());
            }
            firstOutput[i] = at[0] - t0;
        }
        long[] warm = java.util.Arrays.copyOfRange(firstOutput, n / 2, n);
        java.util.Arrays.sort(warm);
        long median = warm[warm.length / 2];
        System.out.printf("warm boot (Vm.create -> first console byte): median %.0f us%n", median / 1e3);
        // The target is 1 ms; allow for a loaded CI machine here, the benchmark measures precisely.
        assertTrue(median < 5_000_000L, "median warm boot " + median + " ns");
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
