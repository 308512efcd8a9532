package dev.kiln.vmm.device.net;

import dev.kiln.vmm.VmStats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A net device's counters, written by its I/O thread and the vCPU thread, read by anyone
 * (see {@link VmStats.Net} for what each one counts).
 */
public final class NetMetrics {
    final AtomicLong rxFrames = new AtomicLong(), rxBytes = new AtomicLong(), txFrames = new AtomicLong(),
            txBytes = new AtomicLong(), txDropped = new AtomicLong(), rxRingFull = new AtomicLong(),
            notifications = new AtomicLong(), yieldWakeups = new AtomicLong(), vcpuWakeups = new AtomicLong(),
            ioSleeps = new AtomicLong(), yieldKicks = new AtomicLong();

    /** A snapshot; each counter is read once, the set is not atomic. */
    public VmStats.Net snapshot() {
        return new VmStats.Net(rxFrames.get(), rxBytes.get(), txFrames.get(), txBytes.get(), txDropped.get(),
                rxRingFull.get(), notifications.get(), yieldWakeups.get(), vcpuWakeups.get(), ioSleeps.get(),
                yieldKicks.get());
    }
}
