package dev.kiln.libos.classlib.java.util.concurrent.locks;

import dev.kiln.libos.concurrent.Waits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * AbstractQueuedSynchronizer for synchronizers that applications write (the JDK's own are Kiln's
 * monitor-based classes). The subclass's tryAcquire/tryRelease/tryAcquireShared/tryReleaseShared
 * decide, on the int state, as specified; the waiting is a FIFO queue of threads parked on this
 * synchronizer's monitor: a release wakes the queue, and each waiter asks tryAcquire again, the
 * oldest first (hasQueuedPredecessors gives fair subclasses the JDK's order). getState,
 * setState and compareAndSetState are plain field operations: on one vCPU no other thread runs
 * between a read and a write that do not block.
 */
public abstract class TAbstractQueuedSynchronizer extends TAbstractOwnableSynchronizer {
    private static final class Node {
        final Thread thread = Thread.currentThread();
        final boolean shared;

        Node(boolean shared) {
            this.shared = shared;
        }
    }

    private volatile int state;
    private final transient LinkedList<Node> queue = new LinkedList<>();
    private transient boolean contended;
    private final transient Object monitor = new Object();

    protected TAbstractQueuedSynchronizer() {
    }

    protected final int getState() {
        return state;
    }

    protected final void setState(int newState) {
        state = newState;
    }

    protected final boolean compareAndSetState(int expect, int update) {
        if (state != expect) {
            return false;
        }
        state = update;
        return true;
    }

    // ---- what subclasses define

    protected boolean tryAcquire(int arg) {
        throw new UnsupportedOperationException();
    }

    protected boolean tryRelease(int arg) {
        throw new UnsupportedOperationException();
    }

    protected int tryAcquireShared(int arg) {
        throw new UnsupportedOperationException();
    }

    protected boolean tryReleaseShared(int arg) {
        throw new UnsupportedOperationException();
    }

    protected boolean isHeldExclusively() {
        throw new UnsupportedOperationException();
    }

    // ---- acquiring and releasing

    private boolean attempt(boolean shared, int arg) {
        return shared ? tryAcquireShared(arg) >= 0 : tryAcquire(arg);
    }

    /**
     * Queues the current thread until attempt() succeeds. Returns false on timeout; throws
     * InterruptedException when interruptible; otherwise re-asserts an interrupt at the end.
     */
    private boolean acquire(boolean shared, int arg, boolean interruptible, boolean timed, long nanos)
            throws InterruptedException {
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (attempt(shared, arg)) {
            return true;
        }
        long deadline = System.nanoTime() + nanos;
        boolean interrupted = false;
        synchronized (monitor) {
            Node node = new Node(shared);
            queue.addLast(node);
            contended = true;
            try {
                while (true) {
                    if (queue.peekFirst() == node || shared) {
                        queue.remove(node);
                        if (attempt(shared, arg)) {
                            if (shared) {
                                monitor.notifyAll(); // the next shared waiter may succeed too
                            }
                            return true;
                        }
                        queue.add(indexFor(node), node);
                    }
                    long left = deadline - System.nanoTime();
                    if (timed && left <= 0) {
                        return false;
                    }
                    try {
                        if (timed) {
                            Waits.waitNanos(monitor, left);
                        } else {
                            monitor.wait();
                        }
                    } catch (InterruptedException e) {
                        if (interruptible) {
                            throw e;
                        }
                        interrupted = true;
                    }
                }
            } finally {
                if (queue.remove(node)) {
                    monitor.notifyAll();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A node that tried and failed goes back to the front of the exclusive waiters' turn. */
    private int indexFor(Node node) {
        return node.shared ? queue.size() : 0;
    }

    private void wakeQueue() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    public final void acquire(int arg) {
        try {
            acquire(false, arg, false, false, 0);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public final void acquireInterruptibly(int arg) throws InterruptedException {
        acquire(false, arg, true, false, 0);
    }

    public final boolean tryAcquireNanos(int arg, long nanosTimeout) throws InterruptedException {
        return acquire(false, arg, true, true, nanosTimeout);
    }

    public final boolean release(int arg) {
        if (tryRelease(arg)) {
            wakeQueue();
            return true;
        }
        return false;
    }

    public final void acquireShared(int arg) {
        try {
            acquire(true, arg, false, false, 0);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public final void acquireSharedInterruptibly(int arg) throws InterruptedException {
        acquire(true, arg, true, false, 0);
    }

    public final boolean tryAcquireSharedNanos(int arg, long nanosTimeout) throws InterruptedException {
        return acquire(true, arg, true, true, nanosTimeout);
    }

    public final boolean releaseShared(int arg) {
        if (tryReleaseShared(arg)) {
            wakeQueue();
            return true;
        }
        return false;
    }

    // ---- the queue

    public final boolean hasQueuedThreads() {
        synchronized (monitor) {
            return !queue.isEmpty();
        }
    }

    public final boolean hasContended() {
        synchronized (monitor) {
            return contended;
        }
    }

    public final Thread getFirstQueuedThread() {
        synchronized (monitor) {
            return queue.isEmpty() ? null : queue.getFirst().thread;
        }
    }

    public final boolean isQueued(Thread thread) {
        if (thread == null) {
            throw new NullPointerException();
        }
        synchronized (monitor) {
            for (Node n : queue) {
                if (n.thread == thread) {
                    return true;
                }
            }
            return false;
        }
    }

    public final boolean hasQueuedPredecessors() {
        synchronized (monitor) {
            for (Node n : queue) {
                return n.thread != Thread.currentThread();
            }
            return false;
        }
    }

    public final int getQueueLength() {
        synchronized (monitor) {
            return queue.size();
        }
    }

    public final Collection<Thread> getQueuedThreads() {
        return threads(null);
    }

    public final Collection<Thread> getExclusiveQueuedThreads() {
        return threads(Boolean.FALSE);
    }

    public final Collection<Thread> getSharedQueuedThreads() {
        return threads(Boolean.TRUE);
    }

    /** The JDK lists the queue from its tail. */
    private Collection<Thread> threads(Boolean shared) {
        synchronized (monitor) {
            ArrayList<Thread> list = new ArrayList<>();
            Iterator<Node> it = queue.descendingIterator();
            while (it.hasNext()) {
                Node n = it.next();
                if (shared == null || n.shared == shared) {
                    list.add(n.thread);
                }
            }
            return list;
        }
    }

    public final boolean owns(ConditionObject condition) {
        return condition.owner() == this;
    }

    public final boolean hasWaiters(ConditionObject condition) {
        return condition.checkedOwner(this).hasWaiters();
    }

    public final int getWaitQueueLength(ConditionObject condition) {
        return condition.checkedOwner(this).getWaitQueueLength();
    }

    public final Collection<Thread> getWaitingThreads(ConditionObject condition) {
        return condition.checkedOwner(this).getWaitingThreads();
    }

    @Override
    public String toString() {
        return super.toString() + "[State = " + getState() + ", " + (hasQueuedThreads() ? "non" : "") + "empty queue]";
    }

    /**
     * Condition of an exclusive AQS: await releases the whole state (getState()), waits for a
     * signal, then acquires that state again before returning or throwing.
     */
    public class ConditionObject implements Condition, java.io.Serializable {
        private final LinkedList<Object[]> waiters = new LinkedList<>();

        public ConditionObject() {
        }

        TAbstractQueuedSynchronizer owner() {
            return TAbstractQueuedSynchronizer.this;
        }

        ConditionObject checkedOwner(TAbstractQueuedSynchronizer sync) {
            if (sync == null) {
                throw new NullPointerException();
            }
            if (owner() != sync) {
                throw new IllegalArgumentException("Not owner");
            }
            return this;
        }

        /** Returns the nanoseconds left (for an untimed wait, 1); zero or less when it timed out. */
        private long await(boolean interruptible, boolean timed, long nanos) throws InterruptedException {
            if (!isHeldExclusively()) {
                throw new IllegalMonitorStateException();
            }
            if (interruptible && Thread.interrupted()) {
                throw new InterruptedException();
            }
            Object[] me = {Thread.currentThread(), Boolean.FALSE};
            int saved = getState();
            synchronized (monitor) {
                waiters.addLast(me);
            }
            if (!release(saved)) {
                synchronized (monitor) {
                    waiters.remove(me);
                }
                throw new IllegalMonitorStateException();
            }
            long deadline = System.nanoTime() + nanos;
            long left = 1;
            boolean interrupted = false;
            synchronized (monitor) {
                while (me[1] == Boolean.FALSE) {
                    if (timed) {
                        left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                    }
                    try {
                        if (timed) {
                            Waits.waitNanos(monitor, left);
                        } else {
                            monitor.wait();
                        }
                    } catch (InterruptedException e) {
                        interrupted = true;
                        if (interruptible) {
                            break;
                        }
                    }
                }
                waiters.remove(me);
            }
            try {
                acquire(false, saved, false, false, 0);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                if (interruptible) {
                    throw new InterruptedException();
                }
                Thread.currentThread().interrupt();
            }
            return timed ? (me[1] == Boolean.TRUE ? Math.max(1, deadline - System.nanoTime()) : left) : 1;
        }

        @Override
        public final void await() throws InterruptedException {
            await(true, false, 0);
        }

        @Override
        public final void awaitUninterruptibly() {
            try {
                await(false, false, 0);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public final long awaitNanos(long nanosTimeout) throws InterruptedException {
            return await(true, true, nanosTimeout);
        }

        @Override
        public final boolean await(long time, TimeUnit unit) throws InterruptedException {
            return await(true, true, unit.toNanos(time)) > 0;
        }

        @Override
        public final boolean awaitUntil(Date deadline) throws InterruptedException {
            return await(true, true, TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis())) > 0;
        }

        @Override
        public final void signal() {
            if (!isHeldExclusively()) {
                throw new IllegalMonitorStateException();
            }
            synchronized (monitor) {
                Object[] first = waiters.pollFirst();
                if (first != null) {
                    first[1] = Boolean.TRUE;
                    monitor.notifyAll();
                }
            }
        }

        @Override
        public final void signalAll() {
            if (!isHeldExclusively()) {
                throw new IllegalMonitorStateException();
            }
            synchronized (monitor) {
                for (Object[] w : waiters) {
                    w[1] = Boolean.TRUE;
                }
                waiters.clear();
                monitor.notifyAll();
            }
        }

        protected final boolean hasWaiters() {
            if (!isHeldExclusively()) {
                throw new IllegalMonitorStateException();
            }
            synchronized (monitor) {
                return !waiters.isEmpty();
            }
        }

        protected final int getWaitQueueLength() {
            if (!isHeldExclusively()) {
                throw new IllegalMonitorStateException();
            }
            synchronized (monitor) {
                return waiters.size();
            }
        }

        protected final Collection<Thread> getWaitingThreads() {
            if (!isHeldExclusively()) {
                throw new IllegalMonitorStateException();
            }
            synchronized (monitor) {
                ArrayList<Thread> list = new ArrayList<>();
                for (int i = waiters.size() - 1; i >= 0; i--) {
                    list.add((Thread) waiters.get(i)[0]);
                }
                return list;
            }
        }
    }
}
