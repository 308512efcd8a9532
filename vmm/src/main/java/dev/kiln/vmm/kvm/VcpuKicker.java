package dev.kiln.vmm.kvm;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.vmm.VmmException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Gets a vCPU thread out of KVM_RUN: a real-time signal sent to that thread (tgkill) makes
 * KVM_RUN return EINTR, because the handler is installed without SA_RESTART.
 *
 * <p>The handler must exist (the default action of a real-time signal kills the process) but
 * must do nothing. An FFM upcall cannot be a signal handler: it may run on a thread in any
 * state, in the middle of the JVM's own code, and would need to attach to the VM. So
 * sa_handler points at libc's {@code abs}: a pure function, async-signal-safe, touches no
 * memory and not errno, and with the x86-64 calling convention {@code int abs(int)} is
 * called exactly like {@code void handler(int signo)}.
 *
 * <p>Signal 40 (SIGRTMIN+6 with glibc) is used by neither glibc (32, 33) nor HotSpot.
 * A signal that arrives just before the thread enters KVM_RUN would be lost; the caller
 * therefore also sets kvm_run.immediate_exit, which KVM checks on entry.
 */
public final class VcpuKicker {
    public static final int SIGNAL = 40;
    private static final int SIGACTION_SIZE = 152, SA_FLAGS = 136;
    private static final int PID;

    static {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment act = a.allocate(SIGACTION_SIZE, 8);
            MemorySegment old = a.allocate(SIGACTION_SIZE, 8);
            int r = Libc.sigaction(SIGNAL, MemorySegment.NULL, old);
            if (r < 0) throw new VmmException("sigaction(" + SIGNAL + ") failed: " + Errno.describe(-r));
            MemorySegment handler = Libc.symbol("abs");
            long current = old.get(ADDRESS, 0).address();
            if (current > 1 && current != handler.address()) { // neither SIG_DFL nor SIG_IGN nor ours
                throw new VmmException("signal " + SIGNAL + " already has a handler in this process; Kiln needs it"
                        + " to interrupt vCPUs");
            }
            act.set(ADDRESS, 0, handler);
            act.set(JAVA_INT, SA_FLAGS, 0); // no SA_RESTART: KVM_RUN must return EINTR
            r = Libc.sigaction(SIGNAL, act, MemorySegment.NULL);
            if (r < 0) throw new VmmException("sigaction(" + SIGNAL + ") failed: " + Errno.describe(-r));
            PID = Libc.getpid();
        }
    }

    private VcpuKicker() {}

    /** Ensures the handler is installed (class initialization does it). */
    public static void install() {}

    /** Interrupts the thread with Linux thread id {@code tid} (must be a live thread of this process). */
    public static void kick(int tid) {
        Libc.tgkill(PID, tid, SIGNAL);
    }
}
