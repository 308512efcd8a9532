package dev.kiln.libos.classlib.java.nio.channels;

import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Network;
import dev.kiln.libos.socket.Waitable;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * java.nio.channels.Selector in native images. A selection asks each registered channel's socket
 * what it could do now ({@link TSelectableChannel#readyOps()}: the stack's own readiness, no
 * system call); if nothing is ready, select() parks its green thread as a blocking socket call
 * does ({@link Blocker#await}): the event loop resumes it when a frame or a timer of the stack made
 * one of its channels ready, its timeout passed, wakeup() was called or it was closed. No thread
 * polls. The key sets keep registration order (the JDK's order is its hash sets').
 */
public class TSelector implements Closeable {
    private final LinkedHashSet<TSelectionKey> keys = new LinkedHashSet<>();
    private final Set<TSelectionKey> publicKeys = Collections.unmodifiableSet(keys);
    private final LinkedHashSet<TSelectionKey> selected = new LinkedHashSet<>();
    private final ArrayList<TSelectionKey> cancelled = new ArrayList<>();
    private final Readiness readiness = new Readiness();
    private volatile boolean wakeupPending;
    private volatile boolean open = true;
    private Network net;

    protected TSelector() {
    }

    public static TSelector open() throws IOException {
        return new TSelector();
    }

    public boolean isOpen() {
        return open;
    }

    public Set<TSelectionKey> keys() {
        checkOpen();
        return publicKeys;
    }

    /** The keys found ready; the caller removes those it handled (the selector only adds). */
    public Set<TSelectionKey> selectedKeys() {
        checkOpen();
        return selected;
    }

    public int selectNow() throws IOException {
        return select(false, 0);
    }

    public int select(long timeout) throws IOException {
        if (timeout < 0) {
            throw new IllegalArgumentException("Negative timeout");
        }
        return select(true, timeout);
    }

    public int select() throws IOException {
        return select(true, 0);
    }

    /** Makes the select() under way (or the next one) return at once. */
    public TSelector wakeup() {
        synchronized (this) {
            wakeupPending = true;
            notifyAll();
        }
        Network n = net;
        if (n != null) {
            n.blocker.enter();
            try {
                n.blocker.wakeAll();
            } finally {
                n.blocker.exit();
            }
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        wakeup();
        synchronized (this) {
            for (TSelectionKey k : new ArrayList<>(keys)) {
                k.cancel();
            }
            keys.clear();
            selected.clear();
            cancelled.clear();
        }
    }

    private int select(boolean block, long timeoutMillis) throws IOException {
        checkOpen();
        synchronized (this) {
            dropCancelled();
            int n = update();
            if (n > 0 || !block || wakeupPending) {
                wakeupPending = false;
                return n;
            }
            if (net == null) {
                for (TSelectionKey k : keys) {
                    if (k.channel().net != null) {
                        net = k.channel().net;
                        break;
                    }
                }
            }
            if (net == null) {
                // No registered channel has a socket yet, so none can become ready: only wakeup(),
                // close() or the timeout end this select (and the VM needs no network for it).
                try {
                    if (timeoutMillis == 0) {
                        wait();
                    } else {
                        wait(timeoutMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // as the JDK's: select returns, the status stays set
                }
                wakeupPending = false;
                if (!open) {
                    return 0;
                }
                dropCancelled();
                return update();
            }
        }
        Network network = net;
        Blocker b = network.blocker;
        b.enter();
        try {
            b.await(readiness, Waitable.READ, timeoutMillis == 0 ? 0 : network.deadline(clampMillis(timeoutMillis)));
        } finally {
            b.exit();
        }
        synchronized (this) {
            wakeupPending = false;
            if (!open) {
                return 0;
            }
            dropCancelled();
            return update();
        }
    }

    private static int clampMillis(long ms) {
        return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
    }

    /** Adds the ready keys to the selected set (a key already there gets its new ready operations added); how many changed. */
    private int update() {
        int n = 0;
        for (TSelectionKey k : keys) {
            if (!k.isValid()) {
                continue;
            }
            int ready = k.channel().readyOps() & k.interestOps();
            if (ready == 0) {
                continue;
            }
            if (selected.contains(k)) {
                if ((k.readyOps | ready) != k.readyOps) {
                    k.readyOps |= ready;
                    n++;
                }
            } else {
                k.readyOps = ready;
                selected.add(k);
                n++;
            }
        }
        return n;
    }

    private void dropCancelled() {
        for (int i = 0; i < cancelled.size(); i++) {
            TSelectionKey k = cancelled.get(i);
            keys.remove(k);
            selected.remove(k);
        }
        cancelled.clear();
    }

    synchronized TSelectionKey register(TSelectableChannel ch, int ops, Object att) {
        checkOpen();
        TSelectionKey k = new TSelectionKey(ch, this, ops, att);
        keys.add(k);
        if (net == null) {
            net = ch.net;
        }
        return k;
    }

    synchronized void cancelled(TSelectionKey k) {
        cancelled.add(k);
    }

    /** A key's interest changed: a select() under way looks again (its channel may be ready for the new operations). */
    void interestChanged() {
        Network n = net;
        if (n != null) {
            n.blocker.enter();
            try {
                n.blocker.wakeAll();
            } finally {
                n.blocker.exit();
            }
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new TClosedSelectorException();
        }
    }

    /** What select() waits for: a registered channel ready for one of its key's interests, a wakeup, or close. */
    private final class Readiness implements Waitable {
        @Override
        public boolean isReady(int interest) {
            if (wakeupPending || !open) {
                return true;
            }
            for (TSelectionKey k : keys) {
                if (k.isValid() && (k.channel().readyOps() & k.interestOps()) != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
