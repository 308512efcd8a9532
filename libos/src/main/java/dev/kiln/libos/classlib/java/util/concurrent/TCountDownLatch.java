package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.concurrent.TimeUnit;

/** Waiters block on the latch's private monitor until the count reaches zero. */
public class TCountDownLatch {
    private final Object sync = new Object();
    private long count;

    public TCountDownLatch(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        this.count = count;
    }

    public void await() throws InterruptedException {
        synchronized (sync) {
            Waits.checkInterrupt();
            while (count > 0) {
                sync.wait();
            }
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        synchronized (sync) {
            Waits.checkInterrupt();
            long left = unit.toNanos(timeout);
            while (count > 0) {
                if (left <= 0) {
                    return false;
                }
                left = Waits.waitNanos(sync, left);
            }
            return true;
        }
    }

    public void countDown() {
        synchronized (sync) {
            if (count > 0 && --count == 0) {
                sync.notifyAll();
            }
        }
    }

    public long getCount() {
        synchronized (sync) {
            return count;
        }
    }

    @Override
    public String toString() {
        return super.toString() + "[Count = " + getCount() + "]";
    }
}
