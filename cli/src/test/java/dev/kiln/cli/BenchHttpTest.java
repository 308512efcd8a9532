package dev.kiln.cli;

import dev.kiln.cli.bench.WrkResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `kiln bench http` end to end (short runs: the unikernel, HotSpot and nginx each answer, the
 * line has its shape; no figure is judged), and the parsing of wrk's report it relies on.
 */
class BenchHttpTest {
    @Test
    void benchHttpEndsWithItsSummaryLine() throws Exception {
        Tools.require("wrk", "curl", "nginx");
        var r = KilnProcess.run("bench", "http", "--duration", "2", "--warmup", "1", "--connections", "8", "--stats-cost");
        assertEquals(0, r.exitStatus(), r.toString());
        List<String> lines = r.stdout().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("http unikernel_rps=\\d+ hotspot_rps=\\d+ nginx_rps=\\d+ ratio=\\d+\\.\\d{3} unikernel_p99_ms=\\d+\\.\\d{2}"
                + " hotspot_p99_ms=\\d+\\.\\d{2} exits_per_request=\\d+\\.\\d{3} stats_cost_pct=-?\\d+\\.\\d"), r.toString());
        // every server answered: a row each with the requests it completed, none of them failed
        // with --stats-cost the same image ran again with KILN_STATS=off (the command checks that its page stayed empty)
        assertTrue(r.stdout().contains("stats page: "), r.toString());
        for (String server : List.of("unikernel", "no-stats", "no-stats-2", "unikernel-2", "hotspot", "nginx")) {
            String row = lines.stream().filter(l -> l.matches(server + "( +-?[0-9.]+)+")).findFirst().orElse(null);
            assertTrue(row != null, "no row for " + server + ":\n" + r);
            String[] cols = row.trim().split("\\s+");
            assertTrue(Long.parseLong(cols[1]) > 0, "no request answered by " + server + ": " + row);
            assertEquals("0", cols[4], "errors of " + server + ": " + row);
        }
        assertTrue(r.stdout().contains("nginx " + Runtime.getRuntime().availableProcessors() + " workers, the same "), r.toString());
        assertTrue(r.stdout().contains("unikernel during the measured run: "), r.toString());
        System.out.println("[bench-http] " + last);
    }

    @Test
    void badOptionsAreAUserError() throws Exception {
        var r = KilnProcess.run("bench", "http", "--threads", "9", "--connections", "2");
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().startsWith("kiln: error: ") && r.stderr().contains("--threads"), r.toString());
    }

    private static final String REPORT = """
            Running 2s test @ http://10.201.0.2/
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   %s
              Latency Distribution
                 50%%  150.00us
                 75%%  200.00us
                 90%%  400.00us
                 99%%    %s
              12345 requests in 2.00s, 4.32MB read
            %sRequests/sec:   6172.50
            Transfer/sec:      2.16MB
            """;

    @Test
    void wrkReportsAreParsedWithTheirUnits() {
        WrkResult us = WrkResult.parse(REPORT.formatted("1ms", "850.00us", ""));
        assertEquals(12345, us.requests());
        assertEquals(6172.5, us.rps(), 1e-9);
        assertEquals(0.85, us.p99Millis(), 1e-9);
        assertEquals(0, us.errors());
        assertEquals(12.5, WrkResult.parse(REPORT.formatted("1ms", "12.50ms", "")).p99Millis(), 1e-9);
        assertEquals(1500, WrkResult.parse(REPORT.formatted("1ms", "1.50s", "")).p99Millis(), 1e-9);
        WrkResult bad = WrkResult.parse(REPORT.formatted("1ms", "2.00ms",
                "  Socket errors: connect 1, read 2, write 3, timeout 4\n  Non-2xx or 3xx responses: 5\n"));
        assertEquals(15, bad.errors());
        try {
            WrkResult.parse("wrk: unable to connect");
            throw new AssertionError("a report without figures must not parse");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("unable to connect"));
        }
    }
}
