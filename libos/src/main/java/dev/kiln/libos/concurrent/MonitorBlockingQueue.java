package dev.kiln.libos.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A blocking queue over a plain one, guarded by this object's monitor: LinkedBlockingQueue,
 * PriorityBlockingQueue and DelayQueue differ only in the plain queue, the capacity and when the
 * head may leave ({@link #headReady}). Iterators are weakly consistent (they walk a snapshot;
 * remove() takes the element out of the queue).
 */
public abstract class MonitorBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {
    protected final Queue<E> items;
    private final int capacity;

    protected MonitorBlockingQueue(Queue<E> items, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException();
        }
        this.items = items;
        this.capacity = capacity;
    }

    /** Nanoseconds until the head may be taken (0: now); the queue is not empty. */
    protected long headDelayNanos() {
        return 0;
    }

    private boolean headReady() {
        return !items.isEmpty() && headDelayNanos() <= 0;
    }

    @Override
    public boolean add(E e) {
        if (offer(e)) {
            return true;
        }
        throw new IllegalStateException("Queue full");
    }

    @Override
    public synchronized boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        if (items.size() >= capacity) {
            return false;
        }
        items.offer(e);
        notifyAll();
        return true;
    }

    @Override
    public synchronized void put(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Waits.checkInterrupt();
        while (items.size() >= capacity) {
            wait();
        }
        items.offer(e);
        notifyAll();
    }

    @Override
    public synchronized boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Waits.checkInterrupt();
        long left = unit.toNanos(timeout);
        while (items.size() >= capacity) {
            if (left <= 0) {
                return false;
            }
            left = Waits.waitNanos(this, left);
        }
        items.offer(e);
        notifyAll();
        return true;
    }

    @Override
    public synchronized E take() throws InterruptedException {
        Waits.checkInterrupt();
        while (!headReady()) {
            if (items.isEmpty()) {
                wait();
            } else {
                Waits.waitNanos(this, headDelayNanos());
            }
        }
        return removeHead();
    }

    @Override
    public synchronized E poll(long timeout, TimeUnit unit) throws InterruptedException {
        Waits.checkInterrupt();
        long left = unit.toNanos(timeout);
        while (!headReady()) {
            if (left <= 0) {
                return null;
            }
            long wait = items.isEmpty() ? left : Math.min(left, headDelayNanos());
            long before = System.nanoTime();
            Waits.waitNanos(this, wait);
            left -= System.nanoTime() - before;
        }
        return removeHead();
    }

    @Override
    public synchronized E poll() {
        return headReady() ? removeHead() : null;
    }

    private E removeHead() {
        E e = items.poll();
        notifyAll();
        return e;
    }

    @Override
    public synchronized E peek() {
        return items.peek();
    }

    @Override
    public synchronized int size() {
        return items.size();
    }

    @Override
    public synchronized int remainingCapacity() {
        return capacity == Integer.MAX_VALUE ? Integer.MAX_VALUE : capacity - items.size();
    }

    @Override
    public synchronized boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        boolean removed = items.remove(o);
        if (removed) {
            notifyAll();
        }
        return removed;
    }

    @Override
    public synchronized boolean contains(Object o) {
        return o != null && items.contains(o);
    }

    @Override
    public synchronized void clear() {
        items.clear();
        notifyAll();
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
        while (n < maxElements && headReady()) {
            c.add(items.poll());
            n++;
        }
        if (n > 0) {
            notifyAll();
        }
        return n;
    }

    @Override
    public synchronized Object[] toArray() {
        return items.toArray();
    }

    @Override
    public synchronized <T> T[] toArray(T[] a) {
        return items.toArray(a);
    }

    @Override
    public synchronized String toString() {
        return items.toString();
    }

    @Override
    public Iterator<E> iterator() {
        List<E> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(items);
        }
        return new Iterator<>() {
            private int next;
            private E last;

            @Override
            public boolean hasNext() {
                return next < snapshot.size();
            }

            @Override
            public E next() {
                if (next >= snapshot.size()) {
                    throw new NoSuchElementException();
                }
                last = snapshot.get(next++);
                return last;
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException();
                }
                removeExact(last);
                last = null;
            }
        };
    }

    private synchronized void removeExact(E e) {
        for (Iterator<E> it = items.iterator(); it.hasNext();) {
            if (it.next() == e) {
                it.remove();
                notifyAll();
                return;
            }
        }
    }
}
