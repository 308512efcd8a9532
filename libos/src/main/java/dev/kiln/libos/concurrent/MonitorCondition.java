package dev.kiln.libos.concurrent;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * Condition of an exclusive lock (ReentrantLock, a ReentrantReadWriteLock's write lock): waiters
 * queue in order, signal() wakes the first one, and every waiter takes the lock again, with its
 * hold count, before await returns or throws.
 */
public final class MonitorCondition implements Condition {
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        boolean signalled;
    }

    private final ExclusiveOwner owner;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    public MonitorCondition(ExclusiveOwner owner) {
        this.owner = owner;
    }

    @Override
    public void await() throws InterruptedException {
        await(false, 0, true);
    }

    @Override
    public void awaitUninterruptibly() {
        try {
            await(false, 0, false);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        return await(true, nanosTimeout, true);
    }

    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return await(true, unit.toNanos(time), true) > 0;
    }

    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long millis = deadline.getTime() - System.currentTimeMillis();
        return await(true, TimeUnit.MILLISECONDS.toNanos(millis), true) > 0;
    }

    /** Returns the nanoseconds left (zero or less: timed out; for an untimed wait, 1). */
    private long await(boolean timed, long nanos, boolean interruptible) throws InterruptedException {
        Object monitor = owner.monitor();
        synchronized (monitor) {
            if (!owner.heldByCurrentThread()) {
                throw new IllegalMonitorStateException();
            }
            if (interruptible && Thread.interrupted()) {
                throw new InterruptedException();
            }
            Waiter me = new Waiter();
            waiters.addLast(me);
            int holds = owner.releaseAll();
            long deadline = System.nanoTime() + nanos;
            boolean interrupted = false;
            long left = 1;
            while (!me.signalled) {
                if (timed) {
                    left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        Waits.waitNanos(monitor, left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                } else if (Waits.waitUninterruptibly(monitor)) {
                    interrupted = true;
                }
                if (interrupted && interruptible) {
                    break;
                }
            }
            if (!me.signalled) {
                waiters.remove(me);
            }
            owner.reacquire(holds);
            if (interrupted) {
                if (interruptible) {
                    throw new InterruptedException();
                }
                Thread.currentThread().interrupt();
            }
            return timed ? (me.signalled ? Math.max(1, deadline - System.nanoTime()) : left) : 1;
        }
    }

    @Override
    public void signal() {
        synchronized (owner.monitor()) {
            if (!owner.heldByCurrentThread()) {
                throw new IllegalMonitorStateException();
            }
            Waiter first = waiters.pollFirst();
            if (first != null) {
                first.signalled = true;
                owner.monitor().notifyAll();
            }
        }
    }

    @Override
    public void signalAll() {
        synchronized (owner.monitor()) {
            if (!owner.heldByCurrentThread()) {
                throw new IllegalMonitorStateException();
            }
            if (!waiters.isEmpty()) {
                for (Waiter w : waiters) {
                    w.signalled = true;
                }
                waiters.clear();
                owner.monitor().notifyAll();
            }
        }
    }

    /** The number of threads waiting (for ReentrantLock.getWaitQueueLength); the lock is held. */
    public int waiting() {
        synchronized (owner.monitor()) {
            if (!owner.heldByCurrentThread()) {
                throw new IllegalMonitorStateException();
            }
            return waiters.size();
        }
    }

    public Collection<Thread> waitingThreads() {
        synchronized (owner.monitor()) {
            if (!owner.heldByCurrentThread()) {
                throw new IllegalMonitorStateException();
            }
            Collection<Thread> threads = new ArrayList<>();
            for (Waiter w : waiters) {
                threads.add(w.thread);
            }
            return threads;
        }
    }

    public boolean belongsTo(ExclusiveOwner lock) {
        return owner == lock;
    }
}
