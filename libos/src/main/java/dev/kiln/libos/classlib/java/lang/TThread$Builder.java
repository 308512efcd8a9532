package dev.kiln.libos.classlib.java.lang;

import java.util.concurrent.ThreadFactory;

/**
 * java.lang.Thread.Builder for native images (TeaVM's Thread has none). A top-level interface
 * with the nested name, which is how TeaVM's substitution names it; the JDK's is sealed, so
 * Kiln's builder (TThread$Builder$OfVirtual$Kiln) implements this one.
 */
public interface TThread$Builder {
    TThread$Builder name(String name);

    TThread$Builder name(String prefix, long start);

    TThread$Builder inheritInheritableThreadLocals(boolean inherit);

    TThread$Builder uncaughtExceptionHandler(Thread.UncaughtExceptionHandler ueh);

    Thread unstarted(Runnable task);

    Thread start(Runnable task);

    ThreadFactory factory();
}
