package dev.kiln.vmm;

/**
 * Counters of one VM. Exits are the expensive thing here (tens of microseconds each on
 * nested KVM), so they are what is counted.
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
 * @param setupNanos time spent in {@link Vm#create}
 */
public record VmStats(long exits, long ioExits, long interrupted, long consoleWrites, long consoleBytes,
                      long exitCalls, long walltimeCalls, long yieldCalls, long abortCalls, long setupNanos) {
    public long hypercalls() {
        return consoleWrites + exitCalls + walltimeCalls + yieldCalls + abortCalls;
    }
}
