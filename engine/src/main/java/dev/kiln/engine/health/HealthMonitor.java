package dev.kiln.engine.health;

import dev.kiln.engine.api.HealthCheck;
import dev.kiln.engine.api.HealthReport;
import dev.kiln.engine.net.GuestEndpoint;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The health check of one run of a VM. No thread of its own: the daemon's scheduler wakes it
 * every interval and the probe runs on a virtual thread, so a thousand checked VMs cost a
 * thousand timer entries, not a thousand threads. The verdict follows Docker: "starting"
 * until the first success; one success makes it healthy; {@code retries} failures in a row make
 * it unhealthy, except failures within the start period.
 */
public final class HealthMonitor {
    static final int KEPT_RESULTS = 5;
    private final HealthCheck check;
    private final GuestEndpoint endpoint;
    private final ScheduledExecutorService timer;
    private final Executor probes;
    private final Consumer<String> onChange;
    private final long startNanos = System.nanoTime();

    // guarded by this
    private String status = HealthReport.STARTING;
    private int failingStreak;
    private final ArrayDeque<HealthReport.Result> results = new ArrayDeque<>();
    private ScheduledFuture<?> next;
    private boolean stopped;

    /**
     * @param onChange called with the new status (healthy or unhealthy) when it changes, on the probe's thread
     */
    public HealthMonitor(HealthCheck check, GuestEndpoint endpoint, ScheduledExecutorService timer, Executor probes,
                         Consumer<String> onChange) {
        this.check = check;
        this.endpoint = endpoint;
        this.timer = timer;
        this.probes = probes;
        this.onChange = onChange;
    }

    public synchronized void start() {
        schedule();
    }

    private void schedule() {
        if (stopped) return;
        next = timer.schedule(() -> probes.execute(this::probe), check.intervalMs(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        synchronized (this) {
            if (stopped) return;
        }
        HealthReport.Result r = HealthProbe.run(check, endpoint);
        String changed = record(r);
        if (changed != null) onChange.accept(changed);
        synchronized (this) {
            schedule();
        }
    }

    /** Applies a result; returns the new status if it changed to healthy or unhealthy, else null. */
    synchronized String record(HealthReport.Result r) {
        if (stopped) return null;
        results.addLast(r);
        if (results.size() > KEPT_RESULTS) results.removeFirst();
        String before = status;
        if (r.ok()) {
            failingStreak = 0;
            status = HealthReport.HEALTHY;
        } else {
            boolean inStartPeriod = System.nanoTime() - startNanos < check.startPeriodMs() * 1_000_000L;
            if (!(inStartPeriod && status.equals(HealthReport.STARTING))) {
                failingStreak++;
                if (failingStreak >= check.retries()) status = HealthReport.UNHEALTHY;
            }
        }
        return status.equals(before) ? null : status;
    }

    public synchronized HealthReport report() {
        return new HealthReport(status, failingStreak, List.copyOf(results));
    }

    public synchronized String status() {
        return status;
    }

    /** Ends the checks (the run ended); a probe in flight finishes but changes nothing. */
    public synchronized void stop() {
        stopped = true;
        if (next != null) next.cancel(false);
    }
}
