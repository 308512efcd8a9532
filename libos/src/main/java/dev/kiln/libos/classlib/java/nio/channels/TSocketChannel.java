package dev.kiln.libos.classlib.java.nio.channels;

import dev.kiln.libos.net.NetStack;
import dev.kiln.libos.net.TcpSocket;
import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Network;
import dev.kiln.libos.socket.Waitable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * java.nio.channels.SocketChannel in native images, on a {@link TcpSocket} of libos's stack.
 * Blocking mode (the default) behaves as java.net.Socket; non-blocking connect() sends the SYN and
 * returns false, finishConnect() says whether the handshake ended (or throws ConnectException
 * "Connection refused"), read() returns 0 when nothing has arrived and write() what the send
 * buffer took. Readiness for a Selector: OP_CONNECT once the handshake ended either way, OP_READ
 * with data, end of stream or an error to report, OP_WRITE with room in the send buffer.
 */
public class TSocketChannel extends TSelectableChannel implements java.nio.channels.ByteChannel {
    private TcpSocket tcp;
    private boolean pending;
    private boolean connected;
    private boolean inputShutdown;
    private boolean outputShutdown;
    private final Readiness readiness = new Readiness();
    private byte[] scratch;

    protected TSocketChannel() {
    }

    /** An accepted connection (ServerSocketChannel.accept). */
    TSocketChannel(Network net, TcpSocket tcp) {
        this.net = net;
        this.tcp = tcp;
        this.connected = true;
    }

    public static TSocketChannel open() throws IOException {
        return new TSocketChannel();
    }

