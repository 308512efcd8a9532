package dev.kiln.libos.concurrent;

/** Waiting on a monitor the caller holds, in nanoseconds and with deadlines, as the JDK's timed methods count. */
public final class Waits {
    private Waits() {
    }

    /**
     * Waits on {@code monitor} (held by the caller) for at most {@code nanos} and returns what is
     * left of them (zero or less: the time is up). Object.wait(0) would mean "forever", so a wait
     * is at least one millisecond and a spent budget does not wait at all.
     */
    public static long waitNanos(Object monitor, long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return nanos;
        }
        long deadline = System.nanoTime() + nanos;
        long millis = nanos / 1_000_000L;
        if (millis * 1_000_000L < nanos) {
            millis++;
        }
        monitor.wait(millis);
        return deadline - System.nanoTime();
    }

    /** Throws InterruptedException (clearing the status) if the current thread was interrupted. */
    public static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /**
     * One uninterruptible wait on a held monitor: returns whether the thread was interrupted
     * (before or during it); the caller restores the status once it stops waiting.
     */
    public static boolean waitUninterruptibly(Object monitor) {
        if (Thread.interrupted()) {
            return true;
        }
        try {
            monitor.wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
