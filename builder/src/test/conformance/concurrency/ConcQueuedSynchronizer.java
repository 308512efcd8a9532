import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/** Synchronizers written on AbstractQueuedSynchronizer, as its Javadoc shows: a mutex with a condition and a one-shot latch. */
public class ConcQueuedSynchronizer {
    /** The Javadoc's non-reentrant mutual exclusion lock. */
    static final class Mutex implements Lock {
        private static final class Sync extends AbstractQueuedSynchronizer {
            @Override
            protected boolean isHeldExclusively() {
                return getExclusiveOwnerThread() == Thread.currentThread();
            }

            @Override
            public boolean tryAcquire(int acquires) {
                if (compareAndSetState(0, 1)) {
                    setExclusiveOwnerThread(Thread.currentThread());
                    return true;
                }
                return false;
            }

            @Override
            protected boolean tryRelease(int releases) {
                if (!isHeldExclusively()) {
                    throw new IllegalMonitorStateException();
                }
                setExclusiveOwnerThread(null);
                setState(0);
                return true;
            }

            Condition newCondition() {
                return new ConditionObject();
            }

            boolean isLocked() {
                return getState() != 0;
            }
        }

        private final Sync sync = new Sync();

        @Override
        public void lock() {
            sync.acquire(1);
        }

        @Override
        public boolean tryLock() {
            return sync.tryAcquire(1);
        }

        @Override
        public void unlock() {
            sync.release(1);
        }

        @Override
        public Condition newCondition() {
            return sync.newCondition();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            sync.acquireInterruptibly(1);
        }

        @Override
        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            return sync.tryAcquireNanos(1, unit.toNanos(timeout));
        }
    }

    /** The Javadoc's latch: await blocks until signal() was called once. */
    static final class BooleanLatch {
        private static final class Sync extends AbstractQueuedSynchronizer {
            boolean isSignalled() {
                return getState() != 0;
            }

            @Override
            protected int tryAcquireShared(int ignore) {
                return isSignalled() ? 1 : -1;
            }

            @Override
            protected boolean tryReleaseShared(int ignore) {
                setState(1);
                return true;
            }
        }

        private final Sync sync = new Sync();

        boolean isSignalled() {
            return sync.isSignalled();
        }

        void signal() {
            sync.releaseShared(1);
        }

        void await() throws InterruptedException {
            sync.acquireSharedInterruptibly(1);
        }
    }

    static int counter;

    public static void main(String[] args) throws Exception {
        Mutex mutex = new Mutex();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    mutex.lock();
                    try {
                        int c = counter;
                        if (i % 1000 == 0) {
                            Thread.yield(); // let others try the lock while it is held
                        }
                        counter = c + 1;
                    } finally {
                        mutex.unlock();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("8 threads x 10000 increments under the mutex: " + counter);
        System.out.println("tryLock " + mutex.tryLock() + ", again " + mutex.tryLock() + ", locked " + mutex.sync.isLocked());
        System.out.println("sync " + mutex.sync.toString().replaceAll("@[0-9a-f]+", "@...") + ", queued " + mutex.sync.hasQueuedThreads());
        Thread blocked = new Thread(mutex::lock, "blocked");
        blocked.start();
        while (!mutex.sync.hasQueuedThreads()) {
            Thread.sleep(1);
        }
        System.out.println("queue: length " + mutex.sync.getQueueLength() + ", first " + mutex.sync.getFirstQueuedThread().getName()
                + ", isQueued " + mutex.sync.isQueued(blocked) + ", contended " + mutex.sync.hasContended() + ", "
                + mutex.sync.toString().replaceAll("@[0-9a-f]+", "@..."));
        System.out.println("timed tryLock from another thread: " + timedTry(mutex));
        mutex.unlock();
        blocked.join();
        System.out.println("blocked thread got it: locked " + mutex.sync.isLocked() + ", queued " + mutex.sync.hasQueuedThreads());
        try {
            mutex.unlock();
        } catch (IllegalMonitorStateException e) {
            System.out.println("unlock by a thread that does not hold it: IllegalMonitorStateException");
        }

        // a condition of the mutex
        Mutex m2 = new Mutex();
        Condition ready = m2.newCondition();
        List<String> log = new ArrayList<>();
        Thread waiter = new Thread(() -> {
            m2.lock();
            try {
                log.add("waiting");
                ready.await();
                log.add("signalled");
            } catch (InterruptedException e) {
                log.add("interrupted");
            } finally {
                m2.unlock();
            }
        });
        waiter.start();
        while (true) {
            m2.lock();
            try {
                if (!log.isEmpty()) {
                    ready.signal();
                    break;
                }
            } finally {
                m2.unlock();
            }
            Thread.sleep(1);
        }
        waiter.join();
        System.out.println("condition: " + log);
        m2.lock();
        try {
            System.out.println("awaitNanos times out: " + (ready.awaitNanos(TimeUnit.MILLISECONDS.toNanos(5)) <= 0));
        } finally {
            m2.unlock();
        }
        try {
            ready.signal();
        } catch (IllegalMonitorStateException e) {
            System.out.println("signal without the lock: IllegalMonitorStateException");
        }

        // the shared mode
        BooleanLatch latch = new BooleanLatch();
        List<Thread> awaiting = new ArrayList<>();
        int[] passed = new int[1];
        for (int i = 0; i < 5; i++) {
            awaiting.add(new Thread(() -> {
                try {
                    latch.await();
                    synchronized (passed) {
                        passed[0]++;
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : awaiting) {
            t.start();
        }
        System.out.println("signalled " + latch.isSignalled());
        latch.signal();
        for (Thread t : awaiting) {
            t.join();
        }
        System.out.println("after signal: " + passed[0] + " threads passed, signalled " + latch.isSignalled());
        latch.await();
        System.out.println("await after signal returns at once");
    }

    private static boolean timedTry(Mutex mutex) throws InterruptedException {
        boolean[] got = new boolean[1];
        Thread t = new Thread(() -> {
            try {
                got[0] = mutex.tryLock(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        t.join();
        return got[0];
    }
}
