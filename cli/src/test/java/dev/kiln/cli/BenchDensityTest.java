package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `kiln bench density` end to end at a small N: its own daemon (a real process in a network
 * namespace of its own), three real HTTP example VMs on its bridge, each asked for a page; the
 * summary line's shape and all_answered=true (the figures themselves are not judged here), and
 * nothing left behind: the daemon's process and its directory are gone when the command ends.
 */
class BenchDensityTest {
    private static final Pattern SUMMARY =
            Pattern.compile("density vms=3 started_s=[0-9.]+ host_mib_per_vm=-?[0-9.]+ ps_ms=[0-9.]+ scrape_ms=[0-9.]+ all_answered=(true|false)");

    @Test
    void threeVmsAnswerAndTheDaemonGoesWithEverything() throws Exception {
        Tools.require("ip", "bridge", "unshare");
        KilnProcess r = KilnProcess.run("bench", "density", "--vms", "3");
        assertEquals(0, r.exitStatus(), r.toString());
        String last = r.stdout().lines().reduce((a, b) -> b).orElse("");
        Matcher m = SUMMARY.matcher(last);
        assertTrue(m.matches(), "summary line: " + last + "\n" + r);
        assertEquals("true", m.group(1), r.toString());
        assertTrue(r.stdout().contains("answered 3/3 "), r.toString());
        assertTrue(r.stdout().contains("removed 3/3 "), r.toString());

        Matcher daemon = Pattern.compile("daemon pid (\\d+) on unix://(\\S+), in a network namespace of its own").matcher(r.stdout());
        assertTrue(daemon.find(), r.toString());
        long pid = Long.parseLong(daemon.group(1));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the benchmark's daemon outlived it");
        Path dir = Path.of(daemon.group(2)).getParent();
        assertFalse(Files.exists(dir), "the benchmark's directory outlived it: " + dir);
    }

    @Test
    void refusesANonsensicalCount() throws Exception {
        KilnProcess r = KilnProcess.run("bench", "density", "--vms", "0");
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("--vms must be 1..10000"), r.toString());
    }
}
