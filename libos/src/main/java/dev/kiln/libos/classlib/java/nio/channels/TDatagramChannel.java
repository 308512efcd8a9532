package dev.kiln.libos.classlib.java.nio.channels;

import dev.kiln.libos.net.UdpSocket;
import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Waitable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * java.nio.channels.DatagramChannel in native images: a {@link UdpSocket} of libos's stack.
 * receive() returns the sender's address (null in non-blocking mode when no datagram waits; a
 * datagram longer than the buffer's room is cut, as on the JDK), send() sends all or nothing;
 * connect() filters received datagrams by their source and allows read()/write(). Unbound
 * channels bind an ephemeral port on their first send or receive. OP_READ when a datagram waits,
 * OP_WRITE always (the stack queues no datagrams for sending).
 */
public class TDatagramChannel extends TSelectableChannel implements java.nio.channels.ByteChannel {
    private UdpSocket udp;
    private int connectedIp;
    private int connectedPort = -1;
    private byte[] buf;
    private final Readiness readiness = new Readiness();

    protected TDatagramChannel() {
    }

    public static TDatagramChannel open() throws IOException {
        return new TDatagramChannel();
    }

    @Override
    public final int validOps() {
        return TSelectionKey.OP_READ | TSelectionKey.OP_WRITE;
    }

    @Override
    int readyOps() {
        if (udp == null || !isOpen()) {
            return udp == null && isOpen() ? TSelectionKey.OP_WRITE : 0;
        }
        return (udp.isReadable() ? TSelectionKey.OP_READ : 0) | TSelectionKey.OP_WRITE;
    }

    public TDatagramChannel bind(java.net.SocketAddress local) throws IOException {
        ensureOpen();
        if (udp != null) {
            throw new TAlreadyBoundException();
        }
        int port = 0;
        if (local != null) {
            if (!(local instanceof InetSocketAddress)) {
                throw new TUnsupportedAddressTypeException();
            }
            port = ((InetSocketAddress) local).getPort();
        }
        if (net == null) {
            net = network();
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            udp = net.stack.bindUdp(port);
        } catch (IllegalStateException e) {
            throw new java.net.BindException("Address already in use");
        } finally {
            b.exit();
        }
        return this;
    }

    public java.net.SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return udp == null ? null : address(0, udp.localPort());
    }

    public TDatagramChannel connect(java.net.SocketAddress remote) throws IOException {
        ensureOpen();
        InetSocketAddress a = inet(remote);
        if (udp == null) {
            bind(null);
        }
        connectedIp = ipv4(a);
        connectedPort = a.getPort();
        return this;
    }

    public TDatagramChannel disconnect() throws IOException {
        connectedPort = -1;
        return this;
    }

    public boolean isConnected() {
        return connectedPort >= 0;
    }

    public java.net.SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return isConnected() ? address(connectedIp, connectedPort) : null;
    }

    private static InetSocketAddress inet(java.net.SocketAddress a) {
        if (a == null) {
            throw new IllegalArgumentException();
        }
        if (!(a instanceof InetSocketAddress)) {
            throw new TUnsupportedAddressTypeException();
        }
        InetSocketAddress i = (InetSocketAddress) a;
        if (i.isUnresolved()) {
            throw new TUnresolvedAddressException();
        }
        return i;
    }

    /** The next datagram into dst (cut to its room) and its sender; null if none waits and the channel does not block. */
    public java.net.SocketAddress receive(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (udp == null) {
            bind(null);
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            for (;;) {
                ensureOpen();
                if (udp.isReadable()) {
                    int room = dst.remaining();
                    if (buf == null || buf.length < udp.maxPayload()) {
                        buf = new byte[Math.max(udp.maxPayload(), 2048)];
                    }
                    int full = udp.receive(buf, 0, buf.length);
                    int from = udp.lastSourceAddress();
                    int fromPort = udp.lastSourcePort();
                    if (connectedPort >= 0 && (from != connectedIp || fromPort != connectedPort)) {
                        continue; // not from the connected peer: dropped, as Linux filters it
                    }
                    int len = Math.min(room, full);
                    dst.put(buf, 0, len);
                    return address(from, fromPort);
                }
                if (!isBlocking()) {
                    return null;
                }
                b.await(readiness, Waitable.READ, 0);
            }
        } finally {
            b.exit();
        }
    }

    /** Sends the buffer's remaining bytes as one datagram: their count, or an IOException. */
    public int send(ByteBuffer src, java.net.SocketAddress target) throws IOException {
        ensureOpen();
        InetSocketAddress a = inet(target);
        if (connectedPort >= 0 && (ipv4(a) != connectedIp || a.getPort() != connectedPort)) {
            throw new TAlreadyConnectedException();
        }
        if (udp == null) {
            bind(null);
        }
        int len = src.remaining();
        byte[] data = new byte[len];
        int at = src.position();
        src.get(data, 0, len);
        Blocker b = net.blocker;
        b.enter();
        try {
            if (len > udp.maxPayload()) {
                TSocketChannel.position(src, at);
                throw new java.net.SocketException("Message too long");
            }
            if (net.stack.address() == 0 || !udp.send(ipv4(a), a.getPort(), data, 0, len)) {
                TSocketChannel.position(src, at);
                throw new java.net.SocketException("Network is unreachable");
            }
        } finally {
            b.exit();
        }
        return len;
    }

    public int read(ByteBuffer dst) throws IOException {
        if (!isConnected()) {
            throw new TNotYetConnectedException();
        }
        int before = dst.position();
        return receive(dst) == null ? 0 : dst.position() - before;
    }

    public int write(ByteBuffer src) throws IOException {
        if (!isConnected()) {
            throw new TNotYetConnectedException();
        }
        return send(src, address(connectedIp, connectedPort));
    }

    @Override
    void implClose() {
        if (udp != null) {
            udp.close();
        }
    }

    private final class Readiness implements Waitable {
        @Override
        public boolean isReady(int interest) {
            return !isOpen() || udp.isReadable();
        }
    }
}
