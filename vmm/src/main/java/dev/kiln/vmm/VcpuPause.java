package dev.kiln.vmm;

import dev.kiln.vmm.core.CpuState;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds a running guest still for a reader on another thread (kiln dump, kiln stack): the
 * reader asks, the vCPU thread leaves KVM_RUN (or its yield) at the kick, reads its registers,
 * hands them over and waits; the reader reads guest memory, which nothing changes meanwhile, and
 * lets it go. The guest is stopped exactly as long as the reader's action runs. One reader at a
 * time; the vCPU thread's part needs no system call its seccomp filter does not already allow.
 */
final class VcpuPause {
    /** How long a reader waits for the vCPU thread to stop: only a debugger holding it stopped makes it wait. */
    static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Runnable kick;
    private final ReentrantLock oneReader = new ReentrantLock();
    // guarded by `this`
    private boolean wanted, released, ended;
    private CpuState captured;

    VcpuPause(Runnable kick) {
        this.kick = kick;
    }

    /**
     * Pauses the guest, runs {@code action} with its registers, resumes it; from any thread but
     * the vCPU thread's.
     *
     * @throws IllegalStateException if the guest ended (or ends before it pauses), or does not
     *                               pause within {@link #STOP_WAIT} (a debugger holds it)
     */
    <T> T whilePaused(Function<CpuState, T> action) {
        oneReader.lock();
        try {
            CpuState cpu = awaitPause();
            try {
                return action.apply(cpu);
            } finally {
                synchronized (this) {
                    captured = null;
                    released = true;
                    notifyAll();
                }
            }
        } finally {
            oneReader.unlock();
        }
    }

    private CpuState awaitPause() {
        synchronized (this) {
            if (ended) throw new IllegalStateException("the VM is not running");
            wanted = true;
            released = false;
        }
        kick.run();
        boolean interrupted = false;
        try {
            synchronized (this) {
                long deadline = System.nanoTime() + STOP_WAIT.toNanos();
                while (captured == null && !ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        wanted = false;
                        throw new IllegalStateException("its vCPU did not stop within " + STOP_WAIT.toSeconds()
                                + " s (is a debugger holding it?)");
                    }
                    try {
                        wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (captured == null) {
                    wanted = false;
                    throw new IllegalStateException("the VM ended");
                }
                return captured;
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Whether a reader waits for the vCPU thread; any thread. */
    synchronized boolean wanted() {
        return wanted;
    }

    /** The vCPU thread, out of KVM_RUN: if a reader waits, hands it the registers and waits until it is done. */
    void serve(Supplier<CpuState> registers) {
        CpuState cpu = registers.get();
        boolean interrupted = false;
        synchronized (this) {
            if (!wanted) return;
            wanted = false;
            captured = cpu;
            notifyAll();
            while (!released) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The vCPU thread is done with the guest: readers waiting and to come are told. */
    synchronized void ended() {
        ended = true;
        notifyAll();
    }
}
