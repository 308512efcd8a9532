package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.MonitorBlockingQueue;
import dev.kiln.libos.concurrent.Waits;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * An unbounded FIFO queue whose producers may wait for a consumer to receive what they put
 * (MonitorBlockingQueue under this object's monitor). A transfer waits until its element, by
 * identity, has left the queue; consumers blocked in take/poll are counted so that tryTransfer
 * hands an element over only when one is waiting (on one vCPU such a consumer waits on an empty
 * queue, so the element is the next one it takes).
 */
public class TLinkedTransferQueue<E> extends MonitorBlockingQueue<E> implements TTransferQueue<E>,
        java.io.Serializable {
    private int waitingConsumers;

    public TLinkedTransferQueue() {
        super(new ArrayDeque<>(), Integer.MAX_VALUE);
    }

    public TLinkedTransferQueue(Collection<? extends E> c) {
        this();
        addAll(c);
    }

    @Override
    public synchronized E take() throws InterruptedException {
        waitingConsumers++;
        try {
            return super.take();
        } finally {
            waitingConsumers--;
        }
    }

    @Override
    public synchronized E poll(long timeout, TimeUnit unit) throws InterruptedException {
        waitingConsumers++;
        try {
            return super.poll(timeout, unit);
        } finally {
            waitingConsumers--;
        }
    }

    @Override
    public synchronized boolean tryTransfer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        if (waitingConsumers == 0 || !items.isEmpty()) {
            return false;
        }
        return offer(e);
    }

    @Override
    public synchronized void transfer(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Waits.checkInterrupt();
        offer(e);
        try {
            while (holds(e)) {
                wait();
            }
        } catch (InterruptedException ie) {
            removeIdentical(e);
            throw ie;
        }
    }

    @Override
    public synchronized boolean tryTransfer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Waits.checkInterrupt();
        offer(e);
        long left = unit.toNanos(timeout);
        try {
            while (holds(e)) {
                if (left <= 0) {
                    removeIdentical(e);
                    return false;
                }
                left = Waits.waitNanos(this, left);
            }
            return true;
        } catch (InterruptedException ie) {
            removeIdentical(e);
            throw ie;
        }
    }

    @Override
    public synchronized boolean hasWaitingConsumer() {
        return waitingConsumers > 0;
    }

    @Override
    public synchronized int getWaitingConsumerCount() {
        return waitingConsumers;
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    private boolean holds(E e) {
        for (E x : items) {
            if (x == e) {
                return true;
            }
        }
        return false;
    }

    private void removeIdentical(E e) {
        java.util.Iterator<E> it = items.iterator();
        while (it.hasNext()) {
            if (it.next() == e) {
                it.remove();
                notifyAll();
                return;
            }
        }
    }
}
