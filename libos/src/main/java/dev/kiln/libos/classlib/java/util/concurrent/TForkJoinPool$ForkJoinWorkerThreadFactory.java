package dev.kiln.libos.classlib.java.util.concurrent;

/** ForkJoinPool.ForkJoinWorkerThreadFactory (a top-level interface with the nested name, as TeaVM names it). */
public interface TForkJoinPool$ForkJoinWorkerThreadFactory {
    TForkJoinWorkerThread newThread(TForkJoinPool pool);
}
