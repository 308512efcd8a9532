package dev.kiln.libos.net;

/**
 * The only source of time for the stack. The stack never reads a system clock itself, so a
 * test can drive it with a fake clock and get the same packets every run; the image drives it
 * with rdtsc, the HotSpot tests with System.nanoTime().
 */
public interface Clock {
    /** Monotonic time in nanoseconds; only differences matter. */
    long nanoTime();
}
