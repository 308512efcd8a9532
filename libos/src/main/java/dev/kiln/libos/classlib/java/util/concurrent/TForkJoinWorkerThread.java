package dev.kiln.libos.classlib.java.util.concurrent;

/**
 * A ForkJoinPool's worker: a daemon green thread named by its pool. fork() and join() in a task
 * find their pool through it (TForkJoinPool.poolOfCurrentThread).
 */
public class TForkJoinWorkerThread extends Thread {
    final TForkJoinPool pool;

    protected TForkJoinWorkerThread(TForkJoinPool pool) {
        super(pool.nextWorkerName());
        this.pool = pool;
        setDaemon(true);
    }

    protected TForkJoinWorkerThread(ThreadGroup group, TForkJoinPool pool, boolean preserveThreadLocals) {
        this(pool);
    }

    public TForkJoinPool getPool() {
        return pool;
    }

    public int getPoolIndex() {
        String name = getName();
        int dash = name.lastIndexOf('-');
        try {
            return Integer.parseInt(name.substring(dash + 1)) - 1;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    protected void onStart() {
    }

    protected void onTermination(Throwable exception) {
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            onStart();
            pool.runWorker(this);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            try {
                onTermination(failure);
            } finally {
                pool.deregister(this);
            }
        }
    }
}
