import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.*;

/** Issue 13's stress: 8 pool threads, 100,000 tasks, no lost update (lock, atomic, LongAdder). */
public class ConcPoolStress {
    static long locked;

    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(8);
        ReentrantLock lock = new ReentrantLock();
        AtomicLong atomic = new AtomicLong();
        LongAdder adder = new LongAdder();
        ConcurrentHashMap<String, Integer> perThread = new ConcurrentHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            final int n = i;
            pool.execute(() -> {
                lock.lock();
                try {
                    locked += n % 7;
                } finally {
                    lock.unlock();
                }
                atomic.addAndGet(n % 5);
                adder.add(n % 3);
                perThread.merge(Thread.currentThread().getName().substring(0, 14), 1, Integer::sum);
                if (n % 1000 == 0) {
                    Thread.yield();
                }
            });
        }
        pool.shutdown();
        System.out.println("terminated in time: " + pool.awaitTermination(60, TimeUnit.SECONDS));
        long expectLocked = 0, expectAtomic = 0, expectAdder = 0;
        for (int n = 0; n < 100_000; n++) {
            expectLocked += n % 7;
            expectAtomic += n % 5;
            expectAdder += n % 3;
        }
        System.out.println("lock: " + locked + " expected " + expectLocked);
        System.out.println("atomic: " + atomic.get() + " expected " + expectAtomic);
        System.out.println("adder: " + adder.sum() + " expected " + expectAdder);
        System.out.println("tasks counted: " + perThread);
        System.out.println("completed: " + pool.getCompletedTaskCount() + ", largest pool: " + pool.getLargestPoolSize()
                + ", pool now: " + pool.getPoolSize() + ", terminated: " + pool.isTerminated());

        // A pool that is shut down but still has work keeps the program alive (non-daemon workers).
        ExecutorService last = Executors.newSingleThreadExecutor();
        CountDownLatch mainDone = new CountDownLatch(1);
        last.submit(() -> {
            mainDone.await();
            System.out.println("the worker ran after main returned");
            return null;
        });
        last.shutdown();
        System.out.println("main returns");
        mainDone.countDown();
    }
}
