package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's pool policy (core threads first, then the queue, then up to the maximum, then the
 * rejection handler) with workers that are green threads. A worker blocked on the queue is
 * idle: shutdown() interrupts those, shutdownNow() every worker. Workers are the factory's
 * threads (non-daemon by default), so a pool that is never shut down keeps the image running,
 * as it keeps HotSpot running.
 */
public class TThreadPoolExecutor extends TAbstractExecutorService {
    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;
    private static final int TIDYING = 3;
    private static final int TERMINATED = 4;

    private static final TRejectedExecutionHandler DEFAULT_HANDLER = new AbortPolicy();

    private final BlockingQueue<Runnable> workQueue;
    private final Object mainLock = new Object();
    private final Set<Worker> workers = new HashSet<>();
    private volatile ThreadFactory threadFactory;
    private volatile TRejectedExecutionHandler handler;
    private volatile long keepAliveNanos;
    private volatile boolean allowCoreThreadTimeOut;
    private volatile int corePoolSize;
    private volatile int maximumPoolSize;
    private int runState = RUNNING;
    private int largestPoolSize;
    private long completedTaskCount;

    private final class Worker implements Runnable {
        final Thread thread;
        Runnable firstTask;
        boolean busy;
        long completedTasks;

        Worker(Runnable firstTask) {
            this.firstTask = firstTask;
            this.thread = threadFactory.newThread(this);
        }

        @Override
        public void run() {
            runWorker(this);
        }
    }

