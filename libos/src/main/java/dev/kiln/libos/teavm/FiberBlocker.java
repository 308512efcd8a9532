package dev.kiln.libos.teavm;

import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Waitable;
import java.util.ArrayList;
import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;

/**
 * Blocking for green threads: a call that must wait suspends its fiber (TeaVM's @Async, the
 * mechanism of its own Thread.sleep and Object.wait) and registers what it waits for; the event
 * loop ({@link ImageNetwork#pump}) resumes it when that became ready or its deadline passed.
 * Only one fiber runs at a time, so enter/exit have nothing to lock.
 */
final class FiberBlocker implements Blocker {
    private final ArrayList<Waiter> waiters = new ArrayList<>();
    private final ArrayList<Waiter> due = new ArrayList<>();
    /** How many waiters the last wake() resumed. */
    int resumed;

    static final class Waiter {
        final Waitable what;
        final int interest;
        final long deadline;
        AsyncCallback<Void> callback;
        boolean ready;

        Waiter(Waitable what, int interest, long deadline) {
            this.what = what;
            this.interest = interest;
            this.deadline = deadline;
        }
    }

    @Override
    public void enter() {
    }

    @Override
    public void exit() {
    }

    @Override
    public boolean await(Waitable w, int interest, long deadlineNanos) {
        if (w.isReady(interest)) {
            return true;
        }
        Waiter x = new Waiter(w, interest, deadlineNanos);
        waiters.add(x);
        park(x);
        return x.ready;
    }

    /** Closing a socket changes what its waiters see; the loop re-checks every waiter after each event anyway. */
    @Override
    public void wakeAll() {
    }

    @Async
    private static native void park(Waiter x);

    private static void park(Waiter x, AsyncCallback<Void> callback) {
        x.callback = callback;
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    /**
     * Resumes the waiters that are ready or past their deadline (each runs until it parks again
     * or ends) and returns the earliest deadline of those still waiting (Long.MAX_VALUE: none).
     */
    long wake(long now) {
        long earliest = Long.MAX_VALUE;
        int kept = 0;
        for (int i = 0; i < waiters.size(); i++) {
            Waiter x = waiters.get(i);
            boolean ready = x.what.isReady(x.interest);
            if (ready || (x.deadline != 0 && now - x.deadline >= 0)) {
                x.ready = ready;
                due.add(x);
            } else {
                waiters.set(kept++, x);
                if (x.deadline != 0 && x.deadline < earliest) {
                    earliest = x.deadline;
                }
            }
        }
        for (int i = waiters.size() - 1; i >= kept; i--) {
            waiters.remove(i);
        }
        // Resumed fibers may park again (adding to waiters): the list is not being walked now.
        resumed = due.size();
        for (int i = 0; i < due.size(); i++) {
            Waiter x = due.get(i);
            due.set(i, null);
            AsyncCallback<Void> cb = x.callback;
            x.callback = null;
            cb.complete(null);
        }
        due.clear();
        return earliest;
    }
}
