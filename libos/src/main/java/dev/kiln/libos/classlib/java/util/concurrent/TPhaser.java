package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.Waits;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reusable barrier with a changing number of parties (root phasers only: no tiering). The
 * phase number advances when the last registered party arrives, onAdvance deciding whether the
 * phaser terminates (its phase then negative).
 */
public class TPhaser {
    private static final int MAX_PHASE = Integer.MAX_VALUE;
    private static final int MAX_PARTIES = 0xffff;

    private final Object sync = new Object();
    private int phase;
    private int parties;
    private int unarrived;
    private boolean terminated;

    public TPhaser() {
        this(0);
    }

    public TPhaser(int parties) {
        if (parties < 0 || parties > MAX_PARTIES) {
            throw new IllegalArgumentException("Illegal number of parties");
        }
        this.parties = parties;
        this.unarrived = parties;
    }

    private int reportedPhase() {
        return terminated ? phase | Integer.MIN_VALUE : phase;
    }

    public int register() {
        return bulkRegister(1);
    }

    public int bulkRegister(int n) {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (sync) {
            if (terminated) {
                return reportedPhase();
            }
            if (parties + n > MAX_PARTIES) {
                throw new IllegalStateException("Attempt to register more than " + MAX_PARTIES + " parties for "
                        + this);
            }
            parties += n;
            unarrived += n;
            return phase;
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
            if (terminated) {
                return reportedPhase();
            }
            if (unarrived <= 0) {
                throw new IllegalStateException(badArrive());
            }
            int arrivedPhase = phase;
            unarrived--;
            if (deregister) {
                parties--;
            }
            if (unarrived == 0) {
                advance();
            }
            return arrivedPhase;
        }
    }

    private String badArrive() {
        return "Attempted arrival of unregistered party for " + this;
    }

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
            while (this.phase == phase && !terminated) {
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
            while (this.phase == phase && !terminated) {
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
            while (this.phase == phase && !terminated) {
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
            if (!terminated) {
                terminated = true;
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
        return null;
    }

    public TPhaser getRoot() {
        return this;
    }

    public boolean isTerminated() {
        synchronized (sync) {
            return terminated;
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
