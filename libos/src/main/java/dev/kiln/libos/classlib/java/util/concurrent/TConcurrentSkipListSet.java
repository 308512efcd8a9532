package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.SnapshotIterator;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A sorted concurrent set without nulls: a TreeSet (or a view of a TreeSet or of a
 * ConcurrentSkipListMap's keys) with weakly consistent iterators (SnapshotIterator).
 */
public class TConcurrentSkipListSet<E> extends AbstractSet<E>
        implements NavigableSet<E>, Cloneable, java.io.Serializable {
    private final NavigableSet<E> s;

    public TConcurrentSkipListSet() {
        s = new TreeSet<>();
    }

    public TConcurrentSkipListSet(Comparator<? super E> comparator) {
        s = new TreeSet<>(comparator);
    }

    public TConcurrentSkipListSet(Collection<? extends E> c) {
        s = new TreeSet<>();
        addAll(c);
    }

    public TConcurrentSkipListSet(SortedSet<E> set) {
        s = new TreeSet<>(set.comparator());
        addAll(set);
    }

    TConcurrentSkipListSet(NavigableSet<E> view, boolean isView) {
        s = view;
    }

    private static <T> T nonNull(T o) {
        if (o == null) {
            throw new NullPointerException();
        }
        return o;
    }

    @Override
    public TConcurrentSkipListSet<E> clone() {
        TConcurrentSkipListSet<E> copy = new TConcurrentSkipListSet<>(s.comparator());
        copy.addAll(s);
        return copy;
    }

    @Override
    public int size() {
        return s.size();
    }

    @Override
    public boolean isEmpty() {
        return s.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return s.contains(nonNull(o));
    }

    @Override
    public boolean add(E e) {
        return s.add(nonNull(e));
    }

    @Override
    public boolean remove(Object o) {
        return s.remove(nonNull(o));
    }

    @Override
    public void clear() {
        s.clear();
    }

    @Override
    public Iterator<E> iterator() {
        return new SnapshotIterator<>(s.toArray(), this);
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new SnapshotIterator<>(s.descendingSet().toArray(), this);
    }

    @Override
    public Object[] toArray() {
        return s.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return s.toArray(a);
    }

    @Override
    public E lower(E e) {
        return s.lower(nonNull(e));
    }

    @Override
    public E floor(E e) {
        return s.floor(nonNull(e));
    }

    @Override
    public E ceiling(E e) {
        return s.ceiling(nonNull(e));
    }

    @Override
    public E higher(E e) {
        return s.higher(nonNull(e));
    }

    @Override
    public E pollFirst() {
        return s.pollFirst();
    }

    @Override
    public E pollLast() {
        return s.pollLast();
    }

    @Override
    public Comparator<? super E> comparator() {
        return s.comparator();
    }

    @Override
    public E first() {
        return s.first();
    }

    @Override
    public E last() {
        return s.last();
    }

    @Override
    public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) {
        return new TConcurrentSkipListSet<>(s.subSet(nonNull(fromElement), fromInclusive, nonNull(toElement),
                toInclusive), true);
    }

    @Override
    public NavigableSet<E> headSet(E toElement, boolean inclusive) {
        return new TConcurrentSkipListSet<>(s.headSet(nonNull(toElement), inclusive), true);
    }

    @Override
    public NavigableSet<E> tailSet(E fromElement, boolean inclusive) {
        return new TConcurrentSkipListSet<>(s.tailSet(nonNull(fromElement), inclusive), true);
    }

    @Override
    public NavigableSet<E> subSet(E fromElement, E toElement) {
        return subSet(fromElement, true, toElement, false);
    }

    @Override
    public NavigableSet<E> headSet(E toElement) {
        return headSet(toElement, false);
    }

    @Override
    public NavigableSet<E> tailSet(E fromElement) {
        return tailSet(fromElement, true);
    }

    @Override
    public NavigableSet<E> descendingSet() {
        return new TConcurrentSkipListSet<>(s.descendingSet(), true);
    }

    @Override
    public void addFirst(E e) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addLast(E e) {
        throw new UnsupportedOperationException();
    }
}
