package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.MonitorBlockingQueue;
import java.util.Collection;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/** An unbounded queue whose elements leave only once their delay has expired, earliest first. */
public class TDelayQueue<E extends Delayed> extends MonitorBlockingQueue<E> {
    public TDelayQueue() {
        super(new PriorityQueue<>(), Integer.MAX_VALUE);
    }

    public TDelayQueue(Collection<? extends E> c) {
        this();
        addAll(c);
    }

    @Override
    protected long headDelayNanos() {
        return items.peek().getDelay(TimeUnit.NANOSECONDS);
    }
}
