package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * ForkJoinPool on green threads: up to {@code parallelism} daemon workers (named as HotSpot names
 * them: ForkJoinPool-N-worker-M, ForkJoinPool.commonPool-worker-M), started when work is queued and
 * no worker is idle, ending after 60 s without work. Each pool has two queues: tasks forked by its
 * workers (run newest first, as a worker runs its own deque) and submissions from outside (oldest
 * first). A worker that joins helps (TForkJoinTask.awaitDone); an outside thread joining a task it
 * submitted to the common pool runs it itself if no worker took it yet, as the JDK's common pool
 * lets external joiners do. The common pool ignores shutdown, as specified.
 */
public class TForkJoinPool extends TAbstractExecutorService {
    /** The one monitor of every pool's and task's state (see TForkJoinTask). */
    static final Object LOCK = new Object();
    private static final long KEEP_ALIVE_NANOS = 60_000_000_000L;
    private static final int MAX_CAP = 0x7fff;
    private static int poolNumber = 1;
    private static TForkJoinPool common;

    public static final TForkJoinPool$ForkJoinWorkerThreadFactory defaultForkJoinWorkerThreadFactory =
            TForkJoinWorkerThread::new;

    private final ArrayDeque<TForkJoinTask<?>> forks = new ArrayDeque<>();
    private final ArrayDeque<TForkJoinTask<?>> submissions = new ArrayDeque<>();
    private final List<TForkJoinWorkerThread> workers = new ArrayList<>();
    private final TForkJoinPool$ForkJoinWorkerThreadFactory factory;
    private final Thread.UncaughtExceptionHandler handler;
    private final boolean asyncMode;
    private final String workerPrefix;
    private final boolean isCommon;
    private int parallelism;
    private int nextWorker = 1;
    private int idle;
    private int active;
    private long steals;
    private boolean shutdown;

    public TForkJoinPool() {
        this(Math.min(MAX_CAP, Runtime.getRuntime().availableProcessors()));
    }

    public TForkJoinPool(int parallelism) {
        this(parallelism, defaultForkJoinWorkerThreadFactory, null, false);
    }

    public TForkJoinPool(int parallelism, TForkJoinPool$ForkJoinWorkerThreadFactory factory,
            Thread.UncaughtExceptionHandler handler, boolean asyncMode) {
        this(checkParallelism(parallelism), factory, handler, asyncMode, "ForkJoinPool-" + poolNumber++ + "-worker-",
                false);
    }

    private TForkJoinPool(int parallelism, TForkJoinPool$ForkJoinWorkerThreadFactory factory,
            Thread.UncaughtExceptionHandler handler, boolean asyncMode, String workerPrefix, boolean isCommon) {
        if (factory == null) {
            throw new NullPointerException();
        }
        this.parallelism = parallelism;
        this.factory = factory;
        this.handler = handler;
        this.asyncMode = asyncMode;
        this.workerPrefix = workerPrefix;
        this.isCommon = isCommon;
    }

    private static int checkParallelism(int parallelism) {
        if (parallelism <= 0 || parallelism > MAX_CAP) {
            throw new IllegalArgumentException();
        }
        return parallelism;
    }

    public static TForkJoinPool commonPool() {
        synchronized (LOCK) {
            if (common == null) {
                int n = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
                common = new TForkJoinPool(n, defaultForkJoinWorkerThreadFactory, null, false,
                        "ForkJoinPool.commonPool-worker-", true);
            }
            return common;
        }
    }

    public static int getCommonPoolParallelism() {
        return commonPool().parallelism;
    }

    /** The pool whose worker the current thread is, or null. */
    static TForkJoinPool poolOfCurrentThread() {
        return Thread.currentThread() instanceof TForkJoinWorkerThread w ? w.pool : null;
    }

    String nextWorkerName() {
        synchronized (LOCK) {
            return workerPrefix + nextWorker++;
        }
    }

    // ---- queues (all under LOCK)

    void push(TForkJoinTask<?> task, boolean fromWorker) {
        synchronized (LOCK) {
            if (shutdown && !isCommon) {
                throw new RejectedExecutionException();
            }
            task.queuedIn = this;
            if (fromWorker) {
                forks.addLast(task);
            } else {
                submissions.addLast(task);
            }
            if (idle == 0 && workers.size() < parallelism) {
                startWorker();
            }
            LOCK.notifyAll();
        }
    }

    private void startWorker() {
        TForkJoinWorkerThread w = factory.newThread(this);
        if (w == null) {
            return;
        }
        if (handler != null) {
            w.setUncaughtExceptionHandler(handler);
        }
        workers.add(w);
        w.start();
    }

    boolean unqueue(TForkJoinTask<?> task) {
        if (task.queuedIn != this) {
            return false;
        }
        task.queuedIn = null;
        return forks.remove(task) || submissions.remove(task);
    }

    private TForkJoinTask<?> pollAny() {
        TForkJoinTask<?> t = asyncMode ? forks.pollFirst() : forks.pollLast();
        if (t == null) {
            t = submissions.pollFirst();
        }
        if (t != null) {
            t.queuedIn = null;
        }
        return t;
    }

