package dev.kiln.cli.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a benchmark started and must stop (namespaces, taps, server processes), stopped in the
 * reverse order of their start: when the benchmark is done, when it fails, and on Ctrl-C or
 * SIGTERM, where the JVM runs its shutdown hooks but no finally block of the main thread.
 * Each resource is closed once, whichever of the main thread and the hook gets to it first.
 */
public final class BenchTeardown implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread hook;
    private boolean done;

    /** what: named on stderr if an interruption ends the benchmark ("kiln bench http"). */
    public BenchTeardown(String what) {
        hook = new Thread(() -> {
            synchronized (this) {
                if (done || started.isEmpty()) return;
                System.err.println("kiln: interrupted: " + what + " stops what it started");
            }
            closeAll();
        }, "bench-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Records a resource that was just started; returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    /** Stops one resource now (if neither this nor the hook did already). */
    public void closeNow(AutoCloseable resource) throws Exception {
        synchronized (this) {
            if (!started.remove(resource)) return;
        }
        resource.close();
    }

    private void closeAll() {
        Exception first = null;
        while (true) {
            AutoCloseable r;
            synchronized (this) {
                r = started.poll();
            }
            if (r == null) break;
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) System.err.println("kiln: stopping what the benchmark started: " + first.getMessage());
    }

    @Override
    public void close() {
        closeAll();
        synchronized (this) {
            done = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook finds nothing left
        }
    }
}
