package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.SnapshotIterator;
import dev.kiln.libos.concurrent.Waits;
import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * An optionally bounded blocking deque on this object's monitor (TeaVM's class of this name is a
 * LinkedList that never blocks); iterators are weakly consistent (SnapshotIterator).
 */
public class TLinkedBlockingDeque<E> extends AbstractQueue<E> implements BlockingDeque<E>, java.io.Serializable {
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final int capacity;

    public TLinkedBlockingDeque() {
        this(Integer.MAX_VALUE);
    }

    public TLinkedBlockingDeque(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException();
        }
        this.capacity = capacity;
    }

    public TLinkedBlockingDeque(Collection<? extends E> c) {
        this(Integer.MAX_VALUE);
        for (E e : c) {
            addLast(e);
        }
    }

    private static <T> T nonNull(T e) {
        if (e == null) {
            throw new NullPointerException();
        }
        return e;
    }

    private boolean link(E e, boolean first) {
        if (items.size() >= capacity) {
            return false;
        }
        if (first) {
            items.addFirst(e);
        } else {
            items.addLast(e);
        }
        notifyAll();
        return true;
    }

    private E unlink(boolean first) {
        E e = first ? items.pollFirst() : items.pollLast();
        if (e != null) {
            notifyAll();
        }
        return e;
    }

    @Override
    public void addFirst(E e) {
        if (!offerFirst(e)) {
            throw new IllegalStateException("Deque full");
        }
    }

    @Override
    public void addLast(E e) {
        if (!offerLast(e)) {
            throw new IllegalStateException("Deque full");
        }
    }

    @Override
    public synchronized boolean offerFirst(E e) {
        return link(nonNull(e), true);
    }

    @Override
    public synchronized boolean offerLast(E e) {
        return link(nonNull(e), false);
    }

    @Override
    public void putFirst(E e) throws InterruptedException {
        offer(e, true, false, 0);
    }

    @Override
    public void putLast(E e) throws InterruptedException {
        offer(e, false, false, 0);
    }

    @Override
    public boolean offerFirst(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offer(e, true, true, unit.toNanos(timeout));
    }

    @Override
    public boolean offerLast(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offer(e, false, true, unit.toNanos(timeout));
    }

    private synchronized boolean offer(E e, boolean first, boolean timed, long nanos) throws InterruptedException {
        nonNull(e);
        Waits.checkInterrupt();
        long left = nanos;
        while (!link(e, first)) {
            if (!timed) {
                wait();
            } else if (left <= 0) {
                return false;
            } else {
                left = Waits.waitNanos(this, left);
            }
        }
        return true;
    }

    @Override
    public E takeFirst() throws InterruptedException {
        return take(true, false, 0);
    }

    @Override
    public E takeLast() throws InterruptedException {
        return take(false, false, 0);
    }

    @Override
    public E pollFirst(long timeout, TimeUnit unit) throws InterruptedException {
        return take(true, true, unit.toNanos(timeout));
    }

    @Override
    public E pollLast(long timeout, TimeUnit unit) throws InterruptedException {
        return take(false, true, unit.toNanos(timeout));
    }

    private synchronized E take(boolean first, boolean timed, long nanos) throws InterruptedException {
        Waits.checkInterrupt();
        long left = nanos;
        E e;
        while ((e = unlink(first)) == null) {
            if (!timed) {
                wait();
            } else if (left <= 0) {
                return null;
            } else {
                left = Waits.waitNanos(this, left);
            }
        }
        return e;
    }

    @Override
    public synchronized E removeFirst() {
        E e = unlink(true);
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    public synchronized E removeLast() {
        E e = unlink(false);
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    public synchronized E pollFirst() {
        return unlink(true);
    }

    @Override
    public synchronized E pollLast() {
        return unlink(false);
    }

    @Override
    public synchronized E getFirst() {
        E e = items.peekFirst();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    public synchronized E getLast() {
        E e = items.peekLast();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    public synchronized E peekFirst() {
        return items.peekFirst();
    }

    @Override
    public synchronized E peekLast() {
        return items.peekLast();
    }

    @Override
    public synchronized boolean removeFirstOccurrence(Object o) {
        boolean removed = o != null && items.removeFirstOccurrence(o);
        if (removed) {
            notifyAll();
        }
        return removed;
    }

    @Override
    public synchronized boolean removeLastOccurrence(Object o) {
        boolean removed = o != null && items.removeLastOccurrence(o);
        if (removed) {
            notifyAll();
        }
        return removed;
    }

    @Override
    public boolean add(E e) {
        addLast(e);
        return true;
    }

    @Override
    public boolean offer(E e) {
        return offerLast(e);
    }

    @Override
    public void put(E e) throws InterruptedException {
        putLast(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offerLast(e, timeout, unit);
    }

    @Override
    public E remove() {
        return removeFirst();
    }

    @Override
    public E poll() {
        return pollFirst();
    }

    @Override
    public E take() throws InterruptedException {
        return takeFirst();
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return pollFirst(timeout, unit);
    }

    @Override
    public E element() {
        return getFirst();
    }

    @Override
    public E peek() {
        return peekFirst();
    }

    @Override
    public synchronized int remainingCapacity() {
        return capacity - items.size();
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public synchronized int drainTo(Collection<? super E> c, int maxElements) {
        nonNull(c);
        if (c == this) {
            throw new IllegalArgumentException();
        }
        int n = 0;
        while (n < maxElements && !items.isEmpty()) {
            c.add(items.pollFirst());
            n++;
        }
        if (n > 0) {
            notifyAll();
        }
        return n;
    }

    @Override
    public void push(E e) {
        addFirst(e);
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    @Override
    public synchronized int size() {
        return items.size();
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
    public synchronized Iterator<E> iterator() {
        return new SnapshotIterator<>(items.toArray(), this);
    }

    @Override
    public synchronized Iterator<E> descendingIterator() {
        Object[] a = items.toArray();
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return new SnapshotIterator<>(a, this);
    }
}
