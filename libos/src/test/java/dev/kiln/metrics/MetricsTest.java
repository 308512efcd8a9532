package dev.kiln.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The metrics API on HotSpot (development): the same calls as in an image keep the figures in
 * memory, with the image's rules (names, kinds, the table's size), so an app that works here
 * works there. (In an image the figures go to the stats page: vmm's GuestStatsTest reads a page,
 * cli's GracefulStopTest an app's counter through kiln run --stats.) One registry per JVM: each
 * test uses names of its own, and the one that fills the table runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsTest {
    @Test
    void countersAndGaugesKeepTheirValuesAndOneNameIsOneMetric() throws Exception {
        Counter c = Metrics.counter("test_requests");
        c.increment();
        c.add(41);
        assertSame(c, Metrics.counter("test_requests"));
        Gauge g = Metrics.gauge("test_depth");
        g.set(5);
        g.decrement();
        g.add(-10);
        // green threads in an image, real threads here: increments are never lost
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int j = 0; j < 10_000; j++) {
                    Metrics.counter("test_requests").increment();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(40_042, c.value());
        assertEquals(-6, g.value());
        Map<String, Long> snap = Metrics.snapshot();
        assertEquals(40_042L, snap.get("test_requests"));
        assertEquals(-6L, snap.get("test_depth"));
    }

    @Test
    void theImagesRulesHoldHereToo() {
        Metrics.counter("test_kind");
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> Metrics.gauge("test_kind"));
        assertEquals("metric test_kind is a counter, not a gauge", kind.getMessage());
        for (String bad : new String[] {"", "1abc", "has space", "dash-ed", "é", "x".repeat(Metrics.MAX_NAME_LENGTH + 1)}) {
            assertThrows(IllegalArgumentException.class, () -> Metrics.counter(bad), bad);
        }
        Metrics.counter("x".repeat(Metrics.MAX_NAME_LENGTH)); // the longest name is fine
        assertThrows(IllegalArgumentException.class, () -> Metrics.counter("test_neg").add(-1));
        assertEquals(0, Metrics.counter("test_neg").value());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theTableHoldsAtMostMaxMetrics() {
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> {
            for (int i = 0; i <= Metrics.MAX_METRICS; i++) {
                Metrics.gauge("test_many_" + i);
            }
        });
        assertEquals("too many metrics: a Kiln image holds at most " + Metrics.MAX_METRICS, full.getMessage());
        assertEquals(Metrics.MAX_METRICS, Metrics.snapshot().size());
    }
}
