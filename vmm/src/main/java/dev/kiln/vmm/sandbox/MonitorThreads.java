package dev.kiln.vmm.sandbox;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Starts monitor threads so that none inherits a filter it should not have.
 *
 * <p>A new thread inherits the seccomp filters of the thread that creates it. An unconfined
 * thread starts monitor threads itself; a confined one (the port relay's acceptor starting a
 * thread per connection, say) hands the job to the launcher: one unconfined daemon thread,
 * created when this class is initialized, whose only job is to start threads. Each monitor
 * thread then confines itself to its own filter as its first act.
 *
 * <p>The class must first be used from an unconfined thread (its initialization creates the
 * launcher, which would otherwise inherit a filter): the code that sets up confined threads
 * calls {@link #ready} while it still runs unconfined.
 */
public final class MonitorThreads {
    private record Request(String name, Runnable body, CountDownLatch started, Thread[] thread, Throwable[] failure) {}

    private static final LinkedBlockingQueue<Request> REQUESTS = new LinkedBlockingQueue<>();

    static {
        if (Sandbox.confinedTo() != null) {
            throw new IllegalStateException("MonitorThreads first used on a confined thread ("
                    + Sandbox.confinedTo().kind() + "): its launcher would inherit that filter");
        }
        Thread.ofPlatform().name("kiln-thread-launcher").daemon().start(MonitorThreads::launch);
    }

    private MonitorThreads() {}

    /** Makes sure the launcher exists; call from an unconfined thread before confined threads need it. */
    public static void ready() {
        // class initialization did it
    }

    /**
     * Starts a daemon platform thread running body. From a confined thread, the launcher
     * starts it and this waits until it has (uninterruptibly: it is quick).
     */
    public static Thread start(String name, Runnable body) {
        if (Sandbox.confinedTo() == null) return Thread.ofPlatform().name(name).daemon().start(body);
        Request r = new Request(name, body, new CountDownLatch(1), new Thread[1], new Throwable[1]);
        REQUESTS.add(r);
        boolean interrupted = false;
        while (true) {
            try {
                r.started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (r.failure[0] instanceof RuntimeException e) throw e;
        if (r.failure[0] instanceof Error e) throw e;
        return r.thread[0];
    }

    private static void launch() {
        while (true) {
            Request r;
            try {
                r = REQUESTS.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts the launcher on purpose; it serves the process's whole life
            }
            try {
                r.thread[0] = Thread.ofPlatform().name(r.name).daemon().start(r.body);
            } catch (RuntimeException | Error e) {
                r.failure[0] = e;
            }
            r.started.countDown();
        }
    }
}
