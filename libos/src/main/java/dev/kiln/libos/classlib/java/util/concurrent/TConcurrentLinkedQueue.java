package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.SnapshotIterator;
import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;

/** An unbounded FIFO queue without nulls; iterators are weakly consistent (SnapshotIterator). */
public class TConcurrentLinkedQueue<E> extends AbstractQueue<E> implements java.io.Serializable {
    private final ArrayDeque<E> items = new ArrayDeque<>();

    public TConcurrentLinkedQueue() {
    }

    public TConcurrentLinkedQueue(Collection<? extends E> c) {
        for (E e : c) {
            offer(e);
        }
    }

    @Override
    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        items.addLast(e);
        return true;
    }

    @Override
    public boolean add(E e) {
        return offer(e);
    }

    @Override
    public E poll() {
        return items.pollFirst();
    }

    @Override
    public E peek() {
        return items.peekFirst();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return o != null && items.contains(o);
    }

    @Override
    public boolean remove(Object o) {
        return o != null && items.removeFirstOccurrence(o);
    }

    @Override
    public void clear() {
        items.clear();
    }

    @Override
    public Object[] toArray() {
        return items.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return items.toArray(a);
    }

    @Override
    public Iterator<E> iterator() {
        return new SnapshotIterator<>(items.toArray(), this);
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
