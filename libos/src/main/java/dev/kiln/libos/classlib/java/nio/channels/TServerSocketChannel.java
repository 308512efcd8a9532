package dev.kiln.libos.classlib.java.nio.channels;

import dev.kiln.libos.net.TcpListener;
import dev.kiln.libos.net.TcpSocket;
import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Waitable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * java.nio.channels.ServerSocketChannel in native images: a {@link TcpListener} of libos's stack.
 * accept() returns a connected SocketChannel (in blocking mode, as the JDK's), parks in blocking
 * mode until a connection is established, and returns null at once in non-blocking mode when none
 * is; OP_ACCEPT is ready while established connections wait in the accept queue.
 */
public class TServerSocketChannel extends TSelectableChannel {
    private static final int DEFAULT_BACKLOG = 50;
    private TcpListener listener;
    private final Readiness readiness = new Readiness();

    protected TServerSocketChannel() {
    }

    public static TServerSocketChannel open() throws IOException {
        return new TServerSocketChannel();
    }

    @Override
    public final int validOps() {
        return TSelectionKey.OP_ACCEPT;
    }

    @Override
    int readyOps() {
        return isOpen() && listener != null && listener.isAcceptable() ? TSelectionKey.OP_ACCEPT : 0;
    }

    public final TServerSocketChannel bind(java.net.SocketAddress local) throws IOException {
        return bind(local, 0);
    }

    /** Listens on the interface's address (there is one interface; any local address given is accepted). */
    public TServerSocketChannel bind(java.net.SocketAddress local, int backlog) throws IOException {
        ensureOpen();
        if (listener != null) {
            throw new TAlreadyBoundException();
        }
        int port = 0;
        if (local != null) {
            if (!(local instanceof InetSocketAddress)) {
                throw new TUnsupportedAddressTypeException();
            }
            InetSocketAddress a = (InetSocketAddress) local;
            if (a.isUnresolved()) {
                throw new TUnresolvedAddressException();
            }
            port = a.getPort();
        }
        if (net == null) {
            net = network();
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            try {
                listener = net.stack.listen(port, backlog < 1 ? DEFAULT_BACKLOG : backlog);
            } catch (IllegalStateException e) {
                throw new java.net.BindException("Address already in use");
            }
        } finally {
            b.exit();
        }
        return this;
    }

    public TSocketChannel accept() throws IOException {
        ensureOpen();
        if (listener == null) {
            throw new TNotYetBoundException();
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            for (;;) {
                TcpSocket c = listener.accept();
                if (c != null) {
                    return new TSocketChannel(net, c);
                }
                if (!isBlocking()) {
                    return null;
                }
                b.await(readiness, Waitable.ACCEPT, 0);
                ensureOpen();
            }
        } finally {
            b.exit();
        }
    }

    public java.net.SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return listener == null ? null : address(0, listener.port());
    }

    @Override
    void implClose() {
        if (listener != null) {
            listener.close();
        }
    }

    @Override
    public String toString() {
        if (!isOpen()) {
            return "java.nio.channels.ServerSocketChannel[closed]";
        }
        return listener == null ? "java.nio.channels.ServerSocketChannel[unbound]"
                : "java.nio.channels.ServerSocketChannel[" + address(0, listener.port()) + "]";
    }

    private final class Readiness implements Waitable {
        @Override
        public boolean isReady(int interest) {
            return !isOpen() || listener.isAcceptable();
        }
    }
}
