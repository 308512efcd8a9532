package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.MonitorBlockingQueue;
import java.util.Collection;
import java.util.Comparator;
import java.util.PriorityQueue;

/** An unbounded blocking priority queue (see MonitorBlockingQueue); put never blocks. */
public class TPriorityBlockingQueue<E> extends MonitorBlockingQueue<E> implements java.io.Serializable {
    private final Comparator<? super E> comparator;

    public TPriorityBlockingQueue() {
        this(11, null);
    }

    public TPriorityBlockingQueue(int initialCapacity) {
        this(initialCapacity, null);
    }

    public TPriorityBlockingQueue(int initialCapacity, Comparator<? super E> comparator) {
        super(new PriorityQueue<>(checked(initialCapacity), comparator), Integer.MAX_VALUE);
        this.comparator = comparator;
    }

    public TPriorityBlockingQueue(Collection<? extends E> c) {
        this(11, null);
        addAll(c);
    }

    private static int checked(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException();
        }
        return initialCapacity;
    }

    public Comparator<? super E> comparator() {
        return comparator;
    }
}
