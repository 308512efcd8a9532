package dev.kiln.libos.concurrent;

/**
 * What a {@link MonitorCondition} needs from the lock it belongs to. Every method is called with
 * {@link #monitor()} held.
 */
public interface ExclusiveOwner {
    /** The monitor that guards the lock's state, which waiters wait on. */
    Object monitor();

    boolean heldByCurrentThread();

    /** Releases every hold of the current thread and returns how many there were. */
    int releaseAll();

    /** Takes the lock again for the current thread with {@code holds} holds, waiting uninterruptibly. */
    void reacquire(int holds);
}
