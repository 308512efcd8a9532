package dev.kiln.libos.socket;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blocking with real threads, for the socket classes on HotSpot: one lock guards the stack (it
 * is single-threaded), and the thread that feeds it frames signals {@link #changed} after every
 * batch, so a waiting thread re-checks its socket. The image's counterpart parks fibers.
 */
public final class ThreadBlocker implements Blocker {
    public final ReentrantLock lock = new ReentrantLock();
    public final Condition changed = lock.newCondition();

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
        try {
            while (!w.isReady(interest)) {
                if (deadlineNanos == 0) {
                    changed.await();
                } else {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return w.isReady(interest);
        }
    }

    @Override
    public void wakeAll() {
        changed.signalAll();
    }
}
