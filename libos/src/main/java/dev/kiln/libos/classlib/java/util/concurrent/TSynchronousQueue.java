package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A queue without capacity: each insert waits for a remove. Handed-over elements wait in
 * {@code handoffs} for the taker; offer() succeeds only while more takers wait than elements
 * are already handed over (this is what lets a cached thread pool reuse an idle worker).
 */
public class TSynchronousQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private static final class Handoff<E> {
        final E item;
        boolean taken;

        Handoff(E item) {
            this.item = item;
        }
    }

    private final boolean fair;
    private final ArrayDeque<Handoff<E>> handoffs = new ArrayDeque<>();
    private int takers;

    public TSynchronousQueue() {
        this(false);
    }

    public TSynchronousQueue(boolean fair) {
        this.fair = fair;
    }

    @Override
    public synchronized boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        if (takers > handoffs.size()) {
            handoffs.addLast(new Handoff<>(e));
            notifyAll();
            return true;
        }
        return false;
    }

    @Override
    public void put(E e) throws InterruptedException {
        transfer(e, false, 0);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return transfer(e, true, unit.toNanos(timeout));
    }

    private synchronized boolean transfer(E e, boolean timed, long nanos) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Waits.checkInterrupt();
        Handoff<E> h = new Handoff<>(e);
        handoffs.addLast(h);
        notifyAll();
        long left = nanos;
        try {
            while (!h.taken) {
                if (timed) {
                    if (left <= 0) {
                        break;
                    }
                    left = Waits.waitNanos(this, left);
                } else {
                    wait();
                }
            }
        } finally {
            if (!h.taken) {
                handoffs.remove(h);
            }
        }
        return h.taken;
    }

    @Override
    public E take() throws InterruptedException {
        return receive(false, 0);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return receive(true, unit.toNanos(timeout));
    }

    private synchronized E receive(boolean timed, long nanos) throws InterruptedException {
        Waits.checkInterrupt();
        takers++;
        try {
            long left = nanos;
            while (handoffs.isEmpty()) {
                if (timed) {
                    if (left <= 0) {
                        return null;
                    }
                    left = Waits.waitNanos(this, left);
                } else {
                    wait();
                }
            }
            return takeFirst();
        } finally {
            takers--;
        }
    }

    private E takeFirst() {
        Handoff<E> h = handoffs.pollFirst();
        h.taken = true;
        notifyAll();
        return h.item;
    }

    @Override
    public synchronized E poll() {
        return handoffs.isEmpty() ? null : takeFirst();
    }

    @Override
    public E peek() {
        return null;
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public boolean isEmpty() {
        return true;
    }

    @Override
    public int remainingCapacity() {
        return 0;
    }

    @Override
    public boolean contains(Object o) {
        return false;
    }

    @Override
    public boolean remove(Object o) {
        return false;
    }

    @Override
    public void clear() {
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.emptyIterator();
    }

    @Override
    public Object[] toArray() {
        return new Object[0];
    }

    @Override
    public <T> T[] toArray(T[] a) {
        if (a.length > 0) {
            a[0] = null;
        }
        return a;
    }

    @Override
    public String toString() {
        return "[]";
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public synchronized int drainTo(Collection<? super E> c, int maxElements) {
        if (c == null) {
            throw new NullPointerException();
        }
        if (c == this) {
            throw new IllegalArgumentException();
        }
        int n = 0;
        while (n < maxElements && !handoffs.isEmpty()) {
            c.add(takeFirst());
            n++;
        }
        return n;
    }
}
