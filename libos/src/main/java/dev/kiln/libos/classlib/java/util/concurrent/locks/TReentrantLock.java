package dev.kiln.libos.classlib.java.util.concurrent.locks;

import dev.kiln.libos.concurrent.ExclusiveOwner;
import dev.kiln.libos.concurrent.MonitorCondition;
import dev.kiln.libos.concurrent.Waits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A reentrant mutual-exclusion lock: owner and hold count guarded by a private monitor, blocked
 * threads waiting on it. Fair and non-fair locks behave alike here: with one vCPU and switches
 * only where a thread blocks, a released lock goes to whichever waiter resumes first.
 */
public class TReentrantLock implements Lock, java.io.Serializable {
    private final transient Object sync = new Object();
    private final boolean fair;
    private transient Thread owner;
    private transient int holds;
    private transient final ArrayList<Thread> queued = new ArrayList<>();
    private final transient ExclusiveOwner asOwner = new ExclusiveOwner() {
        @Override
        public Object monitor() {
            return sync;
        }

        @Override
        public boolean heldByCurrentThread() {
            return owner == Thread.currentThread();
        }

        @Override
        public int releaseAll() {
            int h = holds;
            holds = 0;
            owner = null;
            sync.notifyAll();
            return h;
        }

        @Override
        public void reacquire(int h) {
            acquireUninterruptibly();
            holds = h;
        }
    };

    public TReentrantLock() {
        this(false);
    }

    public TReentrantLock(boolean fair) {
        this.fair = fair;
    }

    /** With sync held: waits until free, then owns it with one hold. */
    private void acquireUninterruptibly() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        if (owner != null) {
            queued.add(me);
            while (owner != null) {
                interrupted |= Waits.waitUninterruptibly(sync);
            }
            queued.remove(me);
        }
        owner = me;
        holds = 1;
        if (interrupted) {
            me.interrupt();
        }
    }

    @Override
    public void lock() {
        synchronized (sync) {
            if (owner == Thread.currentThread()) {
                holds++;
                return;
            }
            acquireUninterruptibly();
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        tryLock(false, 0);
    }

    @Override
    public boolean tryLock() {
        synchronized (sync) {
            Thread me = Thread.currentThread();
            if (owner == me) {
                holds++;
                return true;
            }
            if (owner == null) {
                owner = me;
                holds = 1;
                return true;
            }
            return false;
        }
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return tryLock(true, unit.toNanos(time));
    }

    private boolean tryLock(boolean timed, long nanos) throws InterruptedException {
        Waits.checkInterrupt();
        Thread me = Thread.currentThread();
        synchronized (sync) {
            if (owner == me) {
                holds++;
                return true;
            }
            long deadline = System.nanoTime() + nanos;
            if (owner != null) {
                queued.add(me);
                try {
                    while (owner != null) {
                        if (timed) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                return false;
                            }
                            Waits.waitNanos(sync, left);
                        } else {
                            sync.wait();
                        }
                    }
                } finally {
                    queued.remove(me);
                }
            }
            owner = me;
            holds = 1;
            return true;
        }
    }

    @Override
    public void unlock() {
        synchronized (sync) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException();
            }
            if (--holds == 0) {
                owner = null;
                sync.notifyAll();
            }
        }
    }

    @Override
    public Condition newCondition() {
        return new MonitorCondition(asOwner);
    }

    public int getHoldCount() {
        synchronized (sync) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (sync) {
            return owner == Thread.currentThread();
        }
    }

    public boolean isLocked() {
        synchronized (sync) {
            return owner != null;
        }
    }

    public final boolean isFair() {
        return fair;
    }

    protected Thread getOwner() {
        synchronized (sync) {
            return owner;
        }
    }

    public final boolean hasQueuedThreads() {
        synchronized (sync) {
            return !queued.isEmpty();
        }
    }

    public final boolean hasQueuedThread(Thread thread) {
        synchronized (sync) {
            return queued.contains(thread);
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

    public boolean hasWaiters(Condition condition) {
        return getWaitQueueLength(condition) > 0;
    }

    public int getWaitQueueLength(Condition condition) {
        return own(condition).waiting();
    }

    protected Collection<Thread> getWaitingThreads(Condition condition) {
        return own(condition).waitingThreads();
    }

    private MonitorCondition own(Condition condition) {
        if (condition == null) {
            throw new NullPointerException();
        }
        if (!(condition instanceof MonitorCondition c) || !c.belongsTo(asOwner)) {
            throw new IllegalArgumentException("not owner");
        }
        return c;
    }

    @Override
    public String toString() {
        Thread o = getOwner();
        return super.toString() + (o == null ? "[Unlocked]" : "[Locked by thread " + o.getName() + "]");
    }
}
