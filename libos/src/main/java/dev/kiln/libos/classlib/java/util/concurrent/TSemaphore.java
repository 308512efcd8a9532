package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/** Counting permits on a private monitor; a release wakes every waiter to re-check. */
public class TSemaphore implements java.io.Serializable {
    private final transient Object sync = new Object();
    private final boolean fair;
    private int permits;
    private final transient ArrayList<Thread> queued = new ArrayList<>();

    public TSemaphore(int permits) {
        this(permits, false);
    }

    public TSemaphore(int permits, boolean fair) {
        this.permits = permits;
        this.fair = fair;
    }

    public void acquire() throws InterruptedException {
        acquire(1);
    }

    public void acquire(int n) throws InterruptedException {
        check(n);
        acquire(n, true, false, 0);
    }

    public void acquireUninterruptibly() {
        acquireUninterruptibly(1);
    }

    public void acquireUninterruptibly(int n) {
        check(n);
        try {
            acquire(n, false, false, 0);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    public boolean tryAcquire(int n) {
        check(n);
        synchronized (sync) {
            if (permits >= n) {
                permits -= n;
                return true;
            }
            return false;
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return tryAcquire(1, timeout, unit);
    }

    public boolean tryAcquire(int n, long timeout, TimeUnit unit) throws InterruptedException {
        check(n);
        return acquire(n, true, true, unit.toNanos(timeout));
    }

    private boolean acquire(int n, boolean interruptible, boolean timed, long nanos) throws InterruptedException {
        synchronized (sync) {
            if (interruptible) {
                Waits.checkInterrupt();
            }
            if (permits >= n) {
                permits -= n;
                return true;
            }
            Thread me = Thread.currentThread();
            queued.add(me);
            boolean interrupted = false;
            long left = nanos;
            try {
                while (permits < n) {
                    if (timed) {
                        if (left <= 0) {
                            return false;
                        }
                        left = Waits.waitNanos(sync, left);
                    } else if (interruptible) {
                        sync.wait();
                    } else {
                        interrupted |= Waits.waitUninterruptibly(sync);
                    }
                }
                permits -= n;
                return true;
            } finally {
                queued.remove(me);
                if (interrupted) {
                    me.interrupt();
                }
            }
        }
    }

    public void release() {
        release(1);
    }

    public void release(int n) {
        check(n);
        synchronized (sync) {
            if (permits + n < permits) {
                throw new Error("Maximum permit count exceeded");
            }
            permits += n;
            sync.notifyAll();
        }
    }

    private static void check(int n) {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
    }

    public int availablePermits() {
        synchronized (sync) {
            return permits;
        }
    }

    public int drainPermits() {
        synchronized (sync) {
            int n = permits;
            permits = 0;
            return n;
        }
    }

    protected void reducePermits(int reduction) {
        check(reduction);
        synchronized (sync) {
            permits -= reduction;
        }
    }

    public boolean isFair() {
        return fair;
    }

    public final boolean hasQueuedThreads() {
        synchronized (sync) {
            return !queued.isEmpty();
        }
    }

    public final int getQueueLength() {
        synchronized (sync) {
            return queued.size();
        }
    }

    protected Collection<Thread> getQueuedThreads() {
        synchronized (sync) {
            return new ArrayList<>(queued);
        }
    }

    @Override
    public String toString() {
        return super.toString() + "[Permits = " + availablePermits() + "]";
    }
}
