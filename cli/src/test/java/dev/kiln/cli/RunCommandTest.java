package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `kiln run` end to end: a new JVM, a real VM on /dev/kvm, the exit status and streams a user sees. */
class RunCommandTest {
    @Test
    void helloPrintsItsLineAndExitsZero() throws Exception {
        var r = KilnProcess.run("run", KilnProcess.guest("tests/hello.elf").toString());
        assertEquals(0, r.exitStatus(), r.toString());
        assertEquals("Hello from a Kiln unikernel!\n", r.stdout(), r.toString());
        assertEquals("", r.stderr(), r.toString());
    }

    @Test
    void guestExitStatusBecomesKilnsExitStatus() throws Exception {
        var r = KilnProcess.run("run", KilnProcess.guest("tests/exit42.elf").toString());
        assertEquals(42, r.exitStatus(), r.toString());
    }

    @Test
    void crashPrintsReportNamingTheFaultingFunction() throws Exception {
        var r = KilnProcess.run("run", KilnProcess.guest("tests/nullderef.elf").toString());
        assertEquals(139, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("read_through_null"), r.toString());
        assertTrue(r.stderr().contains("rip "), r.toString());
        assertTrue(r.stderr().contains("null pointer dereference"), r.toString());
    }

    @Test
    void argumentsAndEnvironmentReachTheGuest() throws Exception {
        var r = KilnProcess.run("run", "-e", "COLOR=blue", KilnProcess.guest("tests/bootinfo.elf").toString(),
                "--", "one", "two words");
        assertEquals(0, r.exitStatus(), r.toString());
        assertTrue(r.stdout().contains("argv[1]=one\n"), r.toString());
        assertTrue(r.stdout().contains("argv[2]=two words\n"), r.toString());
        assertTrue(r.stdout().contains("env=COLOR=blue\n"), r.toString());
    }

    @Test
    void memFlagSizesGuestMemory() throws Exception {
        var r = KilnProcess.run("run", "--mem", "16", KilnProcess.guest("tests/bootinfo.elf").toString());
        assertEquals(0, r.exitStatus(), r.toString());
        assertTrue(r.stdout().contains("mem_size=" + 16L * 1024 * 1024 + "\n"), r.toString());
    }

    @Test
    void timeoutEndsASpinningGuest() throws Exception {
        // Exit 124 is the timeout's doing; KilnProcess's hang guard fails the test if it never fires.
        var r = KilnProcess.run("run", "--timeout", "0.5", KilnProcess.guest("tests/spin.elf").toString());
        assertEquals(124, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("--timeout"), r.toString());
    }

    @Test
    void hostileGuestIsStoppedWithAnError() throws Exception {
        var r = KilnProcess.run("run", KilnProcess.guest("tests/hostile.elf").toString(), "--", "console-ptr");
        assertEquals(159, r.exitStatus(), r.toString());
        assertTrue(r.stderr().toLowerCase().contains("console"), r.toString());
    }

    @Test
    void badSeccompModeIsAClearError() throws Exception {
        var r = KilnProcess.run("run", "--seccomp", "maybe", KilnProcess.guest("tests/hello.elf").toString());
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: --seccomp: seccomp mode must be on, log or off, not 'maybe'\n", r.stderr(), r.toString());
    }

    @Test
    void seccompLogRunsTheGuestAsUsual() throws Exception {
        var r = KilnProcess.run("run", "--seccomp=log", KilnProcess.guest("tests/hello.elf").toString());
        assertEquals(0, r.exitStatus(), r.toString());
        assertEquals("Hello from a Kiln unikernel!\n", r.stdout(), r.toString());
    }

    @Test
    void badStopAndDnsFlagsAreClearErrors() throws Exception {
        String hello = KilnProcess.guest("tests/hello.elf").toString();
        var r = KilnProcess.run("run", "--stop-timeout", "-1", hello);
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: --stop-timeout must be a number of seconds of 0 or more, not -1.0\n", r.stderr(), r.toString());
        r = KilnProcess.run("run", "--dns", "10.0.0.1", hello);
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: --dns needs a net device (-p or --net)\n", r.stderr(), r.toString());
    }

    @Test
    void gdbIsForAForegroundRun() throws Exception {
        var r = KilnProcess.run("run", "-d", "--gdb", "127.0.0.1:0", KilnProcess.guest("tests/hello.elf").toString());
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: --gdb and --gdb-wait are for a foreground kiln run, not -d\n", r.stderr(), r.toString());
    }

    /**
     * SIGTERM to kiln run with a C guest that sees the stop request and ignores it
     * (guest/tests/stop.c): after --stop-timeout the VM is destroyed, and kiln says so.
     */
    @Test
    void aGuestIgnoringTheStopRequestIsKilledAfterTheGrace() throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--stop-timeout", "0.5", KilnProcess.guest("tests/stop.elf").toString(), "--", "ignore"));
        var err = java.nio.file.Files.createTempFile("kiln-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            ProcessOutput out = new ProcessOutput(p, "stop-ignore-output");
            org.junit.jupiter.api.Assertions.assertNull(out.await("waiting\n", KilnProcess.HANG_GUARD_SECONDS * 1000L));
            p.toHandle().destroy(); // SIGTERM (Process.destroy would close our end of the pipes too)
            assertTrue(p.waitFor(KilnProcess.HANG_GUARD_SECONDS, java.util.concurrent.TimeUnit.SECONDS), out.text());
            out.drain(60_000);
            String stderr = java.nio.file.Files.readString(err);
            assertEquals(143, p.exitValue(), stderr);
            assertTrue(out.text().contains("stop bit, stop_requested=1\n"), out.text());
            assertEquals("kiln: killed after the 0.5 s grace period\n", stderr, out.text());
        } finally {
            java.nio.file.Files.delete(err);
        }
    }

    @Test
    void missingImageIsAClearError() throws Exception {
        var r = KilnProcess.run("run", "/nonexistent/image.elf");
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: no such image: /nonexistent/image.elf\n", r.stderr(), r.toString());
    }

    @Test
    void notAnElfIsAClearError() throws Exception {
        var junk = java.nio.file.Files.createTempFile("junk", ".elf");
        try {
            java.nio.file.Files.writeString(junk, "this is not an ELF file at all, just text");
            var r = KilnProcess.run("run", junk.toString());
            assertEquals(125, r.exitStatus(), r.toString());
            assertTrue(r.stderr().startsWith("kiln: error: "), r.toString());
            assertTrue(r.stderr().contains("ELF"), r.toString());
            assertTrue(r.stderr().lines().count() == 1, r.toString());
        } finally {
            java.nio.file.Files.delete(junk);
        }
    }

    @Test
    void badFlagValuesAreRefused() throws Exception {
        var mem = KilnProcess.run("run", "--mem", "0", KilnProcess.guest("tests/hello.elf").toString());
        assertEquals(125, mem.exitStatus(), mem.toString());
        assertTrue(mem.stderr().contains("--mem"), mem.toString());
        var timeout = KilnProcess.run("run", "--timeout", "-1", KilnProcess.guest("tests/hello.elf").toString());
        assertEquals(125, timeout.exitStatus(), timeout.toString());
        var unknown = KilnProcess.run("run", "--frobnicate", KilnProcess.guest("tests/hello.elf").toString());
        assertEquals(2, unknown.exitStatus(), unknown.toString());
        assertTrue(unknown.stderr().contains("--frobnicate"), unknown.toString());
    }
}
