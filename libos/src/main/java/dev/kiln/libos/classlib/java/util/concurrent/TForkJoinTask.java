package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.ForkJoinExceptions;
import dev.kiln.libos.concurrent.Waits;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ForkJoinTask on Kiln's green threads. fork() queues the task in the current worker's pool (or
 * the common pool, outside one); join() never just blocks a worker: it runs the joined task if it
 * is still queued, else other queued tasks of the pool, and waits only when nothing is left to run,
 * so a pool of N workers cannot deadlock on joins (the JDK's helping, simplified: one vCPU has no
 * one to steal from, only tasks to run in some order). Every state change happens under
 * {@link TForkJoinPool#LOCK}, one monitor for all pools: on one vCPU there is no contention to
 * spread, and a joiner must wake for either its task's completion or new work to help with.
 */
public abstract class TForkJoinTask<V> implements Future<V>, Serializable {
    static final int NORMAL = 1;
    static final int CANCELLED = 2;
    static final int EXCEPTIONAL = 3;

    /** 0 while not done, else NORMAL, CANCELLED or EXCEPTIONAL; guarded by LOCK. */
    int status;
    private Throwable exception;
    private Thread thrower;
    /** The pool whose queue holds this task while it waits to run (null when not queued). */
    TForkJoinPool queuedIn;
    private short tag;

    public TForkJoinTask() {
    }

    // ---- what subclasses provide

    public abstract V getRawResult();

    protected abstract void setRawResult(V value);

    /** Runs the task; true if it completed normally (CountedCompleter returns false). */
    protected abstract boolean exec();

    // ---- running

    /** Runs the task unless it is done; records its outcome. */
    final void doExec() {
        if (isDone()) {
            return;
        }
        boolean completed;
        try {
            completed = exec();
        } catch (Throwable t) {
            recordException(t);
            return;
        }
        if (completed) {
            setDone(NORMAL);
        }
    }

    final void recordException(Throwable t) {
        if (setException(t)) {
            onExceptionSet(t);
        }
    }

    /** Completes the task with {@code t} unless it is done; true if it did. */
    final boolean setException(Throwable t) {
        synchronized (TForkJoinPool.LOCK) {
            if (status != 0) {
                return false;
            }
            exception = t;
            thrower = Thread.currentThread();
            status = EXCEPTIONAL;
            TForkJoinPool.LOCK.notifyAll();
            return true;
        }
    }

    /** For CountedCompleter: an exception also completes the completers above. */
    void onExceptionSet(Throwable t) {
    }

    final boolean setDone(int newStatus) {
        synchronized (TForkJoinPool.LOCK) {
            if (status != 0) {
                return false;
            }
            status = newStatus;
            TForkJoinPool.LOCK.notifyAll();
            return true;
        }
    }

    public final TForkJoinTask<V> fork() {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        (pool != null ? pool : TForkJoinPool.commonPool()).push(this, pool != null);
        return this;
    }

    public final V join() {
        awaitDone(false, false, 0);
        return reportJoin();
    }

    public final V invoke() {
        doExec();
        awaitDone(false, false, 0);
        return reportJoin();
    }

    public final void quietlyJoin() {
        awaitDone(false, false, 0);
    }

    public final boolean quietlyJoin(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitDone(true, true, unit.toNanos(timeout));
    }

    public final boolean quietlyJoinUninterruptibly(long timeout, TimeUnit unit) {
        try {
            return awaitDone(false, true, unit.toNanos(timeout));
        } catch (RuntimeException e) {
            throw e;
        }
    }

    public final void quietlyInvoke() {
        doExec();
        awaitDone(false, false, 0);
    }

    /**
     * Waits until the task is done, helping its pool meanwhile (see the class comment). Returns
     * whether it is done (false: the timed wait ran out). Interruptible waits throw; the others
     * keep the interrupt status for the caller.
     */
    final boolean awaitDone(boolean interruptible, boolean timed, long nanos) {
        if (isDone()) {
            return true;
        }
        TForkJoinPool own = TForkJoinPool.poolOfCurrentThread();
        long deadline = System.nanoTime() + nanos;
        boolean interrupted = false;
        try {
            while (true) {
                TForkJoinTask<?> next;
                synchronized (TForkJoinPool.LOCK) {
                    if (status != 0) {
                        return true;
                    }
                    next = TForkJoinPool.taskToHelpWith(this, own);
                    if (next == null) {
                        if (interruptible && Thread.interrupted()) {
                            throw sneaky(new InterruptedException());
                        }
                        long left = deadline - System.nanoTime();
                        if (timed && left <= 0) {
                            return false;
                        }
                        try {
                            if (timed) {
                                Waits.waitNanos(TForkJoinPool.LOCK, left);
                            } else {
                                TForkJoinPool.LOCK.wait();
                            }
                        } catch (InterruptedException e) {
                            if (interruptible) {
                                throw sneaky(e);
                            }
                            interrupted = true;
                        }
                        continue;
                    }
                }
                TForkJoinPool.runHelping(next, own);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private V reportJoin() {
        int s;
        synchronized (TForkJoinPool.LOCK) {
            s = status;
        }
        if (s == CANCELLED) {
            throw new CancellationException();
        }
        if (s == EXCEPTIONAL) {
            throw sneaky(exceptionForCaller());
        }
        return getRawResult();
    }

    /** The exception as the JDK rethrows it: a copy naming the original as cause when another thread threw it. */
    private Throwable exceptionForCaller() {
        Throwable ex = exception;
        if (thrower == Thread.currentThread()) {
            return ex;
        }
        return ForkJoinExceptions.copyForAnotherThread(ex);
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    // ---- Future

    @Override
    public final V get() throws InterruptedException, ExecutionException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        awaitDone(true, false, 0);
        return reportGet();
    }

    @Override
    public final V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
            TimeoutException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!awaitDone(true, true, nanos)) {
            throw new TimeoutException();
        }
        return reportGet();
    }

    private V reportGet() throws ExecutionException {
        int s;
        synchronized (TForkJoinPool.LOCK) {
            s = status;
        }
        if (s == CANCELLED) {
            throw new CancellationException();
        }
        if (s == EXCEPTIONAL) {
            throw new ExecutionException(exceptionForCaller());
        }
        return getRawResult();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return setDone(CANCELLED) || isCancelled();
    }

    @Override
    public final boolean isDone() {
        synchronized (TForkJoinPool.LOCK) {
            return status != 0;
        }
    }

    @Override
    public final boolean isCancelled() {
        synchronized (TForkJoinPool.LOCK) {
            return status == CANCELLED;
        }
    }

    public final boolean isCompletedAbnormally() {
        synchronized (TForkJoinPool.LOCK) {
            return status == CANCELLED || status == EXCEPTIONAL;
        }
    }

    public final boolean isCompletedNormally() {
        synchronized (TForkJoinPool.LOCK) {
            return status == NORMAL;
        }
    }

    public final Throwable getException() {
        synchronized (TForkJoinPool.LOCK) {
            if (status == CANCELLED) {
                return new CancellationException();
            }
            if (status != EXCEPTIONAL) {
                return null;
            }
        }
        return exceptionForCaller();
    }

    @Override
    public State state() {
        synchronized (TForkJoinPool.LOCK) {
            switch (status) {
                case NORMAL:
                    return State.SUCCESS;
                case CANCELLED:
                    return State.CANCELLED;
                case EXCEPTIONAL:
                    return State.FAILED;
                default:
                    return State.RUNNING;
            }
        }
    }

    @Override
    public V resultNow() {
        synchronized (TForkJoinPool.LOCK) {
            if (status == 0) {
                throw new IllegalStateException("Task has not completed");
            }
            if (status == CANCELLED) {
                throw new IllegalStateException("Task was cancelled");
            }
            if (status == EXCEPTIONAL) {
                throw new IllegalStateException("Task completed with exception");
            }
        }
        return getRawResult();
    }

    @Override
    public Throwable exceptionNow() {
        synchronized (TForkJoinPool.LOCK) {
            if (status == 0) {
                throw new IllegalStateException("Task has not completed");
            }
            if (status == CANCELLED) {
                throw new IllegalStateException("Task was cancelled");
            }
            if (status == NORMAL) {
                throw new IllegalStateException("Task completed with a result");
            }
        }
        return exceptionForCaller();
    }

    public void completeExceptionally(Throwable ex) {
        recordException(ex instanceof RuntimeException || ex instanceof Error ? ex : new RuntimeException(ex));
    }

    public void complete(V value) {
        try {
            setRawResult(value);
        } catch (Throwable t) {
            recordException(t);
            return;
        }
        setDone(NORMAL);
    }

    public final void quietlyComplete() {
        setDone(NORMAL);
    }

    public void reinitialize() {
        synchronized (TForkJoinPool.LOCK) {
            status = 0;
            exception = null;
            thrower = null;
        }
    }

    public boolean tryUnfork() {
        synchronized (TForkJoinPool.LOCK) {
            TForkJoinPool pool = queuedIn;
            return pool != null && pool.unqueue(this);
        }
    }

    // ---- tags

    public final short getForkJoinTaskTag() {
        return tag;
    }

    public final short setForkJoinTaskTag(short newValue) {
        short old = tag;
        tag = newValue;
        return old;
    }

    public final boolean compareAndSetForkJoinTaskTag(short expect, short update) {
        if (tag != expect) {
            return false;
        }
        tag = update;
        return true;
    }

    // ---- statics

    public static void invokeAll(TForkJoinTask<?> t1, TForkJoinTask<?> t2) {
        if (t1 == null || t2 == null) {
            throw new NullPointerException();
        }
        t2.fork();
        t1.doExec();
        t1.awaitDone(false, false, 0);
        if (t1.isCompletedAbnormally()) {
            t2.cancel(false);
            t1.reportJoin();
        }
        t2.awaitDone(false, false, 0);
        t2.reportJoin();
    }

    public static void invokeAll(TForkJoinTask<?>... tasks) {
        invokeAll(java.util.Arrays.asList(tasks));
    }

    public static <T extends TForkJoinTask<?>> Collection<T> invokeAll(Collection<T> tasks) {
        List<? extends TForkJoinTask<?>> list = tasks instanceof RandomAccess && tasks instanceof List<?> l
                ? castList(l) : new ArrayList<>(tasks);
        for (TForkJoinTask<?> t : list) {
            if (t == null) {
                throw new NullPointerException();
            }
        }
        for (int i = list.size() - 1; i >= 1; i--) {
            list.get(i).fork();
        }
        Throwable failure = null;
        for (int i = 0; i < list.size(); i++) {
            TForkJoinTask<?> t = list.get(i);
            if (failure != null) {
                t.cancel(false);
                continue;
            }
            if (i == 0) {
                t.doExec();
            }
            t.awaitDone(false, false, 0);
            if (t.isCompletedAbnormally()) {
                failure = t.isCancelled() ? new CancellationException() : t.exceptionForCaller();
            }
        }
        if (failure != null) {
            throw sneaky(failure);
        }
        return tasks;
    }

    @SuppressWarnings("unchecked")
    private static List<? extends TForkJoinTask<?>> castList(List<?> l) {
        return (List<? extends TForkJoinTask<?>>) l;
    }

    public static void helpQuiesce() {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        (pool != null ? pool : TForkJoinPool.commonPool()).awaitQuiescence(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    public static TForkJoinPool getPool() {
        return TForkJoinPool.poolOfCurrentThread();
    }

    public static boolean inForkJoinPool() {
        return TForkJoinPool.poolOfCurrentThread() != null;
    }

    public static int getQueuedTaskCount() {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        return pool == null ? 0 : pool.queuedForks();
    }

    public static int getSurplusQueuedTaskCount() {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        return pool == null ? 0 : Math.max(0, pool.queuedForks() - pool.idleWorkers());
    }

    protected static TForkJoinTask<?> peekNextTask() {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        return pool == null ? null : pool.peekFork();
    }

    protected static TForkJoinTask<?> pollNextTask() {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        return pool == null ? null : pool.pollFork();
    }

    protected static TForkJoinTask<?> pollTask() {
        return pollNextTask();
    }

    protected static TForkJoinTask<?> pollSubmission() {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        return pool == null ? null : pool.pollSubmission();
    }

    public static TForkJoinTask<?> adapt(Runnable runnable) {
        return new AdaptedRunnable<Void>(runnable, null);
    }

    public static <T> TForkJoinTask<T> adapt(Runnable runnable, T result) {
        return new AdaptedRunnable<>(runnable, result);
    }

    public static <T> TForkJoinTask<T> adapt(Callable<? extends T> callable) {
        return new AdaptedCallable<>(callable, false);
    }

    public static <T> TForkJoinTask<T> adaptInterruptible(Callable<? extends T> callable) {
        return new AdaptedCallable<>(callable, true);
    }

    @Override
    public String toString() {
        String s = super.toString();
        synchronized (TForkJoinPool.LOCK) {
            switch (status) {
                case NORMAL:
                    return s + "[Completed normally]";
                case CANCELLED:
                case EXCEPTIONAL:
                    return s + "[Completed exceptionally: " + (status == CANCELLED ? new CancellationException()
                            : exception) + "]";
                default:
                    return s + "[Not completed]";
            }
        }
    }

    /** adapt(Runnable[, result]). */
    static final class AdaptedRunnable<T> extends TForkJoinTask<T> implements java.util.concurrent.RunnableFuture<T> {
        private final Runnable runnable;
        private T result;

        AdaptedRunnable(Runnable runnable, T result) {
            if (runnable == null) {
                throw new NullPointerException();
            }
            this.runnable = runnable;
            this.result = result;
        }

        @Override
        public T getRawResult() {
            return result;
        }

        @Override
        protected void setRawResult(T value) {
            result = value;
        }

        @Override
        protected boolean exec() {
            runnable.run();
            return true;
        }

        @Override
        public void run() {
            invoke();
        }

        @Override
        public String toString() {
            return super.toString() + "[Wrapped task = " + runnable + "]";
        }
    }

    /** adapt(Callable): a checked exception becomes a RuntimeException with it as cause. */
    static final class AdaptedCallable<T> extends TForkJoinTask<T> implements java.util.concurrent.RunnableFuture<T> {
        private final Callable<? extends T> callable;
        private final boolean interruptible;
        private T result;

        AdaptedCallable(Callable<? extends T> callable, boolean interruptible) {
            if (callable == null) {
                throw new NullPointerException();
            }
            this.callable = callable;
            this.interruptible = interruptible;
        }

        @Override
        public T getRawResult() {
            return result;
        }

        @Override
        protected void setRawResult(T value) {
            result = value;
        }

        @Override
        protected boolean exec() {
            try {
                result = callable.call();
                return true;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                if (interruptible) {
                    throw sneaky(e);
                }
                throw new RuntimeException(e);
            }
        }

        @Override
        public void run() {
            invoke();
        }

        @Override
        public String toString() {
            return super.toString() + "[Wrapped task = " + callable + "]";
        }
    }
}