    public static TSocketChannel open(java.net.SocketAddress remote) throws IOException {
        TSocketChannel c = new TSocketChannel();
        try {
            c.connect(remote);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public final int validOps() {
        return TSelectionKey.OP_READ | TSelectionKey.OP_WRITE | TSelectionKey.OP_CONNECT;
    }

    @Override
    int readyOps() {
        if (!isOpen()) {
            return 0;
        }
        if (tcp == null) {
            // Never connected: Linux's poll reports such a socket hung up, which the JDK's selector
            // turns into every operation of the key's interest set being ready.
            return TSelectionKey.OP_READ | TSelectionKey.OP_WRITE | TSelectionKey.OP_CONNECT;
        }
        if (!connected) {
            return pending && !tcp.isConnecting() ? TSelectionKey.OP_CONNECT : 0;
        }
        int ops = 0;
        if (inputShutdown || tcp.isReadable()) {
            ops |= TSelectionKey.OP_READ;
        }
        if (tcp.isWritable()) {
            ops |= TSelectionKey.OP_WRITE;
        }
        return ops;
    }

    /** Only the wildcard address and port 0 (what connect does anyway): the stack picks the local port. */
    public TSocketChannel bind(java.net.SocketAddress local) throws IOException {
        ensureOpen();
        if (local instanceof InetSocketAddress && ((InetSocketAddress) local).getPort() != 0) {
            throw new java.net.BindException("binding a client socket to a port is not supported in Kiln images");
        }
        return this;
    }

    public boolean isConnected() {
        return connected;
    }

    public boolean isConnectionPending() {
        return pending && !connected;
    }

    public boolean connect(java.net.SocketAddress remote) throws IOException {
        ensureOpen();
        if (connected) {
            throw new TAlreadyConnectedException();
        }
        if (pending) {
            throw new TConnectionPendingException();
        }
        if (remote == null) {
            throw new IllegalArgumentException();
        }
        if (!(remote instanceof InetSocketAddress)) {
            throw new TUnsupportedAddressTypeException();
        }
        InetSocketAddress a = (InetSocketAddress) remote;
        if (a.isUnresolved()) {
            throw new TUnresolvedAddressException();
        }
        int ip = ipv4(a);
        if (net == null) {
            net = network();
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            NetStack stack = net.stack;
            if ((ip >>> 24) == 127 || ip == 0 || ip == stack.address()) {
                throw new java.net.ConnectException("Connection refused (a Kiln image has no loopback interface)");
            }
            if (stack.address() == 0) {
                if (!isBlocking()) {
                    throw new java.net.SocketException("Network is unreachable (no IPv4 address from DHCP yet)");
                }
                b.await(readiness, Waitable.ADDRESS, 0);
                ensureOpen();
            }
            try {
                tcp = stack.connect(ip, a.getPort());
            } catch (IllegalArgumentException e) {
                throw new java.net.SocketException("Network is unreachable: " + e.getMessage());
            } catch (IllegalStateException e) {
                throw new java.net.SocketException(e.getMessage());
            }
            pending = true;
            if (!isBlocking()) {
                return false;
            }
            b.await(readiness, Waitable.CONNECT, 0);
            return completeConnect();
        } finally {
            b.exit();
        }
    }

    public boolean finishConnect() throws IOException {
        ensureOpen();
        if (connected) {
            return true;
        }
        if (!pending) {
            throw new TNoConnectionPendingException();
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            if (isBlocking()) {
                b.await(readiness, Waitable.CONNECT, 0);
            }
            if (tcp.isConnecting()) {
                return false;
            }
            return completeConnect();
        } finally {
            b.exit();
        }
    }

    /** The handshake ended: connected, or the channel is closed and the reason thrown (as the JDK does). */
    private boolean completeConnect() throws IOException {
        ensureOpen();
        int state = tcp.state();
        if (state == TcpSocket.ESTABLISHED || state == TcpSocket.CLOSE_WAIT) {
            connected = true;
            return true;
        }
        int err = tcp.error();
        close();
        if (err == TcpSocket.ERR_TIMEOUT) {
            throw new java.net.ConnectException("Connection timed out");
        }
        throw new java.net.ConnectException("Connection refused");
    }

    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (!connected) {
            throw new TNotYetConnectedException();
        }
        int len = dst.remaining();
        Blocker b = net.blocker;
        b.enter();
        try {
            for (;;) {
                ensureOpen();
                if (inputShutdown) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                int n;
                if (dst.hasArray()) {
                    n = tcp.read(dst.array(), dst.arrayOffset() + dst.position(), len);
                    if (n > 0) {
                        position(dst, dst.position() + n);
                    }
                } else {
                    byte[] tmp = scratch(len);
                    n = tcp.read(tmp, 0, Math.min(len, tmp.length));
                    if (n > 0) {
                        dst.put(tmp, 0, n);
                    }
                }
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    int err = tcp.readError();
                    if (err == TcpSocket.ERR_RESET) {
                        throw new java.net.SocketException("Connection reset");
                    }
                    if (err == TcpSocket.ERR_TIMEOUT) {
                        throw new java.net.SocketException("Connection timed out");
                    }
                    return -1;
                }
                if (!isBlocking()) {
                    return 0;
                }
                b.await(readiness, Waitable.READ, 0);
            }
        } finally {
            b.exit();
        }
    }

    public long read(ByteBuffer[] dsts) throws IOException {
        return read(dsts, 0, dsts.length);
    }

