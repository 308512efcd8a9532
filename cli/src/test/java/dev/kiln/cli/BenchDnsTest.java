package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `kiln bench dns` end to end with short runs: dnsperf against the DNS example as a real
 * unikernel on a tap and against a real NSD behind a veth. Checks the summary line's shape,
 * that both servers answered (the same answers, checked by the command itself, and a row each
 * with answered queries), and that nothing it started outlives it: its namespaces (with the
 * tap and the veth in them), NSD and NSD's directory. No figure is judged.
 */
class BenchDnsTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "dns unikernel_qps=\\d+ nsd_qps=\\d+ ratio=\\d+\\.\\d{3} unikernel_p99_ms=\\d+\\.\\d{3} nsd_p99_ms=\\d+\\.\\d{3} lost=\\d+");

    @Test
    void benchDnsEndsWithItsSummaryLineAndLeavesNothingBehind() throws Exception {
        Tools.require("dnsperf", "nsd", "dig", "ip");
        var r = KilnProcess.run("bench", "dns", "--duration", "2", "--warmup", "1", "--latency-seconds", "1");
        assertEquals(0, r.exitStatus(), r.toString());
        List<String> lines = r.stdout().lines().toList();
        String last = lines.getLast();
        assertTrue(SUMMARY.matcher(last).matches(), "summary line: " + last + "\n" + r);
        assertTrue(r.stdout().contains("server processes: the same answers to all "), r.toString());
        for (String server : List.of("unikernel", "nsd")) {
            String row = lines.stream().filter(l -> l.matches(server + "( +-?[0-9.]+)+")).findFirst().orElse(null);
            assertTrue(row != null, "no row for " + server + ":\n" + r);
            String[] cols = row.trim().split("\\s+");
            long sent = Long.parseLong(cols[1]), lost = Long.parseLong(cols[3]);
            assertTrue(sent > lost, server + " answered no query: " + row);
        }

        Matcher net = Pattern.compile("network: namespaces (\\S+) \\(dnsperf\\) and (\\S+) \\(NSD\\), tap (\\S+)").matcher(r.stdout());
        assertTrue(net.find(), r.toString());
        String namespaces = new String(new ProcessBuilder("ip", "netns", "list").start().getInputStream().readAllBytes());
        assertFalse(namespaces.contains(net.group(1)), "the client namespace outlived the bench: " + namespaces);
        assertFalse(namespaces.contains(net.group(2)), "NSD's namespace outlived the bench: " + namespaces);
        Matcher nsd = Pattern.compile("NSD \\((\\S+)\\), \\d+ server processes").matcher(r.stdout());
        assertTrue(nsd.find(), r.toString());
        String dir = nsd.group(1);
        assertFalse(Files.exists(Path.of(dir)), "NSD's directory outlived the bench: " + dir);
        List<String> left = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(dir)).toList();
        assertEquals(List.of(), left, "NSD outlived the bench");
        System.out.println("[bench-dns] " + last);
    }

    @Test
    void badOptionsAreAUserError() throws Exception {
        var r = KilnProcess.run("bench", "dns", "--clients", "9", "--outstanding", "2");
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().startsWith("kiln: error: ") && r.stderr().contains("--clients"), r.toString());
    }
}
