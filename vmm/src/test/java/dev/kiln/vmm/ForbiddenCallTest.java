package dev.kiln.vmm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A forbidden system call from a vCPU thread is stopped: each case runs {@link ForbiddenCallProbe}
 * in a JVM of its own, whose vCPU thread makes the call from the guest's first console write,
 * after its filter is on. With the filters on (the default), the kernel kills the whole process
 * with SIGSYS before the call does anything; the kernel log names the call (an audit record,
 * type=1326). With --seccomp=log the call runs and the kernel logs it.
 */
class ForbiddenCallTest {
    /** What Process.exitValue() reports for a child killed by SIGSYS (31): 128 + 31. */
    private static final int KILLED_BY_SIGSYS = 159;

    private record Outcome(long pid, int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "pid " + pid + ", exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "openat,         257",   // reading a file (secrets) with the monitor's rights
            "socket,         41",    // a new connection out of the host
            "execve,         59",    // running a program
            "ioctl-kvm,      16",    // KVM_CREATE_VM on /dev/kvm: not its vCPU's descriptor
            "ioctl-set-regs, 16",    // its own vCPU, but a request the vCPU thread never makes
    })
    void aForbiddenCallKillsTheMonitor(String call, int nr) throws Exception {
        Outcome o = probe("default", call);
        assertEquals(KILLED_BY_SIGSYS, o.exit(), "killed by SIGSYS\n" + o);
        assertTrue(o.stdout().contains("attempting " + call + "\n"), "the vCPU thread got as far as the call\n" + o);
        assertFalse(o.stdout().contains("survived"), "the call returned\n" + o);
        String record = auditRecord(o.pid(), nr);
        assertTrue(record.contains("comm=\"kiln-vcpu-hello\""), "the kernel names the vCPU thread: " + record);
        assertTrue(record.contains("sig=31") && record.contains("code=0x80000000"), "killed the process: " + record);
    }

    @Test
    void anX32CallKillsTheMonitorEvenInLogMode() throws Exception {
        Outcome o = probe("log", "x32-getpid");
        assertEquals(KILLED_BY_SIGSYS, o.exit(), "killed by SIGSYS\n" + o);
        assertFalse(o.stdout().contains("survived"), o.toString());
    }

    @Test
    void logModeLetsTheCallRunAndTheKernelLogsIt() throws Exception {
        Outcome o = probe("log", "openat");
        assertEquals(0, o.exit(), o.toString());
        assertTrue(o.stdout().matches("(?s).*survived openat: [0-9]+\n.*"), "openat returned a descriptor\n" + o);
        assertTrue(o.stdout().contains("exit: Exited[status=0]"), o.toString());
        String record = auditRecord(o.pid(), 257);
        assertTrue(record.contains("code=0x7ffc0000"), "logged, not killed: " + record);
    }

    @Test
    void offModeHasNoFilter() throws Exception {
        Outcome o = probe("off", "socket");
        assertEquals(0, o.exit(), o.toString());
        assertTrue(o.stdout().matches("(?s).*survived socket: [0-9]+\n.*"), o.toString());
    }

    private static Outcome probe(String mode, String call) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:-CreateCoredumpOnCrash",
                "-Dkiln.guest.dir=" + Guests.dir(), "-cp", System.getProperty("java.class.path"),
                ForbiddenCallProbe.class.getName(), mode, call));
        Path out = Files.createTempFile("kiln-probe", ".out"), err = Files.createTempFile("kiln-probe", ".err");
        try {
            // no core file for the killed JVM (SIGSYS dumps core by default): ulimit -c 0 through the shell
            List<String> shell = List.of("sh", "-c", "ulimit -c 0 && exec \"$@\"", "probe");
            List<String> full = new ArrayList<>(shell);
            full.addAll(cmd);
            Process p = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hang only
                p.destroyForcibly();
                fail("the probe JVM did not end in 120 s");
            }
            return new Outcome(p.pid(), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The kernel's audit record (type=1326) of a seccomp verdict on call nr in process pid, from dmesg. */
    private static String auditRecord(long pid, int nr) throws IOException, InterruptedException {
        Process d;
        try {
            d = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("prerequisite missing: dmesg (util-linux), to read the kernel log: " + e.getMessage());
        }
        String log = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (d.waitFor() != 0) fail("prerequisite missing: reading the kernel log (dmesg failed; run as root): " + log.strip());
        for (String line : log.split("\n")) {
            if (line.contains("type=1326") && line.contains(" pid=" + pid + " ") && line.contains(" syscall=" + nr + " ")) {
                return line;
            }
        }
        throw new AssertionError("no seccomp audit record (type=1326) for pid " + pid + " and syscall " + nr
                + " in the kernel log (with auditd running, records go to its log instead)");
    }
}
