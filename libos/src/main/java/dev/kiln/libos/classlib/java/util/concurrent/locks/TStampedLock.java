package dev.kiln.libos.classlib.java.util.concurrent.locks;

import dev.kiln.libos.concurrent.Waits;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * A capability-based lock with write, read and optimistic read modes; not reentrant. A stamp is
 * the lock's version (bumped by every write lock and its release) with a mode bit: a write stamp
 * is odd-versioned, a read or optimistic stamp names the version it saw. validate() holds while
 * no write lock was taken since.
 */
public class TStampedLock implements java.io.Serializable {
    private static final long WRITE_BIT = 1L;
    private static final long READ_TAG = 1L << 62;

    private final transient Object sync = new Object();
    /** Even: no writer; odd: write-locked. Starts at 256 so that no stamp is zero. */
    private long version = 256;
    private int readers;

    public TStampedLock() {
    }

    private boolean writeLocked() {
        return (version & WRITE_BIT) != 0;
    }

    private long readStamp() {
        return version | READ_TAG;
    }

    public long writeLock() {
        synchronized (sync) {
            boolean interrupted = false;
            while (writeLocked() || readers > 0) {
                interrupted |= Waits.waitUninterruptibly(sync);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return ++version;
        }
    }

    public long tryWriteLock() {
        synchronized (sync) {
            return writeLocked() || readers > 0 ? 0L : ++version;
        }
    }

    public long tryWriteLock(long time, TimeUnit unit) throws InterruptedException {
        return acquireTimed(true, unit.toNanos(time));
    }

    public long writeLockInterruptibly() throws InterruptedException {
        synchronized (sync) {
            Waits.checkInterrupt();
            while (writeLocked() || readers > 0) {
                sync.wait();
            }
            return ++version;
        }
    }

    public long readLock() {
        synchronized (sync) {
            boolean interrupted = false;
            while (writeLocked()) {
                interrupted |= Waits.waitUninterruptibly(sync);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            readers++;
            return readStamp();
        }
    }

    public long tryReadLock() {
        synchronized (sync) {
            if (writeLocked()) {
                return 0L;
            }
            readers++;
            return readStamp();
        }
    }

    public long tryReadLock(long time, TimeUnit unit) throws InterruptedException {
        return acquireTimed(false, unit.toNanos(time));
    }

    public long readLockInterruptibly() throws InterruptedException {
        synchronized (sync) {
            Waits.checkInterrupt();
            while (writeLocked()) {
                sync.wait();
            }
            readers++;
            return readStamp();
        }
    }

    private long acquireTimed(boolean write, long nanos) throws InterruptedException {
        synchronized (sync) {
            Waits.checkInterrupt();
            long left = nanos;
            while (writeLocked() || (write && readers > 0)) {
                if (left <= 0) {
                    return 0L;
                }
                left = Waits.waitNanos(sync, left);
            }
            if (write) {
                return ++version;
            }
            readers++;
            return readStamp();
        }
    }

    public long tryOptimisticRead() {
        synchronized (sync) {
            return writeLocked() ? 0L : readStamp();
        }
    }

    public boolean validate(long stamp) {
        synchronized (sync) {
            if (stamp == 0) {
                return false;
            }
            return (stamp & READ_TAG) != 0 ? (stamp & ~READ_TAG) == version : stamp == version;
        }
    }

    public void unlockWrite(long stamp) {
        synchronized (sync) {
            if (!writeLocked() || stamp != version) {
                throw new IllegalMonitorStateException();
            }
            version++;
            sync.notifyAll();
        }
    }

    public void unlockRead(long stamp) {
        synchronized (sync) {
            if (readers == 0 || (stamp & READ_TAG) == 0 || (stamp & ~READ_TAG) != version) {
                throw new IllegalMonitorStateException();
            }
            if (--readers == 0) {
                sync.notifyAll();
            }
        }
    }

    public void unlock(long stamp) {
        if ((stamp & READ_TAG) != 0) {
            unlockRead(stamp);
        } else {
            unlockWrite(stamp);
        }
    }

    public long tryConvertToWriteLock(long stamp) {
        synchronized (sync) {
            if ((stamp & READ_TAG) == 0) {
                return stamp == version && writeLocked() ? stamp : 0L;
            }
            if ((stamp & ~READ_TAG) != version || writeLocked()) {
                return 0L;
            }
            if (readers == 0) {
                return ++version;
            }
            if (readers == 1) {
                readers = 0;
                return ++version;
            }
            return 0L;
        }
    }

    public long tryConvertToReadLock(long stamp) {
        synchronized (sync) {
            if ((stamp & READ_TAG) == 0) {
                if (stamp != version || !writeLocked()) {
                    return 0L;
                }
                version++;
                readers++;
                sync.notifyAll();
                return readStamp();
            }
            if ((stamp & ~READ_TAG) != version) {
                return 0L;
            }
            if (readers == 0) {
                readers++;
            }
            return stamp;
        }
    }

    public long tryConvertToOptimisticRead(long stamp) {
        synchronized (sync) {
            if ((stamp & READ_TAG) == 0) {
                if (stamp != version || !writeLocked()) {
                    return 0L;
                }
                version++;
                sync.notifyAll();
                return readStamp();
            }
            if ((stamp & ~READ_TAG) != version) {
                return 0L;
            }
            if (readers > 0) {
                readers--;
                sync.notifyAll();
            }
            return stamp;
        }
    }

    public boolean tryUnlockWrite() {
        synchronized (sync) {
            if (!writeLocked()) {
                return false;
            }
            version++;
            sync.notifyAll();
            return true;
        }
    }

    public boolean tryUnlockRead() {
        synchronized (sync) {
            if (readers == 0) {
                return false;
            }
            if (--readers == 0) {
                sync.notifyAll();
            }
            return true;
        }
    }

    public boolean isWriteLocked() {
        synchronized (sync) {
            return writeLocked();
        }
    }

    public boolean isReadLocked() {
        synchronized (sync) {
            return readers > 0;
        }
    }

    public static boolean isWriteLockStamp(long stamp) {
        return stamp != 0 && (stamp & READ_TAG) == 0 && (stamp & WRITE_BIT) != 0;
    }

    public static boolean isReadLockStamp(long stamp) {
        return (stamp & READ_TAG) != 0;
    }

    public static boolean isLockStamp(long stamp) {
        return isWriteLockStamp(stamp) || isReadLockStamp(stamp);
    }

    public static boolean isOptimisticReadStamp(long stamp) {
        return (stamp & READ_TAG) != 0;
    }

    public int getReadLockCount() {
        synchronized (sync) {
            return readers;
        }
    }

    @Override
    public String toString() {
        synchronized (sync) {
            return super.toString() + (writeLocked() ? "[Write-locked]"
                    : readers > 0 ? "[Read-locks:" + readers + "]" : "[Unlocked]");
        }
    }

    public Lock asReadLock() {
        return new View(false);
    }

    public Lock asWriteLock() {
        return new View(true);
    }

    public ReadWriteLock asReadWriteLock() {
        return new ReadWriteLock() {
            @Override
            public Lock readLock() {
                return asReadLock();
            }

            @Override
            public Lock writeLock() {
                return asWriteLock();
            }
        };
    }

    private final class View implements Lock {
        private final boolean write;

        View(boolean write) {
            this.write = write;
        }

        @Override
        public void lock() {
            if (write) {
                writeLock();
            } else {
                readLock();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (write) {
                writeLockInterruptibly();
            } else {
                readLockInterruptibly();
            }
        }

        @Override
        public boolean tryLock() {
            return (write ? tryWriteLock() : tryReadLock()) != 0L;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            return (write ? tryWriteLock(time, unit) : tryReadLock(time, unit)) != 0L;
        }

        @Override
        public void unlock() {
            if (write) {
                if (!tryUnlockWrite()) {
                    throw new IllegalMonitorStateException();
                }
            } else if (!tryUnlockRead()) {
                throw new IllegalMonitorStateException();
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }
}
