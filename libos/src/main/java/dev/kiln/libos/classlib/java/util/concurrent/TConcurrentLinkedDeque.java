package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.SnapshotIterator;
import java.util.AbstractCollection;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;

/** An unbounded deque without nulls; iterators are weakly consistent (SnapshotIterator). */
public class TConcurrentLinkedDeque<E> extends AbstractCollection<E> implements Deque<E>, java.io.Serializable {
    private final ArrayDeque<E> items = new ArrayDeque<>();

    public TConcurrentLinkedDeque() {
    }

    public TConcurrentLinkedDeque(Collection<? extends E> c) {
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

    @Override
    public void addFirst(E e) {
        items.addFirst(nonNull(e));
    }

    @Override
    public void addLast(E e) {
        items.addLast(nonNull(e));
    }

    @Override
    public boolean offerFirst(E e) {
        items.addFirst(nonNull(e));
        return true;
    }

    @Override
    public boolean offerLast(E e) {
        items.addLast(nonNull(e));
        return true;
    }

    @Override
    public E removeFirst() {
        return items.removeFirst();
    }

    @Override
    public E removeLast() {
        return items.removeLast();
    }

    @Override
    public E pollFirst() {
        return items.pollFirst();
    }

    @Override
    public E pollLast() {
        return items.pollLast();
    }

    @Override
    public E getFirst() {
        return items.getFirst();
    }

    @Override
    public E getLast() {
        return items.getLast();
    }

    @Override
    public E peekFirst() {
        return items.peekFirst();
    }

    @Override
    public E peekLast() {
        return items.peekLast();
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
        return items.removeFirstOccurrence(nonNull(o));
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
        return items.removeLastOccurrence(nonNull(o));
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
    public E remove() {
        return removeFirst();
    }

    @Override
    public E poll() {
        return pollFirst();
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
    public boolean contains(Object o) {
        return o != null && items.contains(o);
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
    public Iterator<E> descendingIterator() {
        Object[] a = items.toArray();
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return new SnapshotIterator<>(a, this);
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
