package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.ThreadPerTaskExecutor;
import dev.kiln.libos.concurrent.VirtualThread;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The JDK's factory methods, with the JDK's pool configurations and thread names. */
public final class TExecutors {
    private static int poolNumber = 1;

    private TExecutors() {
    }

    public static ExecutorService newFixedThreadPool(int nThreads) {
        return new TThreadPoolExecutor(nThreads, nThreads, 0L, TimeUnit.MILLISECONDS, new TLinkedBlockingQueue<>());
    }

    public static ExecutorService newFixedThreadPool(int nThreads, ThreadFactory threadFactory) {
        return new TThreadPoolExecutor(nThreads, nThreads, 0L, TimeUnit.MILLISECONDS, new TLinkedBlockingQueue<>(),
                threadFactory);
    }

    public static ExecutorService newWorkStealingPool(int parallelism) {
        return new TForkJoinPool(parallelism);
    }

    public static ExecutorService newWorkStealingPool() {
        return new TForkJoinPool();
    }

    public static ExecutorService newSingleThreadExecutor() {
        return new Delegated(new TThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new TLinkedBlockingQueue<>()));
    }

    public static ExecutorService newSingleThreadExecutor(ThreadFactory threadFactory) {
        return new Delegated(new TThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new TLinkedBlockingQueue<>(),
                threadFactory));
    }

    public static ExecutorService newCachedThreadPool() {
        return new TThreadPoolExecutor(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new TSynchronousQueue<>());
    }

    public static ExecutorService newCachedThreadPool(ThreadFactory threadFactory) {
        return new TThreadPoolExecutor(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new TSynchronousQueue<>(),
                threadFactory);
    }

    public static ExecutorService newThreadPerTaskExecutor(ThreadFactory threadFactory) {
        return new ThreadPerTaskExecutor(threadFactory);
    }

    /** A virtual thread is a green thread here, as every thread is: daemon and unnamed, as HotSpot's are. */
    public static ExecutorService newVirtualThreadPerTaskExecutor() {
        return new ThreadPerTaskExecutor(r -> new VirtualThread(r, ""));
    }

    public static ScheduledExecutorService newSingleThreadScheduledExecutor() {
        return new DelegatedScheduled(new TScheduledThreadPoolExecutor(1));
    }

    public static ScheduledExecutorService newSingleThreadScheduledExecutor(ThreadFactory threadFactory) {
        return new DelegatedScheduled(new TScheduledThreadPoolExecutor(1, threadFactory));
    }

    public static ScheduledExecutorService newScheduledThreadPool(int corePoolSize) {
        return new TScheduledThreadPoolExecutor(corePoolSize);
    }

    public static ScheduledExecutorService newScheduledThreadPool(int corePoolSize, ThreadFactory threadFactory) {
        return new TScheduledThreadPoolExecutor(corePoolSize, threadFactory);
    }

    public static ExecutorService unconfigurableExecutorService(ExecutorService executor) {
        if (executor == null) {
            throw new NullPointerException();
        }
        return new Delegated(executor);
    }

    public static ScheduledExecutorService unconfigurableScheduledExecutorService(ScheduledExecutorService executor) {
        if (executor == null) {
            throw new NullPointerException();
        }
        return new DelegatedScheduled(executor);
    }

    public static ThreadFactory defaultThreadFactory() {
        return new DefaultThreadFactory();
    }

    public static <T> Callable<T> callable(Runnable task, T result) {
        if (task == null) {
            throw new NullPointerException();
        }
        return new RunnableAdapter<>(task, result);
    }

    public static Callable<Object> callable(Runnable task) {
        return callable(task, null);
    }

    private static final class RunnableAdapter<T> implements Callable<T> {
        private final Runnable task;
        private final T result;

        RunnableAdapter(Runnable task, T result) {
            this.task = task;
            this.result = result;
        }

        @Override
        public T call() {
            task.run();
            return result;
        }

        @Override
        public String toString() {
            return super.toString() + "[Wrapped task = " + task + "]";
        }
    }

    /** pool-N-thread-M, non-daemon, normal priority. */
    private static final class DefaultThreadFactory implements ThreadFactory {
        private final String prefix;
        private int threadNumber = 1;

        DefaultThreadFactory() {
            prefix = "pool-" + poolNumber++ + "-thread-";
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + threadNumber++);
            if (t.isDaemon()) {
                t.setDaemon(false);
            }
            return t;
        }
    }

    /** Only the ExecutorService methods of an executor (no casting to its class). */
    private static class Delegated implements ExecutorService {
        private final ExecutorService e;

        Delegated(ExecutorService e) {
            this.e = e;
        }

        @Override
        public void execute(Runnable command) {
            e.execute(command);
        }

        @Override
        public void shutdown() {
            e.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return e.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return e.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return e.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return e.awaitTermination(timeout, unit);
        }

        @Override
        public void close() {
            e.close();
        }

        @Override
        public Future<?> submit(Runnable task) {
            return e.submit(task);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return e.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return e.submit(task, result);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return e.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return e.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return e.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return e.invokeAny(tasks, timeout, unit);
        }

        @Override
        public String toString() {
            return super.toString() + "[" + e + "]";
        }
    }

    private static final class DelegatedScheduled extends Delegated implements ScheduledExecutorService {
        private final ScheduledExecutorService e;

        DelegatedScheduled(ScheduledExecutorService e) {
            super(e);
            this.e = e;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return e.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return e.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
                TimeUnit unit) {
            return e.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                TimeUnit unit) {
            return e.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }
    }
}
