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

    // Declared again so that their erasure names Delayed, as the JDK's DelayQueue's do.
    @Override
    public boolean add(E e) {
        return super.add(e);
    }

    @Override
    public boolean offer(E e) {
        return super.offer(e);
    }

    @Override
    public void put(E e) {
        offer(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) {
        return offer(e);
    }

    @Override
    public E poll() {
        return super.poll();
    }

    @Override
    public E take() throws InterruptedException {
        return super.take();
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return super.poll(timeout, unit);
    }

    @Override
    public E remove() {
        return super.remove();
    }

    @Override
    public E peek() {
        return super.peek();
    }

    @Override
    protected long headDelayNanos() {
        return items.peek().getDelay(TimeUnit.NANOSECONDS);
    }
}
