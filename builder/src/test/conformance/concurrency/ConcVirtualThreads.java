import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** Virtual threads: Thread.ofVirtual, startVirtualThread, isVirtual, names, daemon, 10,000 of them, the per-task executor. */
public class ConcVirtualThreads {
    public static void main(String[] args) throws Exception {
        Thread v = Thread.ofVirtual().name("worker-", 1).unstarted(() -> System.out.println("in " + Thread.currentThread().getName()
                + ", virtual " + Thread.currentThread().isVirtual()));
        System.out.println("unstarted: name " + v.getName() + ", daemon " + v.isDaemon() + ", virtual " + v.isVirtual());
        v.start();
        v.join();
        Thread unnamed = Thread.startVirtualThread(() -> { });
        unnamed.join();
        System.out.println("startVirtualThread: name '" + unnamed.getName() + "', virtual " + unnamed.isVirtual());
        System.out.println("main is virtual: " + Thread.currentThread().isVirtual() + ", platform thread is virtual: " + new Thread(() -> { }).isVirtual());

        ThreadFactory factory = Thread.ofVirtual().name("v", 0).factory();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            names.add(factory.newThread(() -> { }).getName());
        }
        System.out.println("factory names " + names);

        AtomicLong sum = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            final int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                sum.addAndGet(n);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("10,000 virtual threads that sleep: sum " + sum.get());

        try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                final int n = i;
                fs.add(exec.submit(() -> "task " + n + " virtual " + Thread.currentThread().isVirtual() + " name '" + Thread.currentThread().getName() + "'"));
            }
            for (Future<String> f : fs) {
                System.out.println(f.get());
            }
        }

        Thread handled = Thread.ofVirtual().uncaughtExceptionHandler((t, e) -> System.out.println("handler got " + e.getMessage()))
                .start(() -> {
                    throw new IllegalStateException("from a virtual thread");
                });
        handled.join();
        Thread other = Thread.ofVirtual().unstarted(() -> { });
        System.out.println("threadId is getId: " + (Thread.currentThread().threadId() == Thread.currentThread().getId())
                + ", ids differ: " + (other.threadId() != Thread.currentThread().threadId()));
        Thread.onSpinWait();
        CountDownLatch forever = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                forever.await();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            System.out.println("never printed: a virtual thread is a daemon");
        });
        System.out.println("main returns while a virtual thread still waits");
    }
}
