package dev.kiln.engine.metrics;

import dev.kiln.vmm.ExitReasons;
import dev.kiln.vmm.GuestStats;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmStats;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a scrape reads of one running VM's monitor, none of it an exit for the guest. Reading is
 * most of a scrape's time (mincore over each VM's memory above all: a third of a 1,000-VM scrape
 * in samples of the daemon's threads), and VMs are read independently, so {@link #readAll} reads
 * them on every core; the exposition is then built from the readings on one thread.
 *
 * @param cpuNanos the vCPU thread's CPU time, -1 if unknown
 * @param touchedBytes guest memory backed by host pages, -1 once the VM is closed
 */
record MonitorReading(long cpuNanos, ExitReasons exits, VmStats stats, long memorySize, long touchedBytes,
                      GuestStats.Reading guest) {
    static MonitorReading read(Vm vm) {
        return new MonitorReading(vm.vcpuCpuNanos(), vm.exitReasons(), vm.stats(), vm.memorySize(), vm.touchedBytes(),
                vm.guestStats());
    }

    /**
     * Each sample's reading, in order: a MonitorReading, null for a VM that runs no monitor now,
     * or the RuntimeException reading it threw (a VM torn down mid-read, or a bug: that VM's
     * figures, not the scrape).
     */
    static Object[] readAll(List<VmSample> samples) {
        Object[] out = new Object[samples.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> {
            Vm vm = samples.get(i).vm();
            if (vm == null) return;
            try {
                out[i] = read(vm);
            } catch (RuntimeException e) {
                out[i] = e;
            }
        });
        return out;
    }
}
