package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `kiln bench run-d` end to end with one run each way: its own daemon, the hello example run
 * through the API and through a `kiln run -d` process, the first console line found both times;
 * the summary line's shape (the figures themselves are not judged here).
 */
class BenchRunDetachedTest {
    private static final Pattern SUMMARY =
            Pattern.compile("run-d api_first_line_ms=[0-9.]+ api_p90_ms=[0-9.]+ cli_first_line_ms=[0-9.]+ cli_p90_ms=[0-9.]+");

    @Test
    void oneRunEachWayPrintsTheSummary() throws Exception {
        Tools.require("unshare");
        KilnProcess r = KilnProcess.run("bench", "run-d", "--runs", "1", "--cli-runs", "1");
        assertEquals(0, r.exitStatus(), r.toString());
        String last = r.stdout().lines().reduce((a, b) -> b).orElse("");
        assertTrue(SUMMARY.matcher(last).matches(), "summary line: " + last + "\n" + r);
    }

    @Test
    void refusesANonsensicalCount() throws Exception {
        KilnProcess r = KilnProcess.run("bench", "run-d", "--runs", "0");
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("--runs must be 1..10000"), r.toString());
    }
}
