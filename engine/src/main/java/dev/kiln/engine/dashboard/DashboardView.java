package dev.kiln.engine.dashboard;

import dev.kiln.engine.api.VmStatsReading;
import dev.kiln.engine.api.VmStatus;
import java.time.Instant;
import java.util.List;

/**
 * What GET /api/vms of the dashboard answers: every VM at one moment. The page polls it and
 * keeps the history itself; cumulative figures become rates there, from two readings (as
 * `kiln stats` does), so the daemon keeps no state for the dashboard.
 *
 * @param readAt when the daemon read the VMs (wall clock, the plots' time axis)
 * @param vms every VM defined, newest first
 */
public record DashboardView(Instant readAt, List<Row> vms) {
    public DashboardView {
        vms = List.copyOf(vms);
    }

    /**
     * One VM.
     *
     * @param id the VM's id
     * @param name its name
     * @param image the image's name as the user gave it
     * @param status created, running, restarting, exited ...
     * @param health starting, healthy or unhealthy while it runs with a health check, else null
     * @param startedAt the start of its current or last run (uptime is readAt minus this while it runs); null if it never ran
     * @param exitCode its last run's exit code; null if none ended
     * @param restarts restarts by its policy since a user last started it
     * @param figures the monitor's cumulative figures of the current run; null unless a guest runs
     * @param app the application's counters and gauges from the guest's stats page; empty without a valid page
     */
    public record Row(String id, String name, String image, VmStatus status, String health, Instant startedAt,
                      Integer exitCode, int restarts, VmStatsReading figures, List<AppMetric> app) {
        public Row {
            app = List.copyOf(app);
        }
    }

    /**
     * An application metric as the guest published it (its name is limited to [A-Za-z_][A-Za-z0-9_]*
     * by the monitor's checks; the page shows it as text all the same).
     *
     * @param kind counter or gauge
     */
    public record AppMetric(String name, String kind, long value) {}
}
