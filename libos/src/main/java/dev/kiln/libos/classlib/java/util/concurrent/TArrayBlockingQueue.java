package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.MonitorBlockingQueue;
import java.util.ArrayDeque;
import java.util.Collection;

/** A bounded FIFO blocking queue (see MonitorBlockingQueue); TeaVM's own differs from the JDK's messages. */
public class TArrayBlockingQueue<E> extends MonitorBlockingQueue<E> implements java.io.Serializable {
    public TArrayBlockingQueue(int capacity) {
        this(capacity, false);
    }

    public TArrayBlockingQueue(int capacity, boolean fair) {
        super(new ArrayDeque<>(Math.max(1, Math.min(capacity, 16))), capacity);
    }

    public TArrayBlockingQueue(int capacity, boolean fair, Collection<? extends E> c) {
        this(capacity, fair);
        for (E e : c) {
            add(e);
        }
    }
}
