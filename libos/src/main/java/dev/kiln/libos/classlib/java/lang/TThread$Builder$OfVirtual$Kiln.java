package dev.kiln.libos.classlib.java.lang;

import dev.kiln.libos.concurrent.VirtualThread;
import java.util.concurrent.ThreadFactory;

/**
 * Thread.ofVirtual()'s builder: names (fixed or counted), an uncaught exception handler,
 * VirtualThreads. Named as a nested class of the builder interface so that TeaVM loads it as part
 * of the class library (its T-names become java.lang names, as the interface's do).
 */
public final class TThread$Builder$OfVirtual$Kiln implements TThread$Builder$OfVirtual {
    private String name;
    private long counter = -1;
    private Thread.UncaughtExceptionHandler handler;

    @Override
    public TThread$Builder$OfVirtual name(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        this.name = name;
        this.counter = -1;
        return this;
    }

    @Override
    public TThread$Builder$OfVirtual name(String prefix, long start) {
        if (prefix == null) {
            throw new NullPointerException();
        }
        if (start < 0) {
            throw new IllegalArgumentException("'start' is negative");
        }
        this.name = prefix;
        this.counter = start;
        return this;
    }

    @Override
    public TThread$Builder$OfVirtual inheritInheritableThreadLocals(boolean inherit) {
        return this;
    }

    @Override
    public TThread$Builder$OfVirtual uncaughtExceptionHandler(Thread.UncaughtExceptionHandler ueh) {
        if (ueh == null) {
            throw new NullPointerException();
        }
        this.handler = ueh;
        return this;
    }

    private String nextName() {
        if (name == null) {
            return "";
        }
        return counter < 0 ? name : name + counter++;
    }

    @Override
    public Thread unstarted(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        Thread t = new VirtualThread(task, nextName());
        if (handler != null) {
            t.setUncaughtExceptionHandler(handler);
        }
        return t;
    }

    @Override
    public Thread start(Runnable task) {
        Thread t = unstarted(task);
        t.start();
        return t;
    }

    @Override
    public ThreadFactory factory() {
        return this::unstarted;
    }
}
