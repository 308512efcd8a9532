package dev.kiln.libos.classlib.java.util.concurrent;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The executor side of ForkJoinPool: a pool of daemon workers named as HotSpot names them
 * (ForkJoinPool-N-worker-M, ForkJoinPool.commonPool-worker-M) that finish when idle for 60 s.
 * ForkJoinTask (fork/join, RecursiveTask) is not there yet: with one vCPU, work stealing has
 * nothing to steal from, and the executor is what Executors.newWorkStealingPool and
 * CompletableFuture's async methods need. The common pool ignores shutdown, as specified.
 */
public class TForkJoinPool extends TAbstractExecutorService {
    private static int poolNumber = 1;
    private static TForkJoinPool common;

    private final TThreadPoolExecutor workers;
    private final int parallelism;
    private final boolean isCommon;

    public TForkJoinPool() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public TForkJoinPool(int parallelism) {
        this(parallelism, "ForkJoinPool-" + poolNumber++ + "-worker-", false);
    }

    private TForkJoinPool(int parallelism, String prefix, boolean isCommon) {
        if (parallelism <= 0) {
            throw new IllegalArgumentException();
        }
        this.parallelism = parallelism;
        this.isCommon = isCommon;
        ThreadFactory factory = new ThreadFactory() {
            private int next = 1;

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, prefix + next++);
                t.setDaemon(true);
                return t;
            }
        };
        workers = new TThreadPoolExecutor(parallelism, parallelism, 60L, TimeUnit.SECONDS,
                new TLinkedBlockingQueue<>(), factory);
        workers.allowCoreThreadTimeOut(true);
    }

    public static TForkJoinPool commonPool() {
        if (common == null) {
            int n = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            common = new TForkJoinPool(n, "ForkJoinPool.commonPool-worker-", true);
        }
        return common;
    }

    public static int getCommonPoolParallelism() {
        return commonPool().parallelism;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getPoolSize() {
        return workers.getPoolSize();
    }

    public int getActiveThreadCount() {
        return workers.getActiveCount();
    }

    public long getQueuedSubmissionCount() {
        return workers.getQueue().size();
    }

    public boolean isQuiescent() {
        return workers.getActiveCount() == 0 && workers.getQueue().isEmpty();
    }

    public boolean awaitQuiescence(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isQuiescent()) {
            if (deadline - System.nanoTime() <= 0) {
                return false;
            }
            Thread.yield();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void execute(Runnable task) {
        workers.execute(task);
    }

    @Override
    public void shutdown() {
        if (!isCommon) {
            workers.shutdown();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        if (isCommon) {
            return new java.util.ArrayList<>();
        }
        return workers.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return workers.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return workers.isTerminated();
    }

    public boolean isTerminating() {
        return workers.isTerminating();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (isCommon) {
            return awaitQuiescence(timeout, unit);
        }
        return workers.awaitTermination(timeout, unit);
    }

    @Override
    public void close() {
        if (!isCommon) {
            super.close();
        }
    }

    @Override
    public String toString() {
        return super.toString() + "[" + (isShutdown() ? (isTerminated() ? "Terminated" : "Shutting down") : "Running")
                + ", parallelism = " + parallelism + ", size = " + getPoolSize() + ", active = "
                + getActiveThreadCount() + ", queued submissions = " + getQueuedSubmissionCount() + "]";
    }
}
