package dev.kiln.libos.classlib.java.util.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** submit, invokeAll and invokeAny on top of execute(), as the JDK's AbstractExecutorService specifies. */
public abstract class TAbstractExecutorService implements ExecutorService {
    public TAbstractExecutorService() {
    }

    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new TFutureTask<>(runnable, value);
    }

    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new TFutureTask<>(callable);
    }

    @Override
    public Future<?> submit(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        RunnableFuture<Void> f = newTaskFor(task, null);
        execute(f);
        return f;
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        if (task == null) {
            throw new NullPointerException();
        }
        RunnableFuture<T> f = newTaskFor(task, result);
        execute(f);
        return f;
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        RunnableFuture<T> f = newTaskFor(task);
        execute(f);
        return f;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return invokeAll(tasks, false, 0);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        return invokeAll(tasks, true, unit.toNanos(timeout));
    }

    private <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, boolean timed, long nanos)
            throws InterruptedException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        long deadline = System.nanoTime() + nanos;
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> t : tasks) {
                RunnableFuture<T> f = newTaskFor(t);
                futures.add(f);
                execute(f);
                if (timed && deadline - System.nanoTime() <= 0) {
                    cancelAll(futures);
                    return futures;
                }
            }
            for (Future<T> f : futures) {
                if (f.isDone()) {
                    continue;
                }
                try {
                    if (timed) {
                        f.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    } else {
                        f.get();
                    }
                } catch (CancellationException | ExecutionException ignore) {
                    // reported by the future itself
                } catch (TimeoutException e) {
                    cancelAll(futures);
                    return futures;
                }
            }
            return futures;
        } catch (Throwable t) {
            cancelAll(futures);
            throw t;
        }
    }

    private static <T> void cancelAll(List<Future<T>> futures) {
        for (Future<T> f : futures) {
            f.cancel(true);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, false, 0);
        } catch (TimeoutException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return invokeAny(tasks, true, unit.toNanos(timeout));
    }

    /** Starts the tasks one at a time while none has finished, returns the first result. */
    private <T> T invokeAny(Collection<? extends Callable<T>> tasks, boolean timed, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        int remaining = tasks.size();
        if (remaining == 0) {
            throw new IllegalArgumentException();
        }
        long deadline = System.nanoTime() + nanos;
        List<Future<T>> futures = new ArrayList<>(remaining);
        TExecutorCompletionService<T> ecs = new TExecutorCompletionService<>(this);
        try {
            ExecutionException failure = null;
            Iterator<? extends Callable<T>> it = tasks.iterator();
            futures.add(ecs.submit(it.next()));
            remaining--;
            int active = 1;
            while (true) {
                Future<T> f = ecs.poll();
                if (f == null) {
                    if (remaining > 0) {
                        remaining--;
                        futures.add(ecs.submit(it.next()));
                        active++;
                    } else if (active == 0) {
                        break;
                    } else if (timed) {
                        f = ecs.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                        if (f == null) {
                            throw new TimeoutException();
                        }
                    } else {
                        f = ecs.take();
                    }
                }
                if (f != null) {
                    active--;
                    try {
                        return f.get();
                    } catch (ExecutionException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = new ExecutionException(e);
                    }
                }
            }
            if (failure == null) {
                failure = new ExecutionException((Throwable) null);
            }
            throw failure;
        } finally {
            cancelAll(futures);
        }
    }
}
