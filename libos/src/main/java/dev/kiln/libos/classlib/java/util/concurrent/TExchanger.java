package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Two threads swap objects: the first waits with its offer, the second takes it and leaves its own. */
public class TExchanger<V> {
    private static final class Slot {
        final Object offer;
        Object answer;
        boolean matched;

        Slot(Object offer) {
            this.offer = offer;
        }
    }

    private final Object sync = new Object();
    private Slot waiting;

    public TExchanger() {
    }

    public V exchange(V x) throws InterruptedException {
        try {
            return exchange(x, false, 0);
        } catch (TimeoutException e) {
            throw new Error(e);
        }
    }

    public V exchange(V x, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        return exchange(x, true, unit.toNanos(timeout));
    }

    @SuppressWarnings("unchecked")
    private V exchange(V x, boolean timed, long nanos) throws InterruptedException, TimeoutException {
        synchronized (sync) {
            Waits.checkInterrupt();
            Slot other = waiting;
            if (other != null) {
                waiting = null;
                other.answer = x;
                other.matched = true;
                sync.notifyAll();
                return (V) other.offer;
            }
            Slot mine = new Slot(x);
            waiting = mine;
            long left = nanos;
            try {
                while (!mine.matched) {
                    if (timed) {
                        if (left <= 0) {
                            throw new TimeoutException();
                        }
                        left = Waits.waitNanos(sync, left);
                    } else {
                        sync.wait();
                    }
                }
                return (V) mine.answer;
            } finally {
                if (!mine.matched && waiting == mine) {
                    waiting = null;
                }
            }
        }
    }
}
