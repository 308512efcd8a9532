package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `kiln doctor` and `kiln bench boot` print their figures (the figures themselves are not judged here). */
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
        var r = KilnProcess.run("bench", "boot", "--warm", "20", "--cold", "2");
        assertEquals(0, r.exitStatus(), r.toString());
        String last = r.stdout().lines().reduce((a, b) -> b).orElse("");
        assertTrue(Pattern.matches("boot warm_median_us=\\d+ warm_p99_us=\\d+ cold_median_ms=\\d+", last), r.toString());
    }
}
