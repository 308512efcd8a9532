package dev.kiln.libos.classlib.java.lang;

import java.util.concurrent.ThreadFactory;

/**
 * Thread.ofPlatform()'s builder. Every thread of an image is a green thread, so a platform thread
 * is an ordinary Thread: unnamed ones are Thread-N as new Thread() names them, daemon status and
 * priority are the creating thread's unless set; the thread group and stack size are accepted and
 * checked as the JDK checks them (a green thread's stack is the runtime's).
 */
public final class TThread$Builder$OfPlatform$Kiln implements TThread$Builder$OfPlatform {
    private String name;
    private long counter = -1;
    private Thread.UncaughtExceptionHandler handler;
    private Boolean daemon;
    private int priority;

    @Override
    public TThread$Builder$OfPlatform name(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        this.name = name;
        this.counter = -1;
        return this;
    }

    @Override
    public TThread$Builder$OfPlatform name(String prefix, long start) {
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
    public TThread$Builder$OfPlatform inheritInheritableThreadLocals(boolean inherit) {
        return this;
    }

    @Override
    public TThread$Builder$OfPlatform uncaughtExceptionHandler(Thread.UncaughtExceptionHandler ueh) {
        if (ueh == null) {
            throw new NullPointerException();
        }
        this.handler = ueh;
        return this;
    }

    @Override
    public TThread$Builder$OfPlatform group(ThreadGroup group) {
        if (group == null) {
            throw new NullPointerException();
        }
        return this;
    }

    @Override
    public TThread$Builder$OfPlatform daemon(boolean on) {
        this.daemon = on;
        return this;
    }

    @Override
    public TThread$Builder$OfPlatform priority(int priority) {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
            throw new IllegalArgumentException();
        }
        this.priority = priority;
        return this;
    }

    @Override
    public TThread$Builder$OfPlatform stackSize(long stackSize) {
        if (stackSize < 0) {
            throw new IllegalArgumentException();
        }
        return this;
    }

    @Override
    public synchronized Thread unstarted(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        Thread t;
        if (name == null) {
            t = new Thread(task);
        } else {
            t = new Thread(task, counter < 0 ? name : name + counter++);
        }
        t.setDaemon(daemon != null ? daemon : Thread.currentThread().isDaemon());
        if (priority != 0) {
            t.setPriority(priority);
        }
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
