package dev.kiln.libos.classlib.java.util.concurrent.locks;

import dev.kiln.libos.concurrent.Waits;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * park/unpark with one permit per thread. Parked threads wait on one monitor; unpark wakes them
 * all and each checks its own permit (park may return spuriously, so callers loop anyway).
 * An interrupt ends a park without throwing and leaves the status set, as specified.
 */
public final class TLockSupport {
    private static final Object MONITOR = new Object();
    private static final Set<Thread> PERMITS = new HashSet<>();
    private static final Map<Thread, Object> BLOCKERS = new HashMap<>();

    private TLockSupport() {
    }

    public static void unpark(Thread thread) {
        if (thread == null) {
            return;
        }
        synchronized (MONITOR) {
            if (PERMITS.add(thread)) {
                MONITOR.notifyAll();
            }
        }
    }

    public static void park() {
        park0(false, 0);
    }

    public static void park(Object blocker) {
        setCurrentBlocker(blocker);
        park0(false, 0);
        setCurrentBlocker(null);
    }

    public static void parkNanos(long nanos) {
        if (nanos > 0) {
            park0(true, nanos);
        }
    }

    public static void parkNanos(Object blocker, long nanos) {
        if (nanos > 0) {
            setCurrentBlocker(blocker);
            park0(true, nanos);
            setCurrentBlocker(null);
        }
    }

    public static void parkUntil(long deadline) {
        parkNanos((deadline - System.currentTimeMillis()) * 1_000_000L);
    }

    public static void parkUntil(Object blocker, long deadline) {
        parkNanos(blocker, (deadline - System.currentTimeMillis()) * 1_000_000L);
    }

    public static Object getBlocker(Thread thread) {
        if (thread == null) {
            throw new NullPointerException();
        }
        synchronized (MONITOR) {
            return BLOCKERS.get(thread);
        }
    }

    public static void setCurrentBlocker(Object blocker) {
        synchronized (MONITOR) {
            if (blocker == null) {
                BLOCKERS.remove(Thread.currentThread());
            } else {
                BLOCKERS.put(Thread.currentThread(), blocker);
            }
        }
    }

    private static void park0(boolean timed, long nanos) {
        Thread me = Thread.currentThread();
        synchronized (MONITOR) {
            if (PERMITS.remove(me) || me.isInterrupted()) {
                return;
            }
            try {
                if (timed) {
                    Waits.waitNanos(MONITOR, nanos);
                } else {
                    MONITOR.wait();
                }
            } catch (InterruptedException e) {
                me.interrupt();
            }
            PERMITS.remove(me);
        }
    }
}