    int queuedForks() {
        synchronized (LOCK) {
            return forks.size();
        }
    }

    int idleWorkers() {
        synchronized (LOCK) {
            return idle;
        }
    }

    TForkJoinTask<?> peekFork() {
        synchronized (LOCK) {
            return asyncMode ? forks.peekFirst() : forks.peekLast();
        }
    }

    TForkJoinTask<?> pollFork() {
        synchronized (LOCK) {
            TForkJoinTask<?> t = asyncMode ? forks.pollFirst() : forks.pollLast();
            if (t != null) {
                t.queuedIn = null;
            }
            return t;
        }
    }

    protected TForkJoinTask<?> pollSubmission() {
        synchronized (LOCK) {
            TForkJoinTask<?> t = submissions.pollFirst();
            if (t != null) {
                t.queuedIn = null;
            }
            return t;
        }
    }

    protected int drainTasksTo(Collection<? super TForkJoinTask<?>> c) {
        synchronized (LOCK) {
            int n = 0;
            for (TForkJoinTask<?> t; (t = pollAny()) != null; n++) {
                c.add(t);
            }
            return n;
        }
    }

    /**
     * Under LOCK: what a thread waiting for {@code task} should run instead of waiting, or null.
     * The task itself if it is still queued where this thread may take it (its own pool, or the
     * common pool for anyone), else, for a worker, any queued task of its pool.
     */
    static TForkJoinTask<?> taskToHelpWith(TForkJoinTask<?> task, TForkJoinPool own) {
        TForkJoinPool queued = task.queuedIn;
        if (queued != null && (queued == own || (own == null && queued.isCommon)) && queued.unqueue(task)) {
            return task;
        }
        return own == null ? null : own.pollAny();
    }

    static void runHelping(TForkJoinTask<?> task, TForkJoinPool own) {
        if (own != null) {
            synchronized (LOCK) {
                own.steals++;
            }
        }
        task.doExec();
    }

    // ---- workers

    void runWorker(TForkJoinWorkerThread w) {
        while (true) {
            TForkJoinTask<?> t;
            synchronized (LOCK) {
                long deadline = System.nanoTime() + KEEP_ALIVE_NANOS;
                while ((t = pollAny()) == null) {
                    long left = deadline - System.nanoTime();
                    if (shutdown || left <= 0) {
                        return;
                    }
                    idle++;
                    try {
                        Waits.waitNanos(LOCK, left);
                    } catch (InterruptedException e) {
                        // shutdownNow interrupts idle workers; the loop looks at the state again
                    } finally {
                        idle--;
                    }
                }
                active++;
                steals++;
            }
            try {
                t.doExec();
                if (t instanceof RunnableExecuteAction r && r.failure != null) {
                    throw TForkJoinTask.sneaky(r.failure);
                }
            } finally {
                synchronized (LOCK) {
                    active--;
                    LOCK.notifyAll();
                }
            }
        }
    }

    /** A worker ends (idle, shut down, or a task it ran through execute() threw). */
    void deregister(TForkJoinWorkerThread w) {
        synchronized (LOCK) {
            workers.remove(w);
            if (!forks.isEmpty() || !submissions.isEmpty()) {
                if (idle == 0 && workers.size() < parallelism && !(shutdown && isEmptyAndIdle())) {
                    startWorker();
                }
            }
            LOCK.notifyAll();
        }
    }

    private boolean isEmptyAndIdle() {
        return active == 0 && forks.isEmpty() && submissions.isEmpty();
    }

