package dev.kiln.vmm.sandbox;

import dev.kiln.vmm.VmmException;

/**
 * Confines monitor threads to their filters: the one call each monitor thread makes first
 * ({@link #confine}), and the process-wide mode.
 *
 * <p>A filter is for good: it stays on the thread until the thread ends, and a thread the
 * confined thread would create inherits it (so confined threads create none; see
 * {@link MonitorThreads}).
 */
public final class Sandbox {
    /** The system property (and `kiln run --seccomp`) that sets the mode: on, log or off. */
    public static final String PROPERTY = "kiln.seccomp";

    /** How filters treat a forbidden call. */
    public enum Mode {
        /** The default: a forbidden call kills the process (SIGSYS; the kernel logs the call). */
        ON(FilterAction.KILL_PROCESS),
        /** For finding what a filter lacks: a forbidden call runs and the kernel logs it (dmesg, type=1326). */
        LOG(FilterAction.LOG),
        /** No filters at all (debugging only). */
        OFF(null);

        final FilterAction forbidden;

        Mode(FilterAction forbidden) {
            this.forbidden = forbidden;
        }

        /** "on", "log" or "off"; anything else is a one-line error. */
        public static Mode parse(String s) {
            return switch (s) {
                case "on" -> ON;
                case "log" -> LOG;
                case "off" -> OFF;
                default -> throw new IllegalArgumentException("seccomp mode must be on, log or off, not '" + s + "'");
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static volatile Mode mode = Mode.parse(System.getProperty(PROPERTY, "on"));
    /** The filter of each confined thread (the JDK's threads, and ours before confine(), have none). */
    private static final ThreadLocal<SyscallFilter> CONFINED = new ThreadLocal<>();

    private Sandbox() {}

    public static Mode mode() {
        return mode;
    }

    /** Sets the mode for threads confined from now on (threads confined before keep theirs). */
    public static void setMode(Mode m) {
        mode = java.util.Objects.requireNonNull(m);
    }

    /**
     * Puts filter on the calling thread (in mode OFF, does nothing). Call it first thing on a
     * monitor thread, once its setup calls (setns, opening files) are done: from here on the
     * thread can make only the calls the filter allows. Throws {@link VmmException} if the
     * kernel refuses; never on a virtual thread (its carrier changes, the filter would not follow).
     */
    public static void confine(SyscallFilter filter) {
        Mode m = mode;
        if (m != Mode.OFF) confine(filter, m.forbidden);
    }

    /** Puts filter on the calling thread with forbidden as the verdict for calls it does not allow. */
    static void confine(SyscallFilter filter, FilterAction forbidden) {
        MonitorClasses.preload();
        Thread self = Thread.currentThread();
        if (self.isVirtual()) {
            throw new IllegalStateException("a virtual thread cannot be confined: a seccomp filter belongs to an OS"
                    + " thread, and a virtual thread moves between carriers");
        }
        if (CONFINED.get() != null) {
            throw new IllegalStateException("thread " + self.getName() + " is already confined to the "
                    + CONFINED.get().kind() + " filter");
        }
        long[] program = filter.compile(forbidden);
        CONFINED.set(filter); // before the filter: ThreadLocal's first set allocates, anything may follow
        try {
            SeccompCalls.install(program);
        } catch (RuntimeException e) {
            CONFINED.remove();
            throw e;
        }
    }

    /** The calling thread's filter, or null if it has none. */
    public static SyscallFilter confinedTo() {
        return CONFINED.get();
    }
}
