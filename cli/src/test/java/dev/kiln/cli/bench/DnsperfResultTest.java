package dev.kiln.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** dnsperf 2.10's report as `kiln bench dns` reads it (the text below is its format). */
class DnsperfResultTest {
    private static final String REPORT = """
            DNS Performance Testing Tool
            Version 2.10.0

            [Status] Command line: dnsperf -s 10.202.0.2 -d q -c 1 -q 1 -l 1 -v
            [Status] Sending queries (to 10.202.0.2:53)
            > NOERROR www.kiln.test. A 0.000321
            > NOERROR kiln.test. SOA 0.000015
            > NXDOMAIN nothere.kiln.test. A 0.000011
            > NOERROR www.kiln.test. A 0.000006
            [Status] Testing complete (time limit)

            Statistics:

              Queries sent:         5
              Queries completed:    4 (80.00%)
              Queries lost:         1 (20.00%)

              Response codes:       NOERROR 3 (75.00%), NXDOMAIN 1 (25.00%)
              Average packet size:  request 29, response 102
              Run time (s):         1.000000
              Queries per second:   4.000000

              Average Latency (s):  0.000088 (min 0.000006, max 0.000321)
              Latency StdDev (s):   0.000100
            """;

    @Test
    void figuresAndEveryAnswersLatency() {
        DnsperfResult r = DnsperfResult.parse(REPORT);
        assertEquals(5, r.sent());
        assertEquals(4, r.completed());
        assertEquals(1, r.lost());
        assertEquals(4.0, r.qps(), 1e-9);
        assertEquals(0.088, r.averageMillis(), 1e-9);
        assertEquals(4, r.latenciesMillis().length);
        assertEquals(0.006, r.quantileMillis(0.25), 1e-9);
        assertEquals(0.011, r.quantileMillis(0.5), 1e-9); // nearest rank: the 2nd of 4
        assertEquals(0.015, r.quantileMillis(0.75), 1e-9);
        assertEquals(0.321, r.quantileMillis(0.99), 1e-9);
    }

    @Test
    void withoutVerboseLinesThereIsNoDistribution() {
        String quiet = REPORT.lines().filter(l -> !l.startsWith("> ")).reduce("", (a, b) -> a + b + "\n");
        assertTrue(Double.isNaN(DnsperfResult.parse(quiet).quantileMillis(0.99)));
    }

    @Test
    void aReportWithoutFiguresIsRefusedWithItsText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DnsperfResult.parse("Error: socket: permission denied"));
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }
}
