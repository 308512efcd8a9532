import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.locks.*;

/** ReentrantLock and its conditions, ReentrantReadWriteLock, StampedLock, LockSupport. */
public class ConcLocks {
    static final ReentrantLock lock = new ReentrantLock();
    static final Condition notFull = lock.newCondition();
    static final Condition notEmpty = lock.newCondition();
    static final Deque<Integer> buffer = new ArrayDeque<>();

    static void put(int v) throws InterruptedException {
        lock.lock();
        try {
            while (buffer.size() == 2) {
                notFull.await();
            }
            buffer.add(v);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    static int take() throws InterruptedException {
        lock.lock();
        try {
            while (buffer.isEmpty()) {
                notEmpty.await();
            }
            int v = buffer.remove();
            notFull.signal();
            return v;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 20; i++) {
                    put(i);
                }
                put(-1);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        producer.start();
        int sum = 0;
        for (int v; (v = take()) != -1;) {
            sum += v;
        }
        producer.join();
        System.out.println("bounded buffer with conditions: sum " + sum);

        lock.lock();
        lock.lock();
        System.out.println("hold count " + lock.getHoldCount() + ", held " + lock.isHeldByCurrentThread() + ", locked " + lock.isLocked());
        Thread contender = new Thread(() -> {
            System.out.println("contender tryLock: " + lock.tryLock());
            try {
                System.out.println("contender timed tryLock: " + lock.tryLock(20, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        contender.start();
        contender.join();
        lock.unlock();
        lock.unlock();
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException e) {
            System.out.println("unlock when not held: IllegalMonitorStateException");
        }
        lock.lock();
        Thread interruptible = new Thread(() -> {
            try {
                lock.lockInterruptibly();
                System.out.println("never");
            } catch (InterruptedException e) {
                System.out.println("lockInterruptibly interrupted");
            }
        });
        interruptible.start();
        while (!lock.hasQueuedThread(interruptible)) {
            Thread.sleep(1);
        }
        System.out.println("queue length " + lock.getQueueLength());
        interruptible.interrupt();
        interruptible.join();
        Condition cond = lock.newCondition();
        System.out.println("await timed out: " + !cond.await(20, TimeUnit.MILLISECONDS) + ", still held " + lock.isHeldByCurrentThread());
        lock.unlock();
        try {
            cond.signal();
        } catch (IllegalMonitorStateException e) {
            System.out.println("signal without the lock: IllegalMonitorStateException");
        }
        System.out.println("fair: " + new ReentrantLock(true).isFair() + ", toString ends with " + lock.toString().replaceAll(".*@[0-9a-f]+", ""));

        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        rw.readLock().lock();
        rw.readLock().lock();
        Thread reader = new Thread(() -> {
            rw.readLock().lock();
            System.out.println("second thread reads alongside, read locks " + rw.getReadLockCount());
            rw.readLock().unlock();
        });
        reader.start();
        reader.join();
        System.out.println("write tryLock while reading: " + rw.writeLock().tryLock() + ", my read holds " + rw.getReadHoldCount());
        rw.readLock().unlock();
        rw.readLock().unlock();
        rw.writeLock().lock();
        rw.readLock().lock();
        rw.writeLock().unlock();
        System.out.println("downgraded: write locked " + rw.isWriteLocked() + ", read locks " + rw.getReadLockCount());
        rw.readLock().unlock();
        Thread writer = new Thread(() -> {
            rw.writeLock().lock();
            System.out.println("writer has it: " + rw.isWriteLockedByCurrentThread() + ", holds " + rw.getWriteHoldCount());
            rw.writeLock().unlock();
        });
        writer.start();
        writer.join();
        try {
            rw.readLock().newCondition();
        } catch (UnsupportedOperationException e) {
            System.out.println("read lock condition: UnsupportedOperationException");
        }

        StampedLock sl = new StampedLock();
        long stamp = sl.tryOptimisticRead();
        System.out.println("optimistic read valid: " + sl.validate(stamp));
        long ws = sl.writeLock();
        System.out.println("after a write lock, optimistic valid: " + sl.validate(stamp) + ", write locked " + sl.isWriteLocked());
        sl.unlockWrite(ws);
        long rs = sl.readLock();
        System.out.println("read locked " + sl.isReadLocked() + ", count " + sl.getReadLockCount() + ", tryWriteLock " + sl.tryWriteLock());
        long converted = sl.tryConvertToWriteLock(rs);
        System.out.println("converted to write: " + (converted != 0) + ", write locked " + sl.isWriteLocked());
        sl.unlock(converted);
        Lock view = sl.asReadLock();
        view.lock();
        System.out.println("read lock view: read locked " + sl.isReadLocked());
        view.unlock();

        Thread parker = new Thread(() -> {
            LockSupport.park();
            System.out.println("unparked, interrupted " + Thread.currentThread().isInterrupted());
            LockSupport.park();
            System.out.println("park returns at once while interrupted: " + Thread.interrupted());
        });
        parker.start();
        Thread.sleep(20);
        LockSupport.unpark(parker);
        Thread.sleep(20);
        parker.interrupt();
        parker.join();
        LockSupport.unpark(Thread.currentThread());
        LockSupport.park();
        System.out.println("a permit given before park is used by it");
        long before = System.nanoTime();
        LockSupport.parkNanos(20_000_000L);
        System.out.println("parkNanos waited: " + (System.nanoTime() - before >= 15_000_000L));
    }
}
