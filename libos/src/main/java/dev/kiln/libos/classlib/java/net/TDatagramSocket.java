package dev.kiln.libos.classlib.java.net;

import dev.kiln.libos.net.NetConfig;
import dev.kiln.libos.net.UdpSocket;
import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Network;
import dev.kiln.libos.socket.Waitable;
import java.io.IOException;

/**
 * java.net.DatagramSocket in native images: a {@link UdpSocket} of libos's stack. receive()
 * parks its green thread until a datagram arrives (or SO_TIMEOUT passes: SocketTimeoutException,
 * the socket stays usable); close() wakes it with SocketException "Socket closed". A datagram
 * larger than the packet's buffer is truncated, as on HotSpot.
 */
public class TDatagramSocket implements java.io.Closeable {
    private Network net;
    private UdpSocket udp;
    private boolean closed;
    private int soTimeout;
    private boolean broadcast;
    private boolean reuseAddress;
    private int connectedIp;
    private int connectedPort = -1;
    private final Readiness readiness = new Readiness();

    public TDatagramSocket() throws TSocketException {
        this(new TInetSocketAddress(0));
    }

    public TDatagramSocket(int port) throws TSocketException {
        this(port, null);
    }

    public TDatagramSocket(int port, TInetAddress laddr) throws TSocketException {
        this(new TInetSocketAddress(laddr, port));
    }

    /** A null address makes an unbound socket (bound on first send or receive, or by bind()). */
    public TDatagramSocket(TSocketAddress bindaddr) throws TSocketException {
        if (bindaddr != null) {
            try {
                bind(bindaddr);
            } catch (TSocketException | RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    public void bind(TSocketAddress addr) throws TSocketException {
        checkOpen();
        if (udp != null) {
            throw new TSocketException("already bound");
        }
        int port = 0;
        if (addr != null) {
            if (!(addr instanceof TInetSocketAddress)) {
                throw new IllegalArgumentException("Unsupported address type!");
            }
            TInetSocketAddress a = (TInetSocketAddress) addr;
            if (a.isUnresolved()) {
                throw new TSocketException("Unresolved address");
            }
            port = a.getPort();
        }
        if (net == null) {
            net = TSocket.network();
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            udp = net.stack.bindUdp(port);
        } catch (IllegalStateException e) {
            throw new TBindException("Address already in use");
        } finally {
            b.exit();
        }
    }

    public void connect(TInetAddress address, int port) {
        if (address == null) {
            throw new IllegalArgumentException("Address can't be null");
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("connect: " + port);
        }
        connectedIp = address.ipv4();
        connectedPort = port;
    }

    public void connect(TSocketAddress addr) throws TSocketException {
        if (!(addr instanceof TInetSocketAddress)) {
            throw new IllegalArgumentException("Unsupported address type");
        }
        TInetSocketAddress a = (TInetSocketAddress) addr;
        if (a.isUnresolved()) {
            throw new TSocketException("Unresolved address");
        }
        connect(a.getAddress(), a.getPort());
    }

    public void disconnect() {
        connectedIp = 0;
        connectedPort = -1;
    }

    public void send(TDatagramPacket p) throws IOException {
        checkOpen();
        TInetAddress to = p.getAddress();
        int port = p.getPort();
        if (to == null) {
            if (connectedPort < 0) {
                throw new IllegalArgumentException("Address not set");
            }
            to = new TInet4Address(null, connectedIp);
            port = connectedPort;
        } else if (connectedPort >= 0 && (to.ipv4() != connectedIp || port != connectedPort)) {
            throw new IllegalArgumentException("connected address and packet address differ");
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (udp == null) {
            bind(null);
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            if (p.getLength() > udp.maxPayload()) {
                throw new TSocketException("Message too long");
            }
            if (net.stack.address() == 0) {
                throw new TSocketException("Network is unreachable (no IPv4 address from DHCP yet)");
            }
            if (!udp.send(to.ipv4(), port, p.getData(), p.getOffset(), p.getLength())) {
                throw new TSocketException("Network is unreachable");
            }
        } finally {
            b.exit();
        }
    }

    public void receive(TDatagramPacket p) throws IOException {
        checkOpen();
        if (udp == null) {
            bind(null);
        }
        Blocker b = net.blocker;
        b.enter();
        try {
            long deadline = net.deadline(soTimeout);
            for (;;) {
                if (udp.isReadable()) {
                    int room = p.bufLength();
                    // receive() copies min(datagram, room): straight into the packet's buffer at its offset
                    int len = udp.receive(p.getData(), p.getOffset(), room);
                    int from = udp.lastSourceAddress();
                    int fromPort = udp.lastSourcePort();
                    if (connectedPort >= 0 && (from != connectedIp || fromPort != connectedPort)) {
                        continue; // a connected socket only sees its peer's datagrams
                    }
                    p.received(Math.min(len, room), new TInet4Address(null, from), fromPort);
                    return;
                }
                if (!b.await(readiness, Waitable.READ, deadline)) {
                    throw new TSocketTimeoutException("Receive timed out");
                }
                if (closed) {
                    throw new TSocketException("Socket closed");
                }
            }
        } finally {
            b.exit();
        }
    }

    @Override
    public void close() {
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
            if (udp != null) {
                udp.close();
            }
            b.wakeAll();
        } finally {
            b.exit();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isBound() {
        return udp != null;
    }

    public boolean isConnected() {
        return connectedPort >= 0;
    }

    public TInetAddress getInetAddress() {
        return connectedPort >= 0 ? new TInet4Address(null, connectedIp) : null;
    }

    public int getPort() {
        return connectedPort;
    }

    public TSocketAddress getRemoteSocketAddress() {
        return connectedPort >= 0 ? new TInetSocketAddress(getInetAddress(), connectedPort) : null;
    }

    public int getLocalPort() {
        if (closed) {
            return -1;
        }
        return udp != null ? udp.localPort() : 0;
    }

    public TInetAddress getLocalAddress() {
        return closed ? null : new TInet4Address("0.0.0.0", 0);
    }

    public TSocketAddress getLocalSocketAddress() {
        return closed || udp == null ? null : new TInetSocketAddress(getLocalAddress(), getLocalPort());
    }

    public void setSoTimeout(int timeout) throws TSocketException {
        checkOpen();
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        soTimeout = timeout;
    }

    public int getSoTimeout() throws TSocketException {
        checkOpen();
        return soTimeout;
    }

    /** Recorded only: the stack sends to the broadcast address whatever this says. */
    public void setBroadcast(boolean on) throws TSocketException {
        checkOpen();
        broadcast = on;
    }

    public boolean getBroadcast() throws TSocketException {
        checkOpen();
        return broadcast;
    }

    public void setReuseAddress(boolean on) throws TSocketException {
        checkOpen();
        reuseAddress = on;
    }

    public boolean getReuseAddress() throws TSocketException {
        checkOpen();
        return reuseAddress;
    }

    public int getReceiveBufferSize() throws TSocketException {
        checkOpen();
        // unbound: what binding will give with the default settings and a 1500-byte MTU
        return udp != null ? udp.receiveBufferBytes() : new NetConfig().udpQueueDatagrams * (1500 - 28);
    }

    public int getSendBufferSize() throws TSocketException {
        checkOpen();
        return 1500;
    }

    private final class Readiness implements Waitable {
        @Override
        public boolean isReady(int interest) {
            return closed || udp.isReadable();
        }
    }

    /** Every option and operation of a closed socket fails as on HotSpot. */
    private void checkOpen() throws TSocketException {
        if (closed) {
            throw new TSocketException("Socket is closed");
        }
    }
}
