package dev.kiln.libos.classlib.java.util.concurrent;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A set in insertion order whose iterators walk the array as it was (and cannot remove), as the JDK's. */
public class TCopyOnWriteArraySet<E> extends AbstractSet<E> implements java.io.Serializable {
    private Object[] items = new Object[0];

    public TCopyOnWriteArraySet() {
    }

    public TCopyOnWriteArraySet(Collection<? extends E> c) {
        addAll(c);
    }

    private int indexOf(Object o) {
        for (int i = 0; i < items.length; i++) {
            if (o == null ? items[i] == null : o.equals(items[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public boolean add(E e) {
        if (indexOf(e) >= 0) {
            return false;
        }
        Object[] next = Arrays.copyOf(items, items.length + 1);
        next[items.length] = e;
        items = next;
        return true;
    }

    @Override
    public boolean remove(Object o) {
        int i = indexOf(o);
        if (i < 0) {
            return false;
        }
        ArrayList<Object> next = new ArrayList<>(Arrays.asList(items));
        next.remove(i);
        items = next.toArray();
        return true;
    }

    @Override
    public void clear() {
        items = new Object[0];
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    @Override
    public Iterator<E> iterator() {
        Object[] snapshot = items;
        return new Iterator<E>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < snapshot.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (next >= snapshot.length) {
                    throw new NoSuchElementException();
                }
                return (E) snapshot[next++];
            }

            // Declared: TeaVM's C target leaves Iterator's default remove() out of the vtable (a call crashed).
            @Override
            public void remove() {
                throw new UnsupportedOperationException("remove");
            }
        };
    }
}
