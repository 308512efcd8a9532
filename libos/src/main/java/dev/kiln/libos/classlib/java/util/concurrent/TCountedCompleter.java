package dev.kiln.libos.classlib.java.util.concurrent;

/**
 * A ForkJoinTask completed by a count of pending subtasks rather than by returning from compute:
 * tryComplete() completes it (calling onCompletion) when its count is zero, else decrements the
 * count, and a completion goes on up the chain of completers. Counts change under the pools'
 * monitor, so no compare-and-set loop is needed on one vCPU.
 */
public abstract class TCountedCompleter<T> extends TForkJoinTask<T> {
    final TCountedCompleter<?> completer;
    private int pending;

    protected TCountedCompleter(TCountedCompleter<?> completer, int initialPendingCount) {
        this.completer = completer;
        this.pending = initialPendingCount;
    }

    protected TCountedCompleter(TCountedCompleter<?> completer) {
        this(completer, 0);
    }

    protected TCountedCompleter() {
        this(null, 0);
    }

    public abstract void compute();

    public void onCompletion(TCountedCompleter<?> caller) {
    }

    public boolean onExceptionalCompletion(Throwable ex, TCountedCompleter<?> caller) {
        return true;
    }

    public final TCountedCompleter<?> getCompleter() {
        return completer;
    }

    public final int getPendingCount() {
        synchronized (TForkJoinPool.LOCK) {
            return pending;
        }
    }

    public final void setPendingCount(int count) {
        synchronized (TForkJoinPool.LOCK) {
            pending = count;
        }
    }

    public final void addToPendingCount(int delta) {
        synchronized (TForkJoinPool.LOCK) {
            pending += delta;
        }
    }

    public final boolean compareAndSetPendingCount(int expected, int count) {
        synchronized (TForkJoinPool.LOCK) {
            if (pending != expected) {
                return false;
            }
            pending = count;
            return true;
        }
    }

    public final int decrementPendingCountUnlessZero() {
        synchronized (TForkJoinPool.LOCK) {
            int c = pending;
            if (c != 0) {
                pending = c - 1;
            }
            return c;
        }
    }

    public final TCountedCompleter<?> getRoot() {
        TCountedCompleter<?> a = this;
        while (a.completer != null) {
            a = a.completer;
        }
        return a;
    }

    public final void tryComplete() {
        complete(this, true);
    }

    public final void propagateCompletion() {
        complete(this, false);
    }

    private static void complete(TCountedCompleter<?> from, boolean notify) {
        TCountedCompleter<?> a = from;
        TCountedCompleter<?> s = a;
        while (true) {
            synchronized (TForkJoinPool.LOCK) {
                if (a.pending != 0) {
                    a.pending--;
                    return;
                }
            }
            if (notify) {
                a.onCompletion(s);
            }
            s = a;
            a = a.completer;
            if (a == null) {
                s.quietlyComplete();
                return;
            }
        }
    }

    @Override
    public void complete(T rawResult) {
        setRawResult(rawResult);
        onCompletion(this);
        quietlyComplete();
        if (completer != null) {
            completer.tryComplete();
        }
    }

    public final TCountedCompleter<?> firstComplete() {
        synchronized (TForkJoinPool.LOCK) {
            if (pending == 0) {
                return this;
            }
            pending--;
            return null;
        }
    }

    public final TCountedCompleter<?> nextComplete() {
        if (completer != null) {
            return completer.firstComplete();
        }
        quietlyComplete();
        return null;
    }

    public final void quietlyCompleteRoot() {
        getRoot().quietlyComplete();
    }

    public final void helpComplete(int maxTasks) {
        TForkJoinPool pool = TForkJoinPool.poolOfCurrentThread();
        for (int i = 0; i < maxTasks && !isDone(); i++) {
            TForkJoinTask<?> t = pool != null ? pool.pollFork() : null;
            if (t == null) {
                return;
            }
            t.doExec();
        }
    }

    @Override
    void onExceptionSet(Throwable ex) {
        TCountedCompleter<?> a = this;
        TCountedCompleter<?> s = a;
        while (a.onExceptionalCompletion(ex, s)) {
            s = a;
            a = a.completer;
            if (a == null || !a.setException(ex)) {
                return;
            }
        }
    }

    @Override
    protected final boolean exec() {
        compute();
        return false;
    }

    @Override
    public T getRawResult() {
        return null;
    }

    @Override
    protected void setRawResult(T t) {
    }
}
