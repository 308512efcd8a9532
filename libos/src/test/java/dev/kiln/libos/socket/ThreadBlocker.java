package dev.kiln.libos.socket;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blocking with real threads, for the socket classes on HotSpot: one lock guards the stack (it
 * is single-threaded), and the thread that feeds it frames signals {@link #changed} after every
 * batch, so a waiting thread re-checks its socket. The image's counterpart parks fibers.
 *
 * <p>A wait ends only when the socket is ready or the deadline passed, as a java.net call on
 * HotSpot: an interrupt does not end it (it stays pending for the caller), and if the thread
 * driving the stack died ({@link #driverFailed}), every wait fails with that cause at once
 * instead of timing out as if the peer had been silent.
 */
public final class ThreadBlocker implements Blocker {
    public final ReentrantLock lock = new ReentrantLock();
    public final Condition changed = lock.newCondition();
    private volatile Throwable driverFailure;

    @Override
    public void enter() {
        lock.lock();
    }

    @Override
    public void exit() {
        lock.unlock();
    }

    @Override
    public boolean await(Waitable w, int interest, long deadlineNanos) {
        boolean interrupted = false;
        try {
            while (!w.isReady(interest)) {
                Throwable dead = driverFailure;
                if (dead != null) {
                    throw new IllegalStateException("the thread driving the stack died", dead);
                }
                long wait = TimeUnit.MILLISECONDS.toNanos(50); // re-check even if a signal was missed
                if (deadlineNanos != 0) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    wait = Math.min(left, wait);
                }
                try {
                    changed.awaitNanos(wait);
                } catch (InterruptedException e) {
                    interrupted = true; // not a reason to stop waiting: restored below
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void wakeAll() {
        changed.signalAll();
    }

    /** The thread driving the stack ended with this: waiters fail with it rather than wait in vain. */
    public void driverFailed(Throwable cause) {
        driverFailure = cause;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
