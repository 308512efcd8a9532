package dev.kiln.vmm;

/**
 * Counters of one VM, a snapshot ({@link Vm#stats} is thread-safe and may be called while the
 * VM runs). Exits are the expensive thing here (tens of microseconds each on nested KVM), so
 * they are what is counted.
 *
 * @param exits KVM_RUN returns, of every kind
 * @param ioExits port-I/O exits (hypercalls and rejected port accesses)
 * @param interrupted KVM_RUN calls cut short by a signal (stop, timeout)
 * @param consoleWrites console-write hypercalls
 * @param consoleBytes bytes written to the console
 * @param exitCalls exit hypercalls
 * @param walltimeCalls walltime hypercalls
 * @param yieldCalls yield hypercalls
 * @param abortCalls abort hypercalls
 * @param notifyCalls net notify hypercalls
 * @param setupNanos time spent in {@link Vm#create}
 * @param net the net device's counters, null when the VM has none
 */
public record VmStats(long exits, long ioExits, long interrupted, long consoleWrites, long consoleBytes,
                      long exitCalls, long walltimeCalls, long yieldCalls, long abortCalls, long notifyCalls,
                      long setupNanos, Net net) {
    public long hypercalls() {
        return consoleWrites + exitCalls + walltimeCalls + yieldCalls + abortCalls + notifyCalls;
    }

    /**
     * The net device's counters.
     *
     * @param rxFrames frames put into the guest's rx ring (host to guest)
     * @param rxBytes their bytes
     * @param txFrames frames from the guest's tx ring written to the tap
     * @param txBytes their bytes
     * @param txDropped tx frames dropped: length 0 or beyond mtu + 14, or refused by the tap
     * @param rxRingFull times the I/O thread went idle with frames waiting in the tap and no rx buffer
     *     (those frames wait in the tap's kernel queue, whose overflow Linux counts on the tap)
     * @param notifications notify hypercalls (each one an exit)
     * @param yieldWakeups yield hypercalls that returned with a ready bit
     * @param vcpuWakeups times the I/O thread woke a vCPU sleeping in a yield
     * @param ioSleeps times the I/O thread went to sleep waiting for work
     * @param yieldKicks yields that woke the I/O thread for frames the guest had just queued (a yield implies a notify)
     */
    public record Net(long rxFrames, long rxBytes, long txFrames, long txBytes, long txDropped, long rxRingFull,
                      long notifications, long yieldWakeups, long vcpuWakeups, long ioSleeps, long yieldKicks) {}

    /** Exits per frame moved (either way), the figure the rings exist to keep low; NaN without frames. */
    public double exitsPerFrame() {
        if (net == null || net.rxFrames + net.txFrames == 0) return Double.NaN;
        return (double) exits / (net.rxFrames + net.txFrames);
    }

    /** Multi-line text for `kiln run --stats`. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("exits %d (port I/O %d, interrupted %d); hypercalls: console %d (%d bytes), yield %d,"
                + " walltime %d, exit %d, abort %d, net notify %d; setup %.2f ms%n", exits, ioExits, interrupted,
                consoleWrites, consoleBytes, yieldCalls, walltimeCalls, exitCalls, abortCalls, notifyCalls,
                setupNanos / 1e6));
        if (net != null) {
            sb.append(String.format("net: rx %d frames %d bytes, tx %d frames %d bytes, tx dropped %d, rx ring full %d,"
                    + " yields ended by the device %d, vCPU wakeups %d, I/O thread sleeps %d, kicks by yield %d;"
                    + " exits per frame %.3f%n",
                    net.rxFrames, net.rxBytes, net.txFrames, net.txBytes, net.txDropped, net.rxRingFull,
                    net.yieldWakeups, net.vcpuWakeups, net.ioSleeps, net.yieldKicks, exitsPerFrame()));
        }
        return sb.toString();
    }
}
