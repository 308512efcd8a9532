package dev.kiln.libos.concurrent;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The weakly consistent iterator of Kiln's concurrent collections: it walks a copy taken when
 * it was made (so the collection may change meanwhile, never a ConcurrentModificationException)
 * and remove() removes the last element returned from the collection itself.
 */
public final class SnapshotIterator<E> implements Iterator<E> {
    private final Object[] items;
    private final Collection<?> owner;
    private int next;
    private boolean canRemove;

    public SnapshotIterator(Object[] items, Collection<?> owner) {
        this.items = items;
        this.owner = owner;
    }

    @Override
    public boolean hasNext() {
        return next < items.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E next() {
        if (next >= items.length) {
            throw new NoSuchElementException();
        }
        canRemove = true;
        return (E) items[next++];
    }

    @Override
    public void remove() {
        if (!canRemove) {
            throw new IllegalStateException();
        }
        canRemove = false;
        owner.remove(items[next - 1]);
    }
}
