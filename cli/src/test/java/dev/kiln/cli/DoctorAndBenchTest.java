package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `kiln doctor`, `kiln bench boot` and `kiln bench sleep` print their figures (the figures themselves are not judged here). */
class DoctorAndBenchTest {
    @Test
    void doctorChecksTheMachineAndMeasuresGuestSpeed() throws Exception {
        var r = KilnProcess.run("doctor");
        assertEquals(0, r.exitStatus(), r.toString());
        assertTrue(r.stdout().contains("ok    /dev/kvm"), r.toString());
        assertTrue(Pattern.compile("guest [0-9.]+ ns vs host [0-9.]+ ns per iteration").matcher(r.stdout()).find(),
                r.toString());
        assertTrue(Pattern.compile("one exit to the monitor costs [0-9.]+ us").matcher(r.stdout()).find(), r.toString());
    }

    @Test
    void benchBootEndsWithItsSummaryLine() throws Exception {
        // The cold processes go through a launcher: one in a home of this test's own, which never builds.
        Path home = LauncherHome.create();
        try {
            var r = KilnProcess.run(java.util.Map.of("KILN_HOME", home.toString()), "bench", "boot", "--warm", "20", "--cold", "2");
            assertEquals(0, r.exitStatus(), r.toString());
            assertTrue(r.stdout().contains("cold process: 2 new `" + home.resolve("kiln") + " run` processes"), r.toString());
            String last = r.stdout().lines().reduce((a, b) -> b).orElse("");
            assertTrue(Pattern.matches("boot warm_median_us=\\d+ warm_p99_us=\\d+ cold_median_ms=\\d+ cold_process_ms=\\d+", last),
                    r.toString());
        } finally {
            LauncherHome.delete(home);
        }
    }

    @Test
    void benchSleepEndsWithItsSummaryLine() throws Exception {
        var r = KilnProcess.run("bench", "sleep", "--ms", "20", "--count", "5");
        assertEquals(0, r.exitStatus(), r.toString());
        assertTrue(r.stdout().contains("5 sleeps of 20 ms"), r.toString());
        String last = r.stdout().lines().reduce((a, b) -> b).orElse("");
        assertTrue(Pattern.matches("sleep requested_ms=20 median_over_us=\\d+ p99_over_us=\\d+", last), r.toString());
    }

    @Test
    void benchSleepRefusesANonsensicalLength() throws Exception {
        var r = KilnProcess.run("bench", "sleep", "--ms", "0");
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("--ms must be 1..60000"), r.toString());
    }
}
