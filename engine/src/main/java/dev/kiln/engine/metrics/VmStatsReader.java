package dev.kiln.engine.metrics;

import dev.kiln.engine.api.VmStatsReading;
import dev.kiln.vmm.GuestStats;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The running VMs' figures for GET /v1/stats, read from the {@link VmSample}s a metrics scrape
 * reads (the same monitor reads: volatile counters, the vCPU thread's CPU time, mincore, the
 * guest's checked stats page), so that `kiln stats` and Prometheus never disagree on where a
 * figure comes from. None of it costs a guest an exit.
 */
public final class VmStatsReader {
    private VmStatsReader() {}

    /**
     * @param samples the VMs now ({@code Engine.samples()}); those without a running guest are left out
     * @param log where a VM that could not be read is told (a VM torn down mid-read is left out, not an error)
     */
    public static List<VmStatsReading> read(List<VmSample> samples, Consumer<String> log) {
        List<VmStatsReading> out = new ArrayList<>(samples.size());
        for (VmSample s : samples) {
            if (!s.running() || s.vm() == null) continue;
            try {
                out.add(read(s, s.vm()).figures());
            } catch (RuntimeException e) { // the run ended while it was read: it is simply no longer running
                log.accept("stats: reading VM " + s.name() + " failed: " + e);
            }
        }
        return out;
    }

    /**
     * One running VM's figures and its stats page's application metrics (none without a valid
     * page), taken from one copy of the page; null if the VM runs no guest now. The dashboard
     * reads a VM this way; GET /v1/stats keeps the figures only.
     */
    public static Reading readOne(VmSample s) {
        return !s.running() || s.vm() == null ? null : read(s, s.vm());
    }

    /** A VM's figures and the application's counters and gauges as the guest published them (checked by the monitor). */
    public record Reading(VmStatsReading figures, List<GuestStats.Metric> app) {}

    private static Reading read(VmSample s, Vm vm) {
        long at = System.nanoTime();
        long cpu = vm.vcpuCpuNanos();
        VmStats st = vm.stats();
        long touched = vm.touchedBytes();
        VmStats.Net n = st.net();
        Long gcCollections = null;
        Long gcPause = null;
        List<GuestStats.Metric> app = List.of();
        if (vm.guestStats() instanceof GuestStats.Available(GuestStats g)) {
            app = g.metrics();
            if (g.hasRuntime()) {
                gcCollections = g.gcCollections();
                gcPause = g.gcPauseNanos();
            }
        }
        return new Reading(new VmStatsReading(s.id(), s.name(), at, cpu < 0 ? null : cpu, st.exits(), vm.memorySize(),
                touched < 0 ? null : touched, n == null ? null : n.rxBytes(), n == null ? null : n.txBytes(),
                gcCollections, gcPause), app);
    }
}
