package dev.kiln.libos.concurrent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Executors.newThreadPerTaskExecutor and newVirtualThreadPerTaskExecutor: one new thread per
 * task; terminated once shut down and every thread it started has ended.
 */
public final class ThreadPerTaskExecutor extends AbstractExecutorService {
    private final ThreadFactory factory;
    private final Set<Thread> threads = new HashSet<>();
    private boolean shutdown;
    private boolean terminated;

    public ThreadPerTaskExecutor(ThreadFactory factory) {
        if (factory == null) {
            throw new NullPointerException();
        }
        this.factory = factory;
    }

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        Thread thread;
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException();
            }
            thread = factory.newThread(() -> {
                try {
                    task.run();
                } finally {
                    ended(Thread.currentThread());
                }
            });
            if (thread == null) {
                throw new RejectedExecutionException();
            }
            threads.add(thread);
        }
        thread.start();
    }

    private synchronized void ended(Thread thread) {
        threads.remove(thread);
        if (shutdown && threads.isEmpty()) {
            terminated = true;
            notifyAll();
        }
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        if (threads.isEmpty()) {
            terminated = true;
            notifyAll();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        synchronized (this) {
            shutdown();
            for (Thread t : threads) {
                t.interrupt();
            }
        }
        return new ArrayList<>();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return terminated;
    }

    @Override
    public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        while (!terminated) {
            if (left <= 0) {
                return false;
            }
            left = Waits.waitNanos(this, left);
        }
        return true;
    }
}
