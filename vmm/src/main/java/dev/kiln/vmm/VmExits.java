package dev.kiln.vmm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Where a vCPU thread hands over the end of its VM: one unconfined platform thread of the
 * process ({@code kiln-vm-exits}) takes each ended VM and, on a virtual thread of its own,
 * stops its devices and completes {@link Vm#start}'s future, so that whatever the caller
 * chained to it runs without the vCPU thread's seccomp filter.
 *
 * <p>Why not complete the future on the vCPU thread, or start the virtual thread there: the
 * vCPU filter allows neither opening a file (a caller's dependent action recording the exit)
 * nor creating a thread, and a virtual thread started or unparked from a platform thread may
 * make the scheduler create a carrier thread right there, which would inherit the filter. So
 * the vCPU thread only puts an entry in this queue and unparks one platform thread (futex
 * calls, which its filter allows).
 */
final class VmExits {
    private record Ended(CompletableFuture<VmExit> future, VmExit exit, Throwable failure, Runnable teardown) {}

    private static final LinkedBlockingQueue<Ended> ENDED = new LinkedBlockingQueue<>();

    static {
        // Initialized by Vm.start on its caller's thread (unconfined), so this thread inherits no filter.
        Thread.ofPlatform().name("kiln-vm-exits").daemon().start(VmExits::serve);
    }

    private VmExits() {}

    /** Makes sure the thread exists; called from an unconfined thread before a vCPU thread needs it. */
    static void ready() {
        // class initialization did it
    }

    /** The vCPU thread's last act: hands the VM's end over (never blocks for long: an unbounded queue). */
    static void hand(CompletableFuture<VmExit> future, VmExit exit, Throwable failure, Runnable teardown) {
        ENDED.add(new Ended(future, exit, failure, teardown));
    }

    private static void serve() {
        while (true) {
            Ended e;
            try {
                e = ENDED.take();
            } catch (InterruptedException ignored) {
                continue; // nobody interrupts it on purpose; it serves the process's whole life
            }
            Thread.ofVirtual().name("kiln-vm-exit").start(() -> finish(e));
        }
    }

    /** Stops the VM's devices (the net I/O thread's join may take a moment), then completes its future. */
    private static void finish(Ended e) {
        try {
            e.teardown().run();
        } catch (RuntimeException | Error t) {
            if (e.failure() == null) {
                e.future().completeExceptionally(t);
                return;
            }
        }
        if (e.failure() != null) e.future().completeExceptionally(e.failure());
        else e.future().complete(e.exit());
    }
}
