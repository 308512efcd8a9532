package dev.kiln.engine.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kiln.engine.api.RestartPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Docker's restart manager rules: 100 ms doubling to 1 min, reset after 10 s of running, the policies. */
class RestartBackoffTest {
    private static final Duration QUICK = Duration.ofMillis(1);

    @Test
    void theDelayDoublesFrom100msToOneMinute() {
        RestartBackoff b = new RestartBackoff();
        long[] expected = {100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000, 60000};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], b.next(new RestartPolicy("always", 0), 1, false, QUICK, i).toMillis(), "restart " + i);
        }
    }

    @Test
    void tenSecondsOfRunningResetTheDelay() {
        RestartBackoff b = new RestartBackoff();
        RestartPolicy always = new RestartPolicy("always", 0);
        b.next(always, 1, false, QUICK, 0);
        b.next(always, 1, false, QUICK, 1);
        assertEquals(400, b.next(always, 1, false, Duration.ofMillis(9999), 2).toMillis());
        assertEquals(100, b.next(always, 1, false, Duration.ofSeconds(10), 3).toMillis());
    }

    @Test
    void onFailureRestartsOnlyFailuresAndAtMostNTimes() {
        RestartBackoff b = new RestartBackoff();
        RestartPolicy three = RestartPolicy.parse("on-failure:3");
        assertNull(b.next(three, 0, false, QUICK, 0), "exit code 0 is no failure");
        assertEquals(200, b.next(three, 1, false, QUICK, 0).toMillis());
        b.next(three, 1, false, QUICK, 1);
        b.next(three, 1, false, QUICK, 2);
        assertNull(b.next(three, 1, false, QUICK, 3), "the fourth failure after three restarts stays down");
        assertEquals(100, new RestartBackoff().next(RestartPolicy.parse("on-failure"), 1, false, QUICK, 1000).toMillis(),
                "on-failure without N has no limit");
    }

    @Test
    void aUserStopIsNeverUndoneByThePolicy() {
        RestartBackoff b = new RestartBackoff();
        assertNull(b.next(new RestartPolicy("always", 0), 137, true, QUICK, 0));
        assertNull(b.next(new RestartPolicy("unless-stopped", 0), 137, true, QUICK, 0));
        assertNull(b.next(RestartPolicy.NO, 1, false, QUICK, 0));
        assertEquals(100, new RestartBackoff().next(new RestartPolicy("unless-stopped", 0), 0, false, QUICK, 0).toMillis(),
                "unless-stopped restarts also after exit code 0");
    }
}
