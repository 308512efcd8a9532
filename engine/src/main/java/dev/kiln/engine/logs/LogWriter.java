package dev.kiln.engine.logs;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The daemon's one log-writer thread ({@code kiln-log-writer}): it applies what the producers
 * of every VM's {@link LogStore} queued (the guest's console on its vCPU thread, the daemon's
 * notes), writing and rotating the files, and wakes the readers. One thread for the whole
 * daemon, not one per VM: a thousand idle VMs cost nothing here, and a busy one is served in
 * turns of {@link LogStore#WRITE_BATCH} items, so it cannot starve the others.
 *
 * <p>The delay from a console write to its entry in the ring and the file is the time this
 * thread needs to be scheduled and to get through what other VMs queued before: no timer,
 * no batching window. Entries go to the page cache without fsync: a daemon killed with SIGKILL
 * loses what was still queued (at most {@link LogLimits#queueBytes} per VM, usually nothing);
 * {@link #close} writes everything queued before it returns.
 */
public final class LogWriter implements AutoCloseable {
    private final ConcurrentLinkedQueue<LogStore> due = new ConcurrentLinkedQueue<>();
    private final Consumer<String> warn;
    private final Thread thread;
    private volatile boolean closing;

    public LogWriter(Consumer<String> warn) {
        this.warn = warn;
        this.thread = Thread.ofPlatform().name("kiln-log-writer").daemon().unstarted(this::run);
        thread.start();
    }

    /**
     * A store has queued items: its turn comes. Called by producers, on any thread: only a
     * lock-free add and an unpark of this platform thread (allowed to a confined vCPU thread).
     */
    void schedule(LogStore store) {
        due.add(store);
        LockSupport.unpark(thread);
    }

    private void run() {
        while (true) {
            LogStore store = due.poll();
            if (store == null) {
                if (closing) return; // close() queued nothing after setting closing; every store is drained
                LockSupport.park(this);
                continue;
            }
            store.scheduled.set(false); // before draining: an item queued from now on schedules the store again
            try {
                if (store.drain() && store.scheduled.compareAndSet(false, true)) due.add(store);
            } catch (RuntimeException | Error e) {
                warn.accept("the log writer failed on a VM's log: " + e);
            }
        }
    }

    /** Writes everything queued so far, then ends the thread. Producers must have stopped (their VMs ended). */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
