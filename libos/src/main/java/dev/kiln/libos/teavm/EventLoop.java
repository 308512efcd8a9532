package dev.kiln.libos.teavm;

import org.teavm.backend.c.intrinsic.RuntimeInclude;
import org.teavm.interop.Import;
import org.teavm.runtime.EventQueue;

/**
 * The event loop of a native image: the builder makes TeaVM's {@code EventQueue.process()}
 * (which the C entry point calls after starting main's fiber) call {@link #run()} instead.
 *
 * <p>TeaVM's own loop waits for the head of its timer queue and then runs that head; two things
 * are missing for sockets. (1) Frames arrive while it sleeps: {@code teavm_waitFor} returns
 * early (guest/teavm/fiber.c), but TeaVM's loop then only re-sleeps until its next timer, and it
 * keeps the queue head it read before the wait, so Java code run during the wait that added an
 * earlier event could make it run the wrong one. (2) It ends when no timer is queued, although a
 * thread parked in accept() is still waiting. This loop runs one due event at a time through
 * TeaVM's {@code processSingle} (which re-reads the head every time), then lets the I/O side
 * ({@link IoPoller}: the network) receive frames, run the stack's timers and resume the green
 * threads whose sockets became ready, and sleeps until the earlier of the two deadlines.
 *
 * <p>Between events it also looks at the control page (a stop request starts the shutdown hooks,
 * {@link ShutdownHooks}) and keeps the stats page current ({@link StatsPublisher}): loads and
 * stores, no exit.
 *
 * <p>Without a network the poller is null and this is TeaVM's loop: images that never open a
 * socket do not contain the stack (nothing sets the poller, so TeaVM compiles none of it in).
 */
public final class EventLoop {
    /** The longest single wait: teavm_waitFor computes a deadline in nanoseconds from it. */
    private static final long MAX_WAIT_MS = 3_600_000L;
    private static IoPoller poller;

    private EventLoop() {
    }

    /** The I/O side of the loop. */
    public interface IoPoller {
        /**
         * Receives what arrived, runs timers and resumes ready green threads. Returns 0 when it
         * resumed a green thread (which may have queued events: the loop must look again) or has
         * more to do at once, else the milliseconds until it next has work (Long.MAX_VALUE: only
         * a frame can give it work).
         */
        long pump();

        /** Whether a green thread is parked waiting for I/O (then the program is not done). */
        boolean hasWaiters();

        /** The program is done: last chance to deliver what it sent (bounded). */
        void finish();
    }

    public static void setPoller(IoPoller p) {
        poller = p;
    }

    public static void run() {
        loop();
        finishIo();
        // The program ends (main's thread and every other ended): what it printed after its last
        // newline is still in the console buffer of the C runtime, which flushes at newlines; the
        // JVM writes it out at exit, so must the image. System.out and System.err themselves hold
        // nothing (TeaVM's PrintStream writes through to StdoutOutputStream, which has no buffer),
        // and they must not be flushed here: this loop runs outside every fiber, and a virtual
        // OutputStream.flush() call would make TeaVM compile it as able to suspend as soon as the
        // program has any stream whose flush can park (a BufferedOutputStream over a socket): the
        // image then dereferenced the null current fiber on entering the loop.
        flushConsole();
    }

    /**
     * TeaVM's {@code EventQueue.stop()}, which its runtime calls when the last non-daemon thread
     * ended, asks here first (the builder routes it): with shutdown hooks registered they run
     * now, on a thread of their own, as the JVM runs them then, and the queue stops when that
     * thread ended (false: not yet). True: stop.
     */
    public static boolean lastThreadEnded() {
        if (ShutdownHooks.pending()) {
            ShutdownHooks.startFromLoop(-1);
            return false;
        }
        return true;
    }

    /** The program is ending: the network's last chance to deliver what it sent (bounded); once. */
    static void finishIo() {
        IoPoller p = poller;
        poller = null;
        if (p != null) {
            p.finish();
        }
    }

    /**
     * The nursery budget: once this much was allocated since the last collection, the loop asks
     * TeaVM's GC for a young collection between two events. Left alone, TeaVM collects only when
     * the heap is full, and a young collection then marks, sweeps and compacts everything
     * allocated since the last one: with the HTTP example's 23 MiB heap under wrk, 4 collections
     * in 10 s of up to 140-262 ms each. With 2 MiB: 38 collections of at most 4 ms, and less time
     * paused in all (docs/performance.md, "GC pauses"). The loop is a safe point: no object is
     * half made there.
     */
    static final int NURSERY_KIB = 2048;

    /** KiB allocated since the last collection (guest/teavm/heaptrace.c counts them in TeaVM's allocation hook). */
    @org.teavm.interop.Import(name = "kiln_gc_young_kib")
    private static native int youngKib();

    private static void loop() {
        for (;;) {
            if (EventQueue.isStopped()) {
                return;
            }
            // The monitor asked the image to stop (a load of the control page, no exit): the
            // shutdown hooks run on a green thread, which then ends the image with 143.
            if (!ShutdownHooks.started() && GuestControl.stopRequested()) {
                ShutdownHooks.startFromLoop(ShutdownHooks.STOPPED_STATUS);
            }
            long wait = EventQueue.processSingle(); // -1: queue empty; 0: ran an event; >0: ms to the next
            IoPoller p = poller;
            long io = p == null ? Long.MAX_VALUE : p.pump();
            StatsPublisher.maybePublish(false); // a few stores at most once a millisecond, no exit
            if (youngKib() > NURSERY_KIB) {
                org.teavm.runtime.GC.collectGarbage(); // young: marks from the roots and the dirty cards only
            }
            if (EventQueue.isStopped()) {
                return;
            }
            if (wait == 0 || io == 0) {
                continue;
            }
            StatsPublisher.maybePublish(true); // about to sleep: the figures a reader sees while the image idles
            if (wait < 0 && (p == null || !p.hasWaiters())) {
                return; // no timer and nobody waiting for I/O: the program is done, as in TeaVM's loop
            }
            long ms = wait < 0 ? io : Math.min(wait, io);
            waitFor(Math.min(ms, MAX_WAIT_MS));
        }
    }

    static void waitMillis(long millis) {
        waitFor(Math.min(millis, MAX_WAIT_MS));
    }

    /** The C runtime's console buffer to the console hypercall (guest/teavm/log.c). */
    @Import(name = "kiln_console_flush")
    private static native void flushConsole();

    /** Kiln's teavm_waitFor: one yield hypercall; returns early when a frame arrives or an event is offered. */
    @Import(name = "teavm_waitFor")
    @RuntimeInclude("fiber.h")
    private static native void waitFor(long millis);
}