    /** Scattering read: fills the buffers in order with what one read of each finds. */
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            if (!dsts[i].hasRemaining()) {
                continue;
            }
            int n = total == 0 ? read(dsts[i]) : readNow(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    /** A read that never waits (the rest of a scattering read). */
    private int readNow(ByteBuffer dst) throws IOException {
        if (!tcp.isReadable()) {
            return 0;
        }
        return read(dst);
    }

    public int write(ByteBuffer src) throws IOException {
        ensureOpen();
        if (!connected) {
            throw new TNotYetConnectedException();
        }
        if (outputShutdown) {
            throw new ClosedChannelException();
        }
        int len = src.remaining();
        int written = 0;
        Blocker b = net.blocker;
        b.enter();
        try {
            while (written < len) {
                ensureOpen();
                int want = len - written;
                int n;
                if (src.hasArray()) {
                    n = tcp.write(src.array(), src.arrayOffset() + src.position(), want);
                    if (n > 0) {
                        position(src, src.position() + n);
                    }
                } else {
                    byte[] tmp = scratch(want);
                    int chunk = Math.min(want, tmp.length);
                    int at = src.position();
                    src.get(tmp, 0, chunk);
                    n = tcp.write(tmp, 0, chunk);
                    position(src, at + Math.max(n, 0));
                }
                if (n < 0) {
                    int err = tcp.error();
                    if (err == TcpSocket.ERR_RESET) {
                        throw new java.net.SocketException("Connection reset by peer");
                    }
                    if (err == TcpSocket.ERR_TIMEOUT) {
                        throw new java.net.SocketException("Connection timed out");
                    }
                    throw new java.net.SocketException("Broken pipe");
                }
                written += n;
                if (n == 0) {
                    if (!isBlocking()) {
                        break;
                    }
                    b.await(readiness, Waitable.WRITE, 0);
                }
            }
            return written;
        } finally {
            b.exit();
        }
    }

    public long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    /** Gathering write: the buffers in order, until one is not taken whole (non-blocking: the send buffer is full). */
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int want = srcs[i].remaining();
            int n = write(srcs[i]);
            total += n;
            if (n < want) {
                break;
            }
        }
        return total;
    }

    public TSocketChannel shutdownInput() throws IOException {
        ensureOpen();
        if (!connected) {
            throw new TNotYetConnectedException();
        }
        if (!inputShutdown) {
            Blocker b = net.blocker;
            b.enter();
            try {
                inputShutdown = true;
                byte[] drain = new byte[512];
                while (tcp.read(drain, 0, drain.length) > 0) {
                    // received data is discarded, as Linux does after SHUT_RD
                }
                b.wakeAll();
            } finally {
                b.exit();
            }
        }
        return this;
    }

    public TSocketChannel shutdownOutput() throws IOException {
        ensureOpen();
        if (!connected) {
            throw new TNotYetConnectedException();
        }
        if (!outputShutdown) {
            Blocker b = net.blocker;
            b.enter();
            try {
                outputShutdown = true;
                tcp.shutdownOutput();
                b.wakeAll();
            } finally {
                b.exit();
            }
        }
        return this;
    }

    public java.net.SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return connected ? address(tcp.remoteAddress(), tcp.remotePort()) : null;
    }

    public java.net.SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return tcp != null ? address(net.stack.address(), tcp.localPort()) : null;
    }

    @Override
    void implClose() {
        if (tcp != null) {
            tcp.close();
        }
    }

    /** A copy buffer for direct ByteBuffers, at most 64 KiB (a call moves at most that much through it). */
    private byte[] scratch(int len) {
        int size = Math.min(len, 65536);
        if (scratch == null || scratch.length < size) {
            scratch = new byte[size];
        }
        return scratch;
    }

    /** Buffer.position(int) through Buffer: ByteBuffer's covariant override is not in every class library. */
    static void position(java.nio.Buffer b, int p) {
        b.position(p);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("java.nio.channels.SocketChannel[");
        if (!isOpen()) {
            sb.append("closed");
        } else if (connected) {
            sb.append("connected local=").append(address(net.stack.address(), tcp.localPort()))
                    .append(" remote=").append(address(tcp.remoteAddress(), tcp.remotePort()));
        } else if (pending) {
            sb.append("connection-pending");
        } else {
            sb.append("unconnected");
        }
        return sb.append(']').toString();
    }

    /** What a blocking call of this channel waits for; closing makes every interest ready. */
    private final class Readiness implements Waitable {
        @Override
        public boolean isReady(int interest) {
            if (!isOpen()) {
                return true;
            }
            switch (interest) {
                case READ:
                    return inputShutdown || tcp.isReadable();
                case WRITE:
                    return tcp.isWritable();
                case CONNECT:
                    return !tcp.isConnecting();
                case ADDRESS:
                    return net.stack.address() != 0;
                default:
                    return true;
            }
        }
    }
}
