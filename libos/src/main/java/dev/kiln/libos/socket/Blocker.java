package dev.kiln.libos.socket;

/**
 * How a blocking socket call waits. In a native image every Java thread is a TeaVM fiber on one
 * native stack, so waiting means suspending the fiber until the event loop finds the socket
 * ready ({@code dev.kiln.libos.teavm.FiberBlocker}); on HotSpot (the tests) it is a real thread
 * waiting on a lock that the thread driving the stack signals. The socket classes are written
 * once against this interface, so their semantics are tested on HotSpot against Linux.
 *
 * <p>The stack is single-threaded: every use of it is bracketed by {@link #enter()} and
 * {@link #exit()} (a no-op in an image, where only one fiber runs at a time).
 */
public interface Blocker {
    void enter();

    void exit();

    /**
     * Called between enter() and exit(): returns once {@code w.isReady(interest)} holds (true)
     * or the monotonic time passes deadlineNanos (false; 0 means no deadline). Readiness
     * includes the socket being closed, so close() wakes the waiters.
     */
    boolean await(Waitable w, int interest, long deadlineNanos);

    /** Something changed outside the stack (a socket was closed): waiters re-check. */
    void wakeAll();
}
