package dev.kiln.libos.classlib.java.util.concurrent;

public interface TRejectedExecutionHandler {
    void rejectedExecution(Runnable r, TThreadPoolExecutor executor);
}
