package dev.kiln.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kiln.engine.api.VmStatsReading;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rates `kiln stats` makes of two readings: which VMs get a row, and the arithmetic. */
class VmRatesTest {
    static VmStatsReading reading(String id, long at, long cpu, long exits, Long gcPause) {
        return new VmStatsReading(id, "vm-" + id, at, cpu, exits, 64L << 20, 4096L, null, null,
                gcPause == null ? null : 1L, gcPause);
    }

    @Test
    void ratesAreOverEachVmsOwnInterval() {
        VmRates r = VmRates.of(reading("a", 1_000_000_000L, 5_000_000L, 10, 0L),
                reading("a", 3_000_000_000L, 505_000_000L, 110, 40_000_000L));
        assertEquals(2_000_000_000L, r.intervalNanos());
        assertEquals(500_000_000L, r.vcpuNanos());
        assertEquals(25.0, r.cpuPercent(), 1e-9);
        assertEquals(50.0, r.exitsPerSecond(), 1e-9);
        assertEquals(20.0, r.gcPauseMsPerSecond(), 1e-9);
    }

    @Test
    void anEndedVmLeavesANewOneWaitsAndARestartedOneWaits() {
        List<VmStatsReading> before = List.of(reading("ended", 0, 0, 0, null), reading("kept", 0, 0, 5, null),
                reading("restarted", 0, 900, 50, null));
        List<VmStatsReading> after = List.of(reading("new", 10, 1, 1, null), reading("kept", 10, 3, 6, null),
                reading("restarted", 10, 1, 2, null));
        List<VmRates> rows = VmRates.between(before, after);
        assertEquals(List.of("kept"), rows.stream().map(VmRates::id).toList());
        assertNull(rows.getFirst().gcPauseMsPerSecond(), "no stats page, no GC figure");
    }

    @Test
    void bytesAreWrittenInBinaryUnits() {
        assertEquals("0B", StatsTable.bytes(0));
        assertEquals("64KiB", StatsTable.bytes(65536));
        assertEquals("1.5MiB", StatsTable.bytes(3L << 19));
        assertEquals("32MiB", StatsTable.bytes(32L << 20));
    }
}
