package dev.kiln.libos.classlib.java.net;

import dev.kiln.libos.net.TcpListener;
import dev.kiln.libos.net.TcpSocket;
import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Network;
import dev.kiln.libos.socket.Waitable;
import java.io.IOException;

/**
 * java.net.ServerSocket in native images: a {@link TcpListener} of libos's stack. accept()
 * parks its green thread until a connection is established (or SO_TIMEOUT passes: a
 * SocketTimeoutException, and the server socket stays usable); close() wakes it with
 * SocketException "Socket closed". A port already listened on is a BindException.
 */
public class TServerSocket implements java.io.Closeable {
    private static final int DEFAULT_BACKLOG = 50;
    private Network net;
    private TcpListener listener;
    private boolean closed;
    private int soTimeout;
    private boolean reuseAddress = true;
    private int receiveBufferSize;
    private final Readiness readiness = new Readiness();

    public TServerSocket() throws IOException {
    }

    public TServerSocket(int port) throws IOException {
        this(port, DEFAULT_BACKLOG, null);
    }

    public TServerSocket(int port, int backlog) throws IOException {
        this(port, backlog, null);
    }

    public TServerSocket(int port, int backlog, TInetAddress bindAddr) throws IOException {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("Port value out of range: " + port);
        }
        try {
            bind(new TInetSocketAddress(bindAddr, port), backlog);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public void bind(TSocketAddress endpoint) throws IOException {
        bind(endpoint, DEFAULT_BACKLOG);
    }

    /** Listens on the interface's address (any local address given is accepted: there is one interface). */
    public void bind(TSocketAddress endpoint, int backlog) throws IOException {
        checkOpen();
        if (listener != null) {
            throw new TSocketException("Already bound");
        }
        if (endpoint == null) {
            endpoint = new TInetSocketAddress(0);
        }
        if (!(endpoint instanceof TInetSocketAddress)) {
            throw new IllegalArgumentException("Unsupported address type");
        }
        TInetSocketAddress a = (TInetSocketAddress) endpoint;
        if (a.isUnresolved()) {
            throw new TSocketException("Unresolved address");
        }
        if (net == null) {
            net = TSocket.network();
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            TcpListener l;
            try {
                l = net.stack.listen(a.getPort(), backlog < 1 ? DEFAULT_BACKLOG : backlog);
            } catch (IllegalStateException e) {
                throw new TBindException("Address already in use");
            }
            if (receiveBufferSize > 0) {
                l.setBufferSizes(64 * 1024, receiveBufferSize);
            }
            listener = l;
        } finally {
            b.exit();
        }
    }

    public TSocket accept() throws IOException {
        checkOpen();
        if (listener == null) {
            throw new TSocketException("Socket is not bound yet");
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            long deadline = net.deadline(soTimeout);
            for (;;) {
                TcpSocket c = listener.accept();
                if (c != null) {
                    return new TSocket(net, c);
                }
                if (!b.await(readiness, Waitable.ACCEPT, deadline)) {
                    throw new TSocketTimeoutException("Accept timed out");
                }
                if (closed) {
                    throw new TSocketException("Socket closed");
                }
            }
        } finally {
            b.exit();
        }
    }

    /** Stops listening: connections not yet accepted are reset; a blocked accept() throws. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (net == null) {
            closed = true;
            return;
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            closed = true;
            if (listener != null) {
                listener.close();
            }
            b.wakeAll();
        } finally {
            b.exit();
        }
    }

    public boolean isBound() {
        return listener != null;
    }

    public boolean isClosed() {
        return closed;
    }

    public int getLocalPort() {
        return listener != null ? listener.port() : -1;
    }

    public TInetAddress getInetAddress() {
        return listener != null ? new TInet4Address("0.0.0.0", 0) : null;
    }

    public TSocketAddress getLocalSocketAddress() {
        return listener != null ? new TInetSocketAddress(getInetAddress(), getLocalPort()) : null;
    }

    public void setSoTimeout(int timeout) throws TSocketException {
        checkOpen();
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        soTimeout = timeout;
    }

    public int getSoTimeout() throws IOException {
        checkOpen();
        return soTimeout;
    }

    /** Recorded only: the stack lets a port be listened on again while old connections are in TIME-WAIT. */
    public void setReuseAddress(boolean on) throws TSocketException {
        checkOpen();
        reuseAddress = on;
    }

    public boolean getReuseAddress() throws TSocketException {
        checkOpen();
        return reuseAddress;
    }

    /** The receive buffer of connections accepted from now on. */
    public void setReceiveBufferSize(int size) throws TSocketException {
        if (size <= 0) {
            throw new IllegalArgumentException("negative receive size");
        }
        checkOpen();
        receiveBufferSize = size;
        if (listener != null) {
            listener.setBufferSizes(64 * 1024, size);
        }
    }

    public int getReceiveBufferSize() throws TSocketException {
        checkOpen();
        return receiveBufferSize > 0 ? receiveBufferSize : 64 * 1024;
    }

    @Override
    public String toString() {
        if (listener == null) {
            return "ServerSocket[unbound]";
        }
        return "ServerSocket[addr=" + getInetAddress() + ",localport=" + getLocalPort() + "]";
    }

    private final class Readiness implements Waitable {
        @Override
        public boolean isReady(int interest) {
            return closed || listener.isAcceptable();
        }
    }

    /** Every option and operation of a closed socket fails as on HotSpot. */
    private void checkOpen() throws TSocketException {
        if (closed) {
            throw new TSocketException("Socket is closed");
        }
    }
}