    public TThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, Executors.defaultThreadFactory(),
                DEFAULT_HANDLER);
    }

    public TThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, threadFactory, DEFAULT_HANDLER);
    }

    public TThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue, TRejectedExecutionHandler handler) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, Executors.defaultThreadFactory(),
                handler);
    }

    public TThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory, TRejectedExecutionHandler handler) {
        if (corePoolSize < 0 || maximumPoolSize <= 0 || maximumPoolSize < corePoolSize || keepAliveTime < 0) {
            throw new IllegalArgumentException();
        }
        if (workQueue == null || threadFactory == null || handler == null) {
            throw new NullPointerException();
        }
        this.corePoolSize = corePoolSize;
        this.maximumPoolSize = maximumPoolSize;
        this.workQueue = workQueue;
        this.keepAliveNanos = unit.toNanos(keepAliveTime);
        this.threadFactory = threadFactory;
        this.handler = handler;
    }

    @Override
    public void execute(Runnable command) {
        if (command == null) {
            throw new NullPointerException();
        }
        synchronized (mainLock) {
            if (runState == RUNNING) {
                if (workers.size() < corePoolSize && addWorker(command)) {
                    return;
                }
                if (workQueue.offer(command)) {
                    if (runState != RUNNING && workQueue.remove(command)) {
                        reject(command);
                    } else if (workers.isEmpty()) {
                        addWorker(null);
                    }
                    return;
                }
                if (workers.size() < maximumPoolSize && addWorker(command)) {
                    return;
                }
            }
        }
        reject(command);
    }

    final void reject(Runnable command) {
        handler.rejectedExecution(command, this);
    }

    /** With mainLock held. */
    private boolean addWorker(Runnable firstTask) {
        Worker w = new Worker(firstTask);
        if (w.thread == null) {
            return false;
        }
        workers.add(w);
        largestPoolSize = Math.max(largestPoolSize, workers.size());
        w.thread.start();
        return true;
    }

    private void runWorker(Worker w) {
        Runnable task = w.firstTask;
        w.firstTask = null;
        boolean abrupt = true;
        try {
            while (task != null || (task = getTask(w)) != null) {
                synchronized (mainLock) {
                    w.busy = true;
                    if (runState >= STOP) {
                        w.thread.interrupt();
                    } else {
                        Thread.interrupted();
                    }
                }
                try {
                    beforeExecute(w.thread, task);
                    try {
                        task.run();
                        afterExecute(task, null);
                    } catch (Throwable ex) {
                        afterExecute(task, ex);
                        throw ex;
                    }
                } finally {
                    task = null;
                    synchronized (mainLock) {
                        w.busy = false;
                        w.completedTasks++;
                    }
                }
            }
            abrupt = false;
        } finally {
            workerExit(w, abrupt);
        }
    }

    /** The next task, or null when this worker must end (pool stopping, or idle for too long). */
    private Runnable getTask(Worker w) {
        boolean timedOut = false;
        while (true) {
            boolean timed;
            synchronized (mainLock) {
                if (runState >= STOP || (runState >= SHUTDOWN && workQueue.isEmpty())) {
                    return null;
                }
                int count = workers.size();
                timed = allowCoreThreadTimeOut || count > corePoolSize;
                if ((count > maximumPoolSize || (timed && timedOut)) && (count > 1 || workQueue.isEmpty())) {
                    return null;
                }
            }
            try {
                Runnable r = timed ? workQueue.poll(keepAliveNanos, TimeUnit.NANOSECONDS) : workQueue.take();
                if (r != null) {
                    return r;
                }
                timedOut = true;
            } catch (InterruptedException retry) {
                timedOut = false;
            }
        }
    }

    private void workerExit(Worker w, boolean abrupt) {
        synchronized (mainLock) {
            completedTaskCount += w.completedTasks;
            workers.remove(w);
        }
        tryTerminate();
        synchronized (mainLock) {
            if (runState < STOP) {
                int min = allowCoreThreadTimeOut ? 0 : corePoolSize;
                if (min == 0 && !workQueue.isEmpty()) {
                    min = 1;
                }
                if (abrupt || workers.size() < min) {
                    if (runState == RUNNING || !workQueue.isEmpty()) {
                        addWorker(null);
                    }
                }
            }
        }
    }

    final void tryTerminate() {
        synchronized (mainLock) {
            if (runState == RUNNING || runState >= TIDYING || (runState == SHUTDOWN && !workQueue.isEmpty())) {
                return;
            }
            if (!workers.isEmpty()) {
                interruptIdleWorkers(true);
                return;
            }
            runState = TIDYING;
        }
        try {
            terminated();
        } finally {
            synchronized (mainLock) {
                runState = TERMINATED;
                mainLock.notifyAll();
            }
        }
    }

    /** With mainLock held. */
    private void interruptIdleWorkers(boolean onlyOne) {
        for (Worker w : workers) {
            if (!w.busy && !w.thread.isInterrupted()) {
                w.thread.interrupt();
                if (onlyOne) {
                    return;
                }
            }
        }
    }

    @Override
    public void shutdown() {
        synchronized (mainLock) {
            if (runState < SHUTDOWN) {
                runState = SHUTDOWN;
            }
            interruptIdleWorkers(false);
            onShutdown();
        }
        tryTerminate();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> tasks = new ArrayList<>();
        synchronized (mainLock) {
            if (runState < STOP) {
                runState = STOP;
            }
            for (Worker w : workers) {
                w.thread.interrupt();
            }
            workQueue.drainTo(tasks);
            if (!workQueue.isEmpty()) {
                for (Runnable r : workQueue.toArray(new Runnable[0])) {
                    if (workQueue.remove(r)) {
                        tasks.add(r);
                    }
                }
            }
        }
        tryTerminate();
        return tasks;
    }

    void onShutdown() {
    }

    @Override
    public boolean isShutdown() {
        synchronized (mainLock) {
            return runState != RUNNING;
        }
    }

    boolean isStopped() {
        synchronized (mainLock) {
            return runState >= STOP;
        }
    }

    public boolean isTerminating() {
        synchronized (mainLock) {
            return runState != RUNNING && runState < TERMINATED;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (mainLock) {
            return runState == TERMINATED;
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        synchronized (mainLock) {
            while (runState != TERMINATED) {
                if (left <= 0) {
                    return false;
                }
                left = Waits.waitNanos(mainLock, left);
            }
            return true;
        }
    }

    /** Starts a worker when there are fewer than the core size (ScheduledThreadPoolExecutor's tasks wait in the queue). */
    void ensurePrestart() {
        synchronized (mainLock) {
            int count = workers.size();
            if (count < corePoolSize || count == 0) {
                addWorker(null);
            }
        }
    }

    public void setThreadFactory(ThreadFactory threadFactory) {
        if (threadFactory == null) {
            throw new NullPointerException();
        }
        this.threadFactory = threadFactory;
    }

    public ThreadFactory getThreadFactory() {
        return threadFactory;
    }

    public void setRejectedExecutionHandler(TRejectedExecutionHandler handler) {
        if (handler == null) {
            throw new NullPointerException();
        }
        this.handler = handler;
    }

    public TRejectedExecutionHandler getRejectedExecutionHandler() {
        return handler;
    }

    public void setCorePoolSize(int corePoolSize) {
        if (corePoolSize < 0 || maximumPoolSize < corePoolSize) {
            throw new IllegalArgumentException();
        }
        synchronized (mainLock) {
            int delta = corePoolSize - this.corePoolSize;
            this.corePoolSize = corePoolSize;
            if (workers.size() > corePoolSize) {
                interruptIdleWorkers(false);
            } else if (delta > 0) {
                int k = Math.min(delta, workQueue.size());
                while (k-- > 0 && workers.size() < corePoolSize) {
                    addWorker(null);
                }
            }
        }
    }

    public int getCorePoolSize() {
        return corePoolSize;
    }

    public boolean prestartCoreThread() {
        synchronized (mainLock) {
            return workers.size() < corePoolSize && addWorker(null);
        }
    }

    public int prestartAllCoreThreads() {
        int n = 0;
        while (prestartCoreThread()) {
            n++;
        }
        return n;
    }

    public boolean allowsCoreThreadTimeOut() {
        return allowCoreThreadTimeOut;
    }

    public void allowCoreThreadTimeOut(boolean value) {
        if (value && keepAliveNanos <= 0) {
            throw new IllegalArgumentException("Core threads must have nonzero keep alive times");
        }
        synchronized (mainLock) {
            if (value != allowCoreThreadTimeOut) {
                allowCoreThreadTimeOut = value;
                if (value) {
                    interruptIdleWorkers(false);
                }
            }
        }
    }

    public void setMaximumPoolSize(int maximumPoolSize) {
        if (maximumPoolSize <= 0 || maximumPoolSize < corePoolSize) {
            throw new IllegalArgumentException();
        }
        synchronized (mainLock) {
            this.maximumPoolSize = maximumPoolSize;
            if (workers.size() > maximumPoolSize) {
                interruptIdleWorkers(false);
            }
        }
    }

    public int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    public void setKeepAliveTime(long time, TimeUnit unit) {
        if (time < 0) {
            throw new IllegalArgumentException();
        }
        if (time == 0 && allowsCoreThreadTimeOut()) {
            throw new IllegalArgumentException("Core threads must have nonzero keep alive times");
        }
        this.keepAliveNanos = unit.toNanos(time);
    }

    public long getKeepAliveTime(TimeUnit unit) {
        return unit.convert(keepAliveNanos, TimeUnit.NANOSECONDS);
    }

    public BlockingQueue<Runnable> getQueue() {
        return workQueue;
    }

    public boolean remove(Runnable task) {
        boolean removed = workQueue.remove(task);
        tryTerminate();
        return removed;
    }

    public void purge() {
        for (Object r : workQueue.toArray()) {
            if (r instanceof java.util.concurrent.Future<?> f && f.isCancelled()) {
                workQueue.remove(r);
            }
        }
        tryTerminate();
    }

    public int getPoolSize() {
        synchronized (mainLock) {
            return runState >= TIDYING ? 0 : workers.size();
        }
    }

    public int getActiveCount() {
        synchronized (mainLock) {
            int n = 0;
            for (Worker w : workers) {
                if (w.busy) {
                    n++;
                }
            }
            return n;
        }
    }

    public int getLargestPoolSize() {
        synchronized (mainLock) {
            return largestPoolSize;
        }
    }

    public long getTaskCount() {
        synchronized (mainLock) {
            long n = completedTaskCount;
            for (Worker w : workers) {
                n += w.completedTasks + (w.busy ? 1 : 0);
            }
            return n + workQueue.size();
        }
    }

    public long getCompletedTaskCount() {
        synchronized (mainLock) {
            long n = completedTaskCount;
            for (Worker w : workers) {
                n += w.completedTasks;
            }
            return n;
        }
    }

    @Override
    public String toString() {
        String state;
        synchronized (mainLock) {
            state = runState == RUNNING ? "Running" : runState == TERMINATED ? "Terminated" : "Shutting down";
        }
        return super.toString() + "[" + state + ", pool size = " + getPoolSize() + ", active threads = "
                + getActiveCount() + ", queued tasks = " + workQueue.size() + ", completed tasks = "
                + getCompletedTaskCount() + "]";
    }

    protected void beforeExecute(Thread t, Runnable r) {
    }

    protected void afterExecute(Runnable r, Throwable t) {
    }

    protected void terminated() {
    }

    public static class CallerRunsPolicy implements TRejectedExecutionHandler {
        public CallerRunsPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, TThreadPoolExecutor e) {
            if (!e.isShutdown()) {
                r.run();
            }
        }
    }

    public static class AbortPolicy implements TRejectedExecutionHandler {
        public AbortPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, TThreadPoolExecutor e) {
            throw new TRejectedExecutionException("Task " + r + " rejected from " + e);
        }
    }

    public static class DiscardPolicy implements TRejectedExecutionHandler {
        public DiscardPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, TThreadPoolExecutor e) {
        }
    }

    public static class DiscardOldestPolicy implements TRejectedExecutionHandler {
        public DiscardOldestPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, TThreadPoolExecutor e) {
            if (!e.isShutdown()) {
                e.getQueue().poll();
                e.execute(r);
            }
        }
    }
}
