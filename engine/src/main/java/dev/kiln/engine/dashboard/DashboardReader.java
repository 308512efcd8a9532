package dev.kiln.engine.dashboard;

import dev.kiln.engine.api.LogEntry;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.logs.LogQuery;
import dev.kiln.engine.logs.LogSink;
import dev.kiln.engine.logs.LogStore;
import dev.kiln.engine.metrics.VmSample;
import dev.kiln.engine.metrics.VmStatsReader;
import dev.kiln.engine.vm.Engine;
import dev.kiln.vmm.GuestStats;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the dashboard shows, read from the engine when the page asks: each VM's lifecycle (as
 * `kiln ps -a` sees it) and its figures, taken from the same {@link VmSample} a metrics scrape
 * and GET /v1/stats read ({@link VmStatsReader#readOne}), so the three never disagree on where a
 * figure comes from, and reading costs a guest no exit. Only reads: nothing here can change a VM.
 */
public final class DashboardReader {
    /** The most log lines one request returns (the page asks for fewer). */
    public static final int MAX_LOG_LINES = 500;
    private final Engine engine;
    private final Consumer<String> log;

    /** @param log where a VM that could not be read is told (it is then shown without figures) */
    public DashboardReader(Engine engine, Consumer<String> log) {
        this.engine = engine;
        this.log = log;
    }

    /** Every VM now. */
    public DashboardView view() {
        Instant now = Instant.now();
        Map<String, VmSample> samples = new HashMap<>();
        for (VmSample s : engine.samples()) samples.put(s.id(), s);
        List<DashboardView.Row> rows = new ArrayList<>();
        for (VmSummary vm : engine.list(true)) {
            VmSample s = samples.get(vm.id());
            VmStatsReader.Reading r = null;
            if (s != null) {
                try {
                    r = VmStatsReader.readOne(s);
                } catch (RuntimeException e) { // the run ended while it was read: shown without figures
                    log.accept("dashboard: reading VM " + vm.name() + " failed: " + e);
                }
            }
            List<DashboardView.AppMetric> app = new ArrayList<>();
            if (r != null) {
                for (GuestStats.Metric m : r.app()) {
                    app.add(new DashboardView.AppMetric(m.name(), m.kind() == GuestStats.Kind.COUNTER ? "counter" : "gauge", m.value()));
                }
            }
            rows.add(new DashboardView.Row(vm.id(), vm.name(), vm.image(), vm.status(), vm.health(), vm.startedAt(),
                    vm.exitCode(), vm.restartCount(), r == null ? null : r.figures(), app));
        }
        return new DashboardView(now, rows);
    }

    /**
     * The last {@code lines} entries of a VM's log (console and Kiln's own lines), oldest first.
     *
     * @param ref the VM's id (or name)
     * @throws dev.kiln.engine.EngineException not found for an unknown VM
     */
    public List<LogEntry> logTail(String ref, int lines) throws IOException {
        LogStore logs = engine.find(ref).logs();
        List<LogEntry> out = new ArrayList<>();
        logs.read(new LogQuery(null, Math.min(Math.max(lines, 0), MAX_LOG_LINES), false), new LogSink() {
            @Override
            public void write(List<LogEntry> entries) {
                out.addAll(entries);
            }

            @Override
            public void keepAlive() {
                // not following: never called
            }
        }, new LogStore.Follow());
        return out;
    }
}