    // ---- ExecutorService

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task instanceof TForkJoinTask<?> t ? t : new RunnableExecuteAction(task), isOwnWorker());
    }

    public void execute(TForkJoinTask<?> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task, isOwnWorker());
    }

    private boolean isOwnWorker() {
        return poolOfCurrentThread() == this;
    }

    public <T> T invoke(TForkJoinTask<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task, isOwnWorker());
        return task.join();
    }

    public <T> TForkJoinTask<T> submit(TForkJoinTask<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task, isOwnWorker());
        return task;
    }

    @Override
    public <T> TForkJoinTask<T> submit(Callable<T> task) {
        TForkJoinTask<T> t = TForkJoinTask.adaptInterruptible(task);
        push(t, isOwnWorker());
        return t;
    }

    @Override
    public <T> TForkJoinTask<T> submit(Runnable task, T result) {
        TForkJoinTask<T> t = TForkJoinTask.adapt(task, result);
        push(t, isOwnWorker());
        return t;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TForkJoinTask<?> submit(Runnable task) {
        TForkJoinTask<?> t = task instanceof TForkJoinTask<?> f ? f : TForkJoinTask.adapt(task);
        push(t, isOwnWorker());
        return t;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> c : tasks) {
                TForkJoinTask<T> t = TForkJoinTask.adaptInterruptible(c);
                futures.add(t);
                push(t, isOwnWorker());
            }
            for (Future<T> f : futures) {
                ((TForkJoinTask<?>) f).quietlyJoin();
            }
            return futures;
        } catch (Throwable t) {
            for (Future<T> f : futures) {
                f.cancel(false);
            }
            throw t;
        }
    }

    public <T> TForkJoinTask<T> lazySubmit(TForkJoinTask<T> task) {
        return submit(task);
    }

    @Override
    public void shutdown() {
        if (isCommon) {
            return;
        }
        synchronized (LOCK) {
            shutdown = true;
            LOCK.notifyAll();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        if (isCommon) {
            return new ArrayList<>();
        }
        List<TForkJoinTask<?>> queued = new ArrayList<>();
        synchronized (LOCK) {
            shutdown = true;
            for (TForkJoinTask<?> t; (t = pollAny()) != null; ) {
                queued.add(t);
            }
            for (TForkJoinWorkerThread w : workers) {
                w.interrupt();
            }
            LOCK.notifyAll();
        }
        for (TForkJoinTask<?> t : queued) {
            t.cancel(false);
        }
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        synchronized (LOCK) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (LOCK) {
            return shutdown && workers.isEmpty() && isEmptyAndIdle();
        }
    }

    public boolean isTerminating() {
        synchronized (LOCK) {
            return shutdown && !(workers.isEmpty() && isEmptyAndIdle());
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (isCommon) {
            awaitQuiescence(timeout, unit);
            return false;
        }
        long left = unit.toNanos(timeout);
        synchronized (LOCK) {
            while (!isTerminated()) {
                if (left <= 0) {
                    return false;
                }
                left = Waits.waitNanos(LOCK, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        if (isCommon) {
            return;
        }
        shutdown();
        boolean interrupted = false;
        while (!isTerminated()) {
            try {
                awaitTermination(1, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    shutdownNow();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until no worker runs a task and nothing is queued, running queued tasks itself
     * meanwhile (a worker of this pool, or any thread, as the JDK's external callers help too).
     */
    public boolean awaitQuiescence(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        boolean self = isOwnWorker();
        boolean interrupted = false;
        try {
            while (true) {
                TForkJoinTask<?> next;
                synchronized (LOCK) {
                    next = pollAny();
                    if (next == null) {
                        if (active <= (self ? 1 : 0)) {
                            return true;
                        }
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        try {
                            Waits.waitNanos(LOCK, left);
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                        continue;
                    }
                }
                next.doExec();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void managedBlock(TForkJoinPool$ManagedBlocker blocker) throws InterruptedException {
        if (blocker == null) {
            throw new NullPointerException();
        }
        while (!blocker.isReleasable()) {
            if (blocker.block()) {
                return;
            }
        }
    }

    // ---- statistics

    public int getParallelism() {
        synchronized (LOCK) {
            return parallelism;
        }
    }

    public int setParallelism(int size) {
        if (size < 1 || size > MAX_CAP) {
            throw new IllegalArgumentException();
        }
        if (isCommon) {
            throw new UnsupportedOperationException("Cannot set common pool parallelism");
        }
        synchronized (LOCK) {
            int old = parallelism;
            parallelism = size;
            return old;
        }
    }

    public TForkJoinPool$ForkJoinWorkerThreadFactory getFactory() {
        return factory;
    }

    public Thread.UncaughtExceptionHandler getUncaughtExceptionHandler() {
        return handler;
    }

    public boolean getAsyncMode() {
        return asyncMode;
    }

    public int getPoolSize() {
        synchronized (LOCK) {
            return workers.size();
        }
    }

    public int getActiveThreadCount() {
        synchronized (LOCK) {
            return active;
        }
    }

    public int getRunningThreadCount() {
        synchronized (LOCK) {
            return active;
        }
    }

    public long getStealCount() {
        synchronized (LOCK) {
            return steals;
        }
    }

    public long getQueuedTaskCount() {
        synchronized (LOCK) {
            return forks.size();
        }
    }

    public int getQueuedSubmissionCount() {
        synchronized (LOCK) {
            return submissions.size();
        }
    }

    public boolean hasQueuedSubmissions() {
        return getQueuedSubmissionCount() > 0;
    }

    public boolean isQuiescent() {
        synchronized (LOCK) {
            return isEmptyAndIdle();
        }
    }

    @Override
    public String toString() {
        synchronized (LOCK) {
            String level = shutdown ? (workers.isEmpty() && isEmptyAndIdle() ? "Terminated" : "Shutting down")
                    : "Running";
            return super.toString() + "[" + level + ", parallelism = " + parallelism + ", size = " + workers.size()
                    + ", active = " + active + ", running = " + active + ", steals = " + steals + ", tasks = "
                    + forks.size() + ", submissions = " + submissions.size() + "]";
        }
    }

    /** execute(Runnable): an exception ends the worker through its uncaught exception handler, as in the JDK. */
    static final class RunnableExecuteAction extends TForkJoinTask<Void> {
        private final Runnable runnable;
        Throwable failure;

        RunnableExecuteAction(Runnable runnable) {
            this.runnable = runnable;
        }

        @Override
        public Void getRawResult() {
            return null;
        }

        @Override
        protected void setRawResult(Void value) {
        }

        @Override
        protected boolean exec() {
            try {
                runnable.run();
            } catch (Throwable t) {
                failure = t;
                throw t;
            }
            return true;
        }
    }
}
