package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.MonitorBlockingQueue;
import java.util.ArrayDeque;
import java.util.Collection;

/** An optionally bounded FIFO blocking queue (see MonitorBlockingQueue). */
public class TLinkedBlockingQueue<E> extends MonitorBlockingQueue<E> implements java.io.Serializable {
    public TLinkedBlockingQueue() {
        this(Integer.MAX_VALUE);
    }

    public TLinkedBlockingQueue(int capacity) {
        super(new ArrayDeque<>(), capacity);
    }

    public TLinkedBlockingQueue(Collection<? extends E> c) {
        this(Integer.MAX_VALUE);
        for (E e : c) {
            if (!offer(e)) {
                throw new IllegalStateException("Queue full");
            }
        }
    }
}
