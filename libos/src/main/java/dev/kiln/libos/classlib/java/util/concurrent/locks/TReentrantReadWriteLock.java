package dev.kiln.libos.classlib.java.util.concurrent.locks;

import dev.kiln.libos.concurrent.ExclusiveOwner;
import dev.kiln.libos.concurrent.MonitorCondition;
import dev.kiln.libos.concurrent.Waits;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Many readers or one writer, both reentrant; the writer may take the read lock (downgrading),
 * a reader asking for the write lock waits forever, as on HotSpot. A reader that holds no read
 * lock yet waits while a writer is queued, so writers are not starved.
 */
public class TReentrantReadWriteLock implements ReadWriteLock, java.io.Serializable {
    final transient Object sync = new Object();
    private final boolean fair;
    transient Thread writer;
    transient int writeHolds;
    transient int readHolds;
    transient final Map<Thread, Integer> readers = new HashMap<>();
    transient int queuedWriters;
    transient int queuedReaders;
    private final ReadLock readerLock = new ReadLock(this);
    private final WriteLock writerLock = new WriteLock(this);
    final transient ExclusiveOwner writeOwner = new ExclusiveOwner() {
        @Override
        public Object monitor() {
            return sync;
        }

        @Override
        public boolean heldByCurrentThread() {
            return writer == Thread.currentThread();
        }

        @Override
        public int releaseAll() {
            int h = writeHolds;
            writeHolds = 0;
            writer = null;
            sync.notifyAll();
            return h;
        }

        @Override
        public void reacquire(int holds) {
            boolean interrupted = false;
            queuedWriters++;
            while (!canWrite()) {
                interrupted |= Waits.waitUninterruptibly(sync);
            }
            queuedWriters--;
            writer = Thread.currentThread();
            writeHolds = holds;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    };

    public TReentrantReadWriteLock() {
        this(false);
    }

    public TReentrantReadWriteLock(boolean fair) {
        this.fair = fair;
    }

    @Override
    public ReadLock readLock() {
        return readerLock;
    }

    @Override
    public WriteLock writeLock() {
        return writerLock;
    }

    boolean canRead() {
        Thread me = Thread.currentThread();
        if (writer == me || readers.containsKey(me)) {
            return true;
        }
        return writer == null && queuedWriters == 0;
    }

    boolean canWrite() {
        Thread me = Thread.currentThread();
        return writer == me || (writer == null && readHolds == 0);
    }

    void addRead() {
        readers.merge(Thread.currentThread(), 1, Integer::sum);
        readHolds++;
    }

    /** Waits (sync held) until {@code write ? canWrite() : canRead()}; false on timeout. */
    boolean acquire(boolean write, boolean interruptible, boolean timed, long nanos) throws InterruptedException {
        if (interruptible) {
            Waits.checkInterrupt();
        }
        long deadline = System.nanoTime() + nanos;
        boolean interrupted = false;
        if (write) {
            queuedWriters++;
        } else {
            queuedReaders++;
        }
        try {
            while (!(write ? canWrite() : canRead())) {
                if (timed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    Waits.waitNanos(sync, left);
                } else if (interruptible) {
                    sync.wait();
                } else {
                    interrupted |= Waits.waitUninterruptibly(sync);
                }
            }
        } finally {
            if (write) {
                queuedWriters--;
            } else {
                queuedReaders--;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            sync.notifyAll();
        }
        if (write) {
            writer = Thread.currentThread();
            writeHolds++;
        } else {
            addRead();
        }
        return true;
    }

    public final boolean isFair() {
        return fair;
    }

    public int getReadLockCount() {
        synchronized (sync) {
            return readHolds;
        }
    }

    public boolean isWriteLocked() {
        synchronized (sync) {
            return writer != null;
        }
    }

    public boolean isWriteLockedByCurrentThread() {
        synchronized (sync) {
            return writer == Thread.currentThread();
        }
    }

    public int getWriteHoldCount() {
        synchronized (sync) {
            return writer == Thread.currentThread() ? writeHolds : 0;
        }
    }

    public int getReadHoldCount() {
        synchronized (sync) {
            Integer n = readers.get(Thread.currentThread());
            return n == null ? 0 : n;
        }
    }

    protected Thread getOwner() {
        synchronized (sync) {
            return writer;
        }
    }

    public final boolean hasQueuedThreads() {
        synchronized (sync) {
            return queuedReaders + queuedWriters > 0;
        }
    }

    public final int getQueueLength() {
        synchronized (sync) {
            return queuedReaders + queuedWriters;
        }
    }

    public boolean hasWaiters(Condition condition) {
        return getWaitQueueLength(condition) > 0;
    }

    public int getWaitQueueLength(Condition condition) {
        if (!(condition instanceof MonitorCondition c) || !c.belongsTo(writeOwner)) {
            throw new IllegalArgumentException("not owner");
        }
        return c.waiting();
    }

    @Override
    public String toString() {
        synchronized (sync) {
            return super.toString() + "[Write locks = " + writeHolds + ", Read locks = " + readHolds + "]";
        }
    }

    public static class ReadLock implements Lock, java.io.Serializable {
        private final TReentrantReadWriteLock lock;

        protected ReadLock(TReentrantReadWriteLock lock) {
            this.lock = lock;
        }

        @Override
        public void lock() {
            synchronized (lock.sync) {
                try {
                    lock.acquire(false, false, false, 0);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            synchronized (lock.sync) {
                lock.acquire(false, true, false, 0);
            }
        }

        @Override
        public boolean tryLock() {
            synchronized (lock.sync) {
                Thread me = Thread.currentThread();
                if (lock.writer == null || lock.writer == me) {
                    lock.addRead();
                    return true;
                }
                return false;
            }
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            synchronized (lock.sync) {
                return lock.acquire(false, true, true, unit.toNanos(time));
            }
        }

        @Override
        public void unlock() {
            synchronized (lock.sync) {
                Thread me = Thread.currentThread();
                Integer n = lock.readers.get(me);
                if (n == null) {
                    throw new IllegalMonitorStateException(
                            "attempt to unlock read lock, not locked by current thread");
                }
                if (n == 1) {
                    lock.readers.remove(me);
                } else {
                    lock.readers.put(me, n - 1);
                }
                lock.readHolds--;
                lock.sync.notifyAll();
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            return super.toString() + "[Read locks = " + lock.getReadLockCount() + "]";
        }
    }

    public static class WriteLock implements Lock, java.io.Serializable {
        private final TReentrantReadWriteLock lock;

        protected WriteLock(TReentrantReadWriteLock lock) {
            this.lock = lock;
        }

        @Override
        public void lock() {
            synchronized (lock.sync) {
                try {
                    lock.acquire(true, false, false, 0);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            synchronized (lock.sync) {
                lock.acquire(true, true, false, 0);
            }
        }

        @Override
        public boolean tryLock() {
            synchronized (lock.sync) {
                if (lock.canWrite()) {
                    lock.writer = Thread.currentThread();
                    lock.writeHolds++;
                    return true;
                }
                return false;
            }
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            synchronized (lock.sync) {
                return lock.acquire(true, true, true, unit.toNanos(time));
            }
        }

        @Override
        public void unlock() {
            synchronized (lock.sync) {
                if (lock.writer != Thread.currentThread()) {
                    throw new IllegalMonitorStateException();
                }
                if (--lock.writeHolds == 0) {
                    lock.writer = null;
                    lock.sync.notifyAll();
                }
            }
        }

        @Override
        public Condition newCondition() {
            return new MonitorCondition(lock.writeOwner);
        }

        public boolean isHeldByCurrentThread() {
            return lock.isWriteLockedByCurrentThread();
        }

        public int getHoldCount() {
            return lock.getWriteHoldCount();
        }

        @Override
        public String toString() {
            Thread o = lock.getOwner();
            return super.toString() + (o == null ? "[Unlocked]" : "[Locked by thread " + o.getName() + "]");
        }
    }
}
