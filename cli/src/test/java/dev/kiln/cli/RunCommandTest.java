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
