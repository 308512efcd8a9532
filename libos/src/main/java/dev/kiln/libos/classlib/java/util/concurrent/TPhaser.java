package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reusable barrier with a changing number of parties, in trees (tiering) as the JDK's: a child
 * phaser counts as one party of its parent while it has parties of its own (registered with the
 * parent when it gets its first, deregistered when it loses its last), and arrives at its parent
 * once all its own parties arrived. The phase number and termination are the root's, so every
 * phaser of a tree advances together; onAdvance is asked at the root only. One monitor (the
 * root's) guards the whole tree.
 */
public class TPhaser {
    private static final int MAX_PHASE = Integer.MAX_VALUE;
    private static final int MAX_PARTIES = 0xffff;

    private final TPhaser parent;
    private final TPhaser root;
    private final Object sync;
    /** Only the root's are used. */
    private int phase;
    private boolean terminated;
    private int parties;
    private int unarrived;

    public TPhaser() {
        this(null, 0);
    }

    public TPhaser(int parties) {
        this(null, parties);
    }

    public TPhaser(TPhaser parent) {
        this(parent, 0);
    }

    public TPhaser(TPhaser parent, int parties) {
        if (parties < 0 || parties > MAX_PARTIES) {
            throw new IllegalArgumentException("Illegal number of parties");
        }
        this.parent = parent;
        this.root = parent == null ? this : parent.root;
        this.sync = parent == null ? new Object() : parent.sync;
        this.parties = parties;
        this.unarrived = parties;
        if (parent != null && parties > 0) {
            parent.bulkRegister(1);
        }
    }

    private int reportedPhase() {
        return root.terminated ? root.phase | Integer.MIN_VALUE : root.phase;
    }

    public int register() {
        return bulkRegister(1);
    }

    public int bulkRegister(int n) {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (sync) {
            if (root.terminated) {
                return reportedPhase();
            }
            if (parties + n > MAX_PARTIES) {
                throw new IllegalStateException("Attempt to register more than " + MAX_PARTIES + " parties for "
                        + this);
            }
            if (n > 0 && parties == 0 && parent != null) {
                parent.bulkRegister(1);
            }
            parties += n;
            unarrived += n;
            return root.phase;
        }
    }

    public int arrive() {
        return doArrive(false);
    }

    public int arriveAndDeregister() {
        return doArrive(true);
    }

    private int doArrive(boolean deregister) {
        synchronized (sync) {
            if (root.terminated) {
                return reportedPhase();
            }
            if (unarrived <= 0) {
                throw new IllegalStateException(badArrive());
            }
            int arrivedPhase = root.phase;
            unarrived--;
            if (deregister) {
                parties--;
            }
            if (unarrived == 0) {
                if (parent == null) {
                    advance();
                } else {
                    // all of this phaser's parties arrived: it arrives at its parent (leaving it when empty)
                    unarrived = parties;
                    parent.doArrive(parties == 0);
                }
            }
            return arrivedPhase;
        }
    }

    private String badArrive() {
        return "Attempted arrival of unregistered party for " + this;
    }

    /** At the root, when every party arrived. */
    private void advance() {
        if (onAdvance(phase, parties)) {
            terminated = true;
        } else {
            phase = (phase + 1) & MAX_PHASE;
        }
        unarrived = parties;
        sync.notifyAll();
    }

    public int arriveAndAwaitAdvance() {
        synchronized (sync) {
            int arrived = doArrive(false);
            if (arrived < 0) {
                return arrived;
            }
            return awaitAdvance(arrived);
        }
    }

    public int awaitAdvance(int phase) {
        synchronized (sync) {
            if (phase < 0) {
                return phase;
            }
            boolean interrupted = false;
            while (root.phase == phase && !root.terminated) {
                interrupted |= Waits.waitUninterruptibly(sync);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return reportedPhase();
        }
    }

    public int awaitAdvanceInterruptibly(int phase) throws InterruptedException {
        synchronized (sync) {
            if (phase < 0) {
                return phase;
            }
            Waits.checkInterrupt();
            while (root.phase == phase && !root.terminated) {
                sync.wait();
            }
            return reportedPhase();
        }
    }

    public int awaitAdvanceInterruptibly(int phase, long timeout, TimeUnit unit)
            throws InterruptedException, TimeoutException {
        synchronized (sync) {
            if (phase < 0) {
                return phase;
            }
            Waits.checkInterrupt();
            long left = unit.toNanos(timeout);
            while (root.phase == phase && !root.terminated) {
                if (left <= 0) {
                    throw new TimeoutException();
                }
                left = Waits.waitNanos(sync, left);
            }
            return reportedPhase();
        }
    }

    public void forceTermination() {
        synchronized (sync) {
            if (!root.terminated) {
                root.terminated = true;
                sync.notifyAll();
            }
        }
    }

    public final int getPhase() {
        synchronized (sync) {
            return reportedPhase();
        }
    }

    public int getRegisteredParties() {
        synchronized (sync) {
            return parties;
        }
    }

    public int getArrivedParties() {
        synchronized (sync) {
            return parties - unarrived;
        }
    }

    public int getUnarrivedParties() {
        synchronized (sync) {
            return unarrived;
        }
    }

    public TPhaser getParent() {
        return parent;
    }

    public TPhaser getRoot() {
        return root;
    }

    public boolean isTerminated() {
        synchronized (sync) {
            return root.terminated;
        }
    }

    protected boolean onAdvance(int phase, int registeredParties) {
        return registeredParties == 0;
    }

    @Override
    public String toString() {
        synchronized (sync) {
            return super.toString() + "[phase = " + reportedPhase() + " parties = " + parties + " arrived = "
                    + (parties - unarrived) + "]";
        }
    }
}
