import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** Every Executors factory: results, thread names, shutdown, rejection, invokeAll/invokeAny, close. */
public class ConcExecutors {
    static String name() {
        return Thread.currentThread().getName();
    }

    public static void main(String[] args) throws Exception {
        ExecutorService fixed = Executors.newFixedThreadPool(2);
        Future<String> f = fixed.submit(() -> "fixed ran on " + name());
        System.out.println(f.get());
        Future<?> r = fixed.submit(() -> { });
        System.out.println("runnable result: " + r.get() + ", done " + r.isDone());
        System.out.println("with result: " + fixed.submit(() -> { }, 42).get());
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            final int n = i;
            calls.add(() -> n * n);
        }
        List<Integer> squares = new ArrayList<>();
        for (Future<Integer> sq : fixed.invokeAll(calls)) {
            squares.add(sq.get());
        }
        System.out.println("invokeAll: " + squares);
        System.out.println("invokeAny: " + fixed.invokeAny(List.of(() -> {
            throw new IllegalStateException("first fails");
        }, () -> "second succeeds")));
        try {
            fixed.invokeAny(List.of(() -> {
                throw new IllegalStateException("all fail");
            }));
        } catch (ExecutionException e) {
            System.out.println("invokeAny failed: " + e.getCause());
        }
        fixed.shutdown();
        System.out.println("shutdown " + fixed.isShutdown() + ", terminated " + fixed.awaitTermination(10, TimeUnit.SECONDS));
        try {
            fixed.execute(() -> { });
        } catch (RejectedExecutionException e) {
            System.out.println("after shutdown: " + e.getClass().getName());
        }

        ExecutorService single = Executors.newSingleThreadExecutor();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 10; i++) {
            final int n = i;
            single.execute(() -> order.add(n));
        }
        System.out.println("single thread order: " + single.submit(() -> order.toString()).get() + " on " + single.submit(ConcExecutors::name).get());
        System.out.println("single is a ThreadPoolExecutor: " + (single instanceof ThreadPoolExecutor));
        single.shutdown();
        single.awaitTermination(10, TimeUnit.SECONDS);

        ExecutorService cached = Executors.newCachedThreadPool();
        CountDownLatch all = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            cached.execute(() -> {
                synchronized (names) {
                    names.add(name());
                }
                all.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
        }
        all.await();
        System.out.println("cached pool threads: " + names + ", pool size " + ((ThreadPoolExecutor) cached).getPoolSize());
        release.countDown();
        cached.shutdown();
        System.out.println("cached terminated: " + cached.awaitTermination(10, TimeUnit.SECONDS));

        ThreadPoolExecutor bounded = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        CountDownLatch block = new CountDownLatch(1);
        bounded.execute(() -> {
            try {
                block.await();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        bounded.execute(() -> { });
        try {
            bounded.execute(() -> { });
        } catch (RejectedExecutionException e) {
            System.out.println("queue full: rejected");
        }
        bounded.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        bounded.execute(() -> System.out.println("caller runs on " + name()));
        bounded.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        bounded.execute(() -> System.out.println("never printed"));
        block.countDown();
        bounded.shutdown();
        bounded.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("bounded completed " + bounded.getCompletedTaskCount());

        ExecutorService stealing = Executors.newWorkStealingPool();
        System.out.println("work stealing: " + stealing.submit(() -> name().startsWith("ForkJoinPool-") ? "ForkJoinPool worker" : name()).get()
                + ", is ForkJoinPool " + (stealing instanceof ForkJoinPool));
        stealing.shutdown();

        AtomicInteger virtualSum = new AtomicInteger();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 1000; i++) {
                final int n = i;
                virtual.submit(() -> virtualSum.addAndGet(n));
            }
        }
        System.out.println("virtual per task, after close: " + virtualSum.get());

        ThreadFactory named = runnable -> new Thread(runnable, "custom");
        try (ExecutorService perTask = Executors.newThreadPerTaskExecutor(named)) {
            System.out.println("thread per task: " + perTask.submit(ConcExecutors::name).get());
        }

        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
        ScheduledFuture<String> later = scheduled.schedule(() -> "scheduled on " + name(), 20, TimeUnit.MILLISECONDS);
        System.out.println(later.get());
        scheduled.shutdown();
        System.out.println("scheduled terminated: " + scheduled.awaitTermination(10, TimeUnit.SECONDS));

        ExecutorService unconfigurable = Executors.unconfigurableExecutorService(Executors.newFixedThreadPool(1));
        System.out.println("unconfigurable is a ThreadPoolExecutor: " + (unconfigurable instanceof ThreadPoolExecutor));
        unconfigurable.close();
        System.out.println("closed: " + unconfigurable.isTerminated());
        System.out.println("callable: " + Executors.callable(() -> { }, "value").call());
    }
}
