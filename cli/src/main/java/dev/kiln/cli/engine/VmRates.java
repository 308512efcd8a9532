package dev.kiln.cli.engine;

import dev.kiln.engine.api.VmStatsReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One VM's figures between two readings of GET /v1/stats, as `kiln stats` and `kiln top` show
 * them (and print with --format json). The daemon gives cumulative counters only; the rates
 * are made here, over the VM's own interval between its two readings.
 *
 * @param id the VM's id
 * @param name the VM's name
 * @param intervalNanos the daemon's monotonic time between the two readings of this VM
 * @param vcpuNanos CPU time the vCPU thread used in that interval (null where unmeasured)
 * @param cpuPercent vcpuNanos over the interval, in percent (100 = one host CPU busy)
 * @param memoryTouchedBytes guest memory backed by host pages at the second reading (null if unread)
 * @param memoryLimitBytes guest memory the VM may use
 * @param netRxBytes bytes received by the guest in this run (null without a net device)
 * @param netTxBytes bytes sent by the guest in this run (null without a net device)
 * @param exitsPerSecond exits to the monitor per second over the interval
 * @param gcPauseMsPerSecond milliseconds of GC pause per second over the interval (null without guest GC figures)
 */
public record VmRates(String id, String name, long intervalNanos, Long vcpuNanos, Double cpuPercent,
                      Long memoryTouchedBytes, long memoryLimitBytes, Long netRxBytes, Long netTxBytes,
                      double exitsPerSecond, Double gcPauseMsPerSecond) {

    /**
     * The VMs of {@code after} that {@code before} has too, in the order of {@code after}. A VM
     * only in {@code after} (started meanwhile) has no rate yet; one only in {@code before}
     * ended. A VM whose counters went back restarted in between: it too waits for the next pair.
     */
    static List<VmRates> between(List<VmStatsReading> before, List<VmStatsReading> after) {
        Map<String, VmStatsReading> earlier = new HashMap<>();
        for (VmStatsReading r : before) earlier.put(r.id(), r);
        List<VmRates> out = new ArrayList<>();
        for (VmStatsReading b : after) {
            VmStatsReading a = earlier.get(b.id());
            if (a == null) continue;
            VmRates rates = of(a, b);
            if (rates != null) out.add(rates);
        }
        return out;
    }

    /** The rates of one VM from two of its readings; null if they cannot be compared (no time between them, a restart). */
    static VmRates of(VmStatsReading a, VmStatsReading b) {
        long interval = b.readAtNanos() - a.readAtNanos();
        if (interval <= 0 || b.exits() < a.exits()) return null;
        double seconds = interval / 1e9;
        Long cpu = null;
        Double cpuPercent = null;
        if (a.vcpuNanos() != null && b.vcpuNanos() != null) {
            cpu = b.vcpuNanos() - a.vcpuNanos();
            if (cpu < 0) return null; // a new run's thread
            cpuPercent = 100.0 * cpu / interval;
        }
        Double gc = null;
        if (a.gcPauseNanos() != null && b.gcPauseNanos() != null && b.gcPauseNanos() >= a.gcPauseNanos()) {
            gc = (b.gcPauseNanos() - a.gcPauseNanos()) / 1e6 / seconds;
        }
        return new VmRates(b.id(), b.name(), interval, cpu, cpuPercent, b.memoryTouchedBytes(), b.memoryLimitBytes(),
                b.netRxBytes(), b.netTxBytes(), (b.exits() - a.exits()) / seconds, gc);
    }
}
