package dev.kiln.libos.classlib.java.util.concurrent;

/** ForkJoinPool.ManagedBlocker (a top-level interface with the nested name, as TeaVM names it). */
public interface TForkJoinPool$ManagedBlocker {
    boolean block() throws InterruptedException;

    boolean isReleasable();
}
