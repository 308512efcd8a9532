package dev.kiln.libos.classlib.java.nio.channels;

import dev.kiln.libos.socket.Network;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;

/**
 * java.nio.channels.SelectableChannel in native images: a channel of libos's stack that can be
 * blocking (its calls park the green thread, as java.net's do) or non-blocking (they return at
 * once) and registered with {@link TSelector}s, which ask {@link #readyOps()} what its socket could
 * do now. (The JDK puts spi.AbstractSelectableChannel and AbstractInterruptibleChannel between
 * this class and the socket channels; Kiln's images have neither, nor interruptible I/O.)
 */
public abstract class TSelectableChannel implements java.nio.channels.Channel {
    Network net;
    private boolean blocking = true;
    private boolean open = true;
    private final ArrayList<TSelectionKey> keys = new ArrayList<>();
    private final Object blockingLock = new Object();

    protected TSelectableChannel() {
    }

    public abstract int validOps();

    /** The operations (SelectionKey.OP_*) the socket could do now without waiting; never blocks. */
    abstract int readyOps();

    /** Closes the socket itself (keys are cancelled and waiters woken by {@link #close()}). */
    abstract void implClose();

    public final boolean isRegistered() {
        synchronized (keys) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).isValid()) {
                    return true;
                }
            }
            return false;
        }
    }

    public final TSelectionKey keyFor(TSelector sel) {
        synchronized (keys) {
            for (int i = 0; i < keys.size(); i++) {
                TSelectionKey k = keys.get(i);
                if (k.selector() == sel && k.isValid()) {
                    return k;
                }
            }
            return null;
        }
    }

    public final TSelectionKey register(TSelector sel, int ops) throws ClosedChannelException {
        return register(sel, ops, null);
    }

    public final TSelectionKey register(TSelector sel, int ops, Object att) throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if ((ops & ~validOps()) != 0) {
            throw new IllegalArgumentException();
        }
        if (blocking) {
            throw new TIllegalBlockingModeException();
        }
        TSelectionKey k = keyFor(sel);
        if (k != null) {
            k.interestOps(ops);
            k.attach(att);
            return k;
        }
        k = sel.register(this, ops, att);
        synchronized (keys) {
            keys.add(k);
        }
        return k;
    }

    public final TSelectableChannel configureBlocking(boolean block) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (block && isRegistered()) {
            throw new TIllegalBlockingModeException();
        }
        blocking = block;
        return this;
    }

    public final boolean isBlocking() {
        return blocking;
    }

    public final Object blockingLock() {
        return blockingLock;
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    /** Closes the channel: its keys are cancelled, blocked calls and selectors waiting on it wake up. */
    @Override
    public final void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        TSelectionKey[] all;
        synchronized (keys) {
            all = keys.toArray(new TSelectionKey[0]);
            keys.clear();
        }
        for (TSelectionKey k : all) {
            k.cancel();
        }
        if (net != null) {
            net.blocker.enter();
            try {
                implClose();
                net.blocker.wakeAll();
            } finally {
                net.blocker.exit();
            }
        }
    }

    /** The network, started by the first socket; a SocketException when the VM has none (as java.net). */
    static Network network() throws java.net.SocketException {
        Network n = Network.get();
        if (n == null) {
            throw new java.net.SocketException(Network.unavailableReason());
        }
        return n;
    }

    void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    /** IPv4 address of an InetSocketAddress as the stack's int. */
    static int ipv4(java.net.InetSocketAddress a) {
        byte[] b = a.getAddress().getAddress();
        if (b.length != 4) {
            throw new TUnsupportedAddressTypeException();
        }
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    static java.net.InetSocketAddress address(int ip, int port) {
        byte[] b = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        try {
            return new java.net.InetSocketAddress(java.net.InetAddress.getByAddress(b), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
