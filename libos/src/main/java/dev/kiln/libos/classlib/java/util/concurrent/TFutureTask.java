package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cancellable computation: run() computes once, get() waits on this object's monitor until
 * it is done. cancel(true) interrupts the running thread.
 */
public class TFutureTask<V> implements RunnableFuture<V> {
    private static final int NEW = 0;
    private static final int NORMAL = 1;
    private static final int EXCEPTIONAL = 2;
    private static final int CANCELLED = 3;

    private Callable<V> callable;
    private Object outcome;
    private int state;
    private Thread runner;

    public TFutureTask(Callable<V> callable) {
        if (callable == null) {
            throw new NullPointerException();
        }
        this.callable = callable;
    }

    public TFutureTask(Runnable runnable, V result) {
        if (runnable == null) {
            throw new NullPointerException();
        }
        this.callable = () -> {
            runnable.run();
            return result;
        };
    }

    @Override
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    @Override
    public boolean isDone() {
        return state != NEW;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (state != NEW) {
            return false;
        }
        state = CANCELLED;
        if (mayInterruptIfRunning && runner != null) {
            runner.interrupt();
        }
        finish();
        return true;
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        synchronized (this) {
            Waits.checkInterrupt();
            while (state == NEW) {
                wait();
            }
        }
        return report();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (unit == null) {
            throw new NullPointerException();
        }
        synchronized (this) {
            Waits.checkInterrupt();
            long left = unit.toNanos(timeout);
            while (state == NEW) {
                if (left <= 0) {
                    throw new TimeoutException();
                }
                left = Waits.waitNanos(this, left);
            }
        }
        return report();
    }

    @Override
    public V resultNow() {
        switch (state) {
            case NORMAL:
                return result();
            case EXCEPTIONAL:
                throw new IllegalStateException("Task completed with exception");
            case CANCELLED:
                throw new IllegalStateException("Task was cancelled");
            default:
                throw new IllegalStateException("Task has not completed");
        }
    }

    @Override
    public Throwable exceptionNow() {
        switch (state) {
            case NORMAL:
                throw new IllegalStateException("Task completed with a result");
            case EXCEPTIONAL:
                return (Throwable) outcome;
            case CANCELLED:
                throw new IllegalStateException("Task was cancelled");
            default:
                throw new IllegalStateException("Task has not completed");
        }
    }

    @Override
    public State state() {
        switch (state) {
            case NORMAL:
                return State.SUCCESS;
            case EXCEPTIONAL:
                return State.FAILED;
            case CANCELLED:
                return State.CANCELLED;
            default:
                return State.RUNNING;
        }
    }

    @SuppressWarnings("unchecked")
    private V result() {
        return (V) outcome;
    }

    private V report() throws ExecutionException {
        if (state == NORMAL) {
            return result();
        }
        if (state == CANCELLED) {
            throw new CancellationException();
        }
        throw new ExecutionException((Throwable) outcome);
    }

    protected void done() {
    }

    protected void set(V v) {
        if (state == NEW) {
            outcome = v;
            state = NORMAL;
            finish();
        }
    }

    protected void setException(Throwable t) {
        if (state == NEW) {
            outcome = t;
            state = EXCEPTIONAL;
            finish();
        }
    }

    private void finish() {
        synchronized (this) {
            notifyAll();
        }
        done();
        callable = null;
    }

    @Override
    public void run() {
        if (state != NEW || runner != null) {
            return;
        }
        runner = Thread.currentThread();
        try {
            Callable<V> c = callable;
            if (c != null && state == NEW) {
                V result;
                try {
                    result = c.call();
                } catch (Throwable ex) {
                    setException(ex);
                    return;
                }
                set(result);
            }
        } finally {
            runner = null;
        }
    }

    /** Runs without setting a result, for periodic tasks; false if it threw or was cancelled. */
    protected boolean runAndReset() {
        if (state != NEW || runner != null) {
            return false;
        }
        runner = Thread.currentThread();
        try {
            Callable<V> c = callable;
            if (c != null && state == NEW) {
                try {
                    c.call();
                } catch (Throwable ex) {
                    setException(ex);
                    return false;
                }
            }
        } finally {
            runner = null;
        }
        return state == NEW;
    }

    @Override
    public String toString() {
        String status;
        switch (state) {
            case NORMAL:
                status = "[Completed normally]";
                break;
            case EXCEPTIONAL:
                status = "[Completed exceptionally: " + outcome + "]";
                break;
            case CANCELLED:
                status = "[Cancelled]";
                break;
            default:
                Callable<?> c = callable;
                status = c == null ? "[Not completed]" : "[Not completed, task = " + c + "]";
        }
        return super.toString() + status;
    }
}
