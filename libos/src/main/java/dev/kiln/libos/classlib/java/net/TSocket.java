package dev.kiln.libos.classlib.java.net;

import dev.kiln.libos.net.NetStack;
import dev.kiln.libos.net.TcpSocket;
import dev.kiln.libos.socket.Blocker;
import dev.kiln.libos.socket.Network;
import dev.kiln.libos.socket.Waitable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * java.net.Socket in native images, on libos's TCP stack ({@link TcpSocket}). A blocking call
 * parks only its own green thread ({@link Blocker}). Exceptions and messages follow HotSpot on
 * Linux: EOF is -1, a read timeout throws SocketTimeoutException and leaves the socket usable,
 * a refused connect throws ConnectException "Connection refused", a reset connection throws
 * SocketException, and close() wakes blocked readers and writers with "Socket closed".
 *
 * <p>Writes are sent at once (the stack has no Nagle algorithm: TCP_NODELAY is how it always
 * behaves), so flush() has nothing to do.
 */
public class TSocket implements java.io.Closeable {
    private Network net;
    private TcpSocket tcp;
    private final Readiness readiness = new Readiness();
    private boolean closed;
    private boolean connected;
    private boolean inputShutdown;
    private boolean outputShutdown;
    private int soTimeout;
    private boolean tcpNoDelay;
    private boolean keepAlive;
    private boolean reuseAddress;
    private int linger = -1;
    private int sendBufferSize;
    private int receiveBufferSize;
    private final InputStream in = new SocketInput();
    private final OutputStream out = new SocketOutput();

    public TSocket() {
    }

    public TSocket(String host, int port) throws IOException {
        this(host == null ? TInetAddress.getLoopbackAddress() : TInetAddress.getByName(host), port);
    }

    public TSocket(TInetAddress address, int port) throws IOException {
        if (address == null) {
            throw new NullPointerException();
        }
        connect(new TInetSocketAddress(address, port), 0);
    }

    /** An accepted connection (ServerSocket.accept). */
    TSocket(Network net, TcpSocket tcp) {
        this.net = net;
        this.tcp = tcp;
        this.connected = true;
    }

    // ---- connecting ---------------------------------------------------------------------

    public void connect(TSocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    public void connect(TSocketAddress endpoint, int timeout) throws IOException {
        if (endpoint == null) {
            throw new IllegalArgumentException("connect: The address can't be null");
        }
        if (timeout < 0) {
            throw new IllegalArgumentException("connect: timeout can't be negative");
        }
        if (closed) {
            throw new TSocketException("Socket is closed");
        }
        if (connected) {
            throw new TSocketException("already connected");
        }
        if (!(endpoint instanceof TInetSocketAddress)) {
            throw new IllegalArgumentException("Unsupported address type");
        }
        TInetSocketAddress a = (TInetSocketAddress) endpoint;
        if (a.isUnresolved()) {
            throw new TUnknownHostException(a.getHostName());
        }
        int ip = a.getAddress().ipv4();
        Network n = ensureNetwork();
        Blocker b = n.blocker;
        b.enter();
        try {
            try {
                tcp = open(n, ip, a.getPort(), n.deadline(timeout));
            } catch (IOException e) {
                closeQuietly();
                throw e;
            }
            connected = true;
            if (keepAlive) {
                tcp.setKeepalive(true);
            }
        } finally {
            b.exit();
        }
    }

    /** The active open and the wait for its outcome; a failure leaves no connection behind. */
    private TcpSocket open(Network n, int ip, int port, long deadline) throws IOException {
        NetStack stack = n.stack;
        if ((ip >>> 24) == 127 || ip == 0 || ip == stack.address()) {
            throw new TConnectException("Connection refused (a Kiln image has no loopback interface)");
        }
        if (stack.address() == 0 && !n.blocker.await(readiness, Waitable.ADDRESS, deadline)) {
            throw new TSocketTimeoutException("Connect timed out (no IPv4 address from DHCP yet)");
        }
        checkOpen("Socket closed");
        TcpSocket t;
        try {
            t = stack.connect(ip, port, sendBufferSize, receiveBufferSize); // 0: the stack's default
        } catch (IllegalArgumentException e) {
            throw new TSocketException("Network is unreachable: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new TSocketException(e.getMessage());
        }
        tcp = t;
        if (!n.blocker.await(readiness, Waitable.CONNECT, deadline)) {
            t.abort();
            tcp = null;
            throw new TSocketTimeoutException("Connect timed out");
        }
        if (closed) {
            t.abort();
            tcp = null;
            throw new TSocketException("Socket closed");
        }
        int state = t.state();
        if (state != TcpSocket.ESTABLISHED && state != TcpSocket.CLOSE_WAIT) {
            int err = t.error();
            t.abort();
            tcp = null;
            if (err == TcpSocket.ERR_REFUSED) {
                throw new TConnectException("Connection refused");
            }
            if (err == TcpSocket.ERR_TIMEOUT) {
                throw new TConnectException("Connection timed out");
            }
            throw new TConnectException("Connection reset");
        }
        return t;
    }

    private Network ensureNetwork() throws TSocketException {
        if (net == null) {
            net = TSocket.network();
        }
        return net;
    }

    /** The network every socket uses (started by the first); a SocketException when the VM has none. */
    static Network network() throws TSocketException {
        Network n = Network.get();
        if (n == null) {
            throw new TSocketException(Network.unavailableReason());
        }
        return n;
    }

    /** Binding a client socket: only the wildcard address and port 0 (what connect does anyway). */
    public void bind(TSocketAddress bindpoint) throws IOException {
        if (closed) {
            throw new TSocketException("Socket is closed");
        }
        if (bindpoint != null) {
            if (!(bindpoint instanceof TInetSocketAddress)) {
                throw new IllegalArgumentException("Unsupported address type");
            }
            TInetSocketAddress a = (TInetSocketAddress) bindpoint;
            if (a.getPort() != 0) {
                throw new TBindException("binding a client socket to a port is not supported in Kiln images");
            }
        }
    }

    // ---- streams --------------------------------------------------------------------------

    public InputStream getInputStream() throws IOException {
        String problem = streamProblem(inputShutdown, "Socket input is shutdown");
        if (problem != null) {
            throw new TSocketException(problem);
        }
        return in;
    }

    public OutputStream getOutputStream() throws IOException {
        String problem = streamProblem(outputShutdown, "Socket output is shutdown");
        if (problem != null) {
            throw new TSocketException(problem);
        }
        return out;
    }

    private String streamProblem(boolean shutdown, String shutdownMessage) {
        if (closed) {
            return "Socket is closed";
        }
        if (!connected) {
            return "Socket is not connected";
        }
        return shutdown ? shutdownMessage : null;
    }

    int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException();
        }
        return readChecked(b, off, len);
    }

    /** InputStream.read(): one byte or -1. */
    int readByte() throws IOException {
        return readChecked(null, 0, -1);
    }

    /**
     * The blocking read: with b == null a single byte (returned as 0..255), else up to len bytes
     * into b (the count). -1 at end of stream, 0 only for len 0.
     */
    private int readChecked(byte[] b, int off, int len) throws IOException {
        Blocker bl = net.blocker;
        bl.enter();
        try {
            checkOpen("Socket closed");
            if (len == 0) {
                return 0;
            }
            long deadline = net.deadline(soTimeout);
            for (;;) {
                if (inputShutdown) {
                    return -1;
                }
                int n;
                if (b == null) {
                    n = tcp.readByte();
                    if (n >= 0) {
                        return n;
                    }
                    n = n == -2 ? 0 : -1;
                } else {
                    n = tcp.read(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                }
                if (n < 0) {
                    int err = tcp.readError();
                    if (err == TcpSocket.ERR_RESET) {
                        throw new TSocketException("Connection reset");
                    }
                    if (err == TcpSocket.ERR_TIMEOUT) {
                        throw new TSocketException("Connection timed out");
                    }
                    return -1;
                }
                if (!bl.await(readiness, Waitable.READ, deadline)) {
                    throw new TSocketTimeoutException("Read timed out");
                }
                checkOpen("Socket closed");
            }
        } finally {
            bl.exit();
        }
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException();
        }
        Blocker bl = net.blocker;
        bl.enter();
        try {
            checkOpen("Socket closed");
            if (outputShutdown) {
                throw new TSocketException("Socket output is shutdown");
            }
            while (len > 0) {
                int n = tcp.write(b, off, len);
                if (n > 0) {
                    off += n;
                    len -= n;
                } else if (n < 0) {
                    int err = tcp.error();
                    if (err == TcpSocket.ERR_RESET) {
                        throw new TSocketException("Connection reset by peer");
                    }
                    if (err == TcpSocket.ERR_TIMEOUT) {
                        throw new TSocketException("Connection timed out");
                    }
                    throw new TSocketException("Broken pipe");
                } else {
                    bl.await(readiness, Waitable.WRITE, 0);
                    checkOpen("Socket closed");
                }
            }
        } finally {
            bl.exit();
        }
    }

    int available() throws IOException {
        Blocker bl = net.blocker;
        bl.enter();
        try {
            checkOpen("Socket closed");
            return inputShutdown ? 0 : tcp.available();
        } finally {
            bl.exit();
        }
    }

    private void checkOpen(String message) throws TSocketException {
        if (closed) {
            throw new TSocketException(message);
        }
    }

    // ---- closing ----------------------------------------------------------------------------

    /** Closes the connection (a reset if SO_LINGER is 0 or unread data is left, as on Linux) and wakes blocked calls. */
    @Override
    public void close() throws IOException {
        if (net == null) {
            closed = true;
            return;
        }
        Blocker bl = net.blocker;
        bl.enter();
        try {
            closeQuietly();
        } finally {
            bl.exit();
        }
    }

    private void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        if (tcp != null) {
            if (linger == 0) {
                tcp.abort();
            } else {
                tcp.close();
            }
        }
        if (net != null) {
            net.blocker.wakeAll();
        }
    }

    public void shutdownInput() throws IOException {
        checkOpen("Socket is closed");
        if (!connected) {
            throw new TSocketException("Socket is not connected");
        }
        if (inputShutdown) {
            throw new TSocketException("Socket input is already shutdown");
        }
        Blocker bl = net.blocker;
        bl.enter();
        try {
            inputShutdown = true;
            byte[] drain = new byte[512];
            while (tcp.read(drain, 0, drain.length) > 0) {
                // received data is discarded, as Linux does after SHUT_RD
            }
            bl.wakeAll();
        } finally {
            bl.exit();
        }
    }

    public void shutdownOutput() throws IOException {
        checkOpen("Socket is closed");
        if (!connected) {
            throw new TSocketException("Socket is not connected");
        }
        if (outputShutdown) {
            throw new TSocketException("Socket output is already shutdown");
        }
        Blocker bl = net.blocker;
        bl.enter();
        try {
            outputShutdown = true;
            tcp.shutdownOutput();
            bl.wakeAll();
        } finally {
            bl.exit();
        }
    }

    // ---- state ------------------------------------------------------------------------------

    public boolean isConnected() {
        return connected;
    }

    public boolean isBound() {
        return connected;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isInputShutdown() {
        return inputShutdown;
    }

    public boolean isOutputShutdown() {
        return outputShutdown;
    }

    public TInetAddress getInetAddress() {
        return connected && tcp != null ? new TInet4Address(null, tcp.remoteAddress()) : null;
    }

    public int getPort() {
        return connected && tcp != null ? tcp.remotePort() : 0;
    }

    public int getLocalPort() {
        return connected && tcp != null ? tcp.localPort() : -1;
    }

    public TInetAddress getLocalAddress() {
        return new TInet4Address(null, connected && net != null ? net.stack.address() : 0);
    }

    public TSocketAddress getRemoteSocketAddress() {
        return connected ? new TInetSocketAddress(getInetAddress(), getPort()) : null;
    }

    public TSocketAddress getLocalSocketAddress() {
        return connected ? new TInetSocketAddress(getLocalAddress(), getLocalPort()) : null;
    }

    // ---- options ----------------------------------------------------------------------------

    public void setSoTimeout(int timeout) throws TSocketException {
        checkOpen("Socket is closed");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout can't be negative");
        }
        soTimeout = timeout;
    }

    public int getSoTimeout() throws TSocketException {
        checkOpen("Socket is closed");
        return soTimeout;
    }

    /** Recorded only: the stack sends every write at once (it has no Nagle algorithm). */
    public void setTcpNoDelay(boolean on) throws TSocketException {
        checkOpen("Socket is closed");
        tcpNoDelay = on;
    }

    public boolean getTcpNoDelay() throws TSocketException {
        checkOpen("Socket is closed");
        return tcpNoDelay;
    }

    /** The stack's keepalive (RFC 1122 4.2.3.6; idle time and probes from its configuration). */
    public void setKeepAlive(boolean on) throws TSocketException {
        checkOpen("Socket is closed");
        keepAlive = on;
        if (tcp != null) {
            net.blocker.enter();
            try {
                tcp.setKeepalive(on);
            } finally {
                net.blocker.exit();
            }
        }
    }

    public boolean getKeepAlive() throws TSocketException {
        checkOpen("Socket is closed");
        return keepAlive;
    }

    /** Recorded only: the stack never refuses an address in TIME-WAIT. */
    public void setReuseAddress(boolean on) throws TSocketException {
        checkOpen("Socket is closed");
        reuseAddress = on;
    }

    public boolean getReuseAddress() throws TSocketException {
        checkOpen("Socket is closed");
        return reuseAddress;
    }

    public void setSoLinger(boolean on, int seconds) throws TSocketException {
        checkOpen("Socket is closed");
        if (on && seconds < 0) {
            throw new IllegalArgumentException("invalid value for SO_LINGER");
        }
        linger = on ? Math.min(seconds, 65535) : -1;
    }

    public int getSoLinger() throws TSocketException {
        checkOpen("Socket is closed");
        return linger;
    }

    /** Takes effect when connecting (the stack sizes a connection's buffers once). */
    public void setSendBufferSize(int size) throws TSocketException {
        if (size <= 0) {
            throw new IllegalArgumentException("negative send size");
        }
        checkOpen("Socket is closed");
        sendBufferSize = size;
    }

    public int getSendBufferSize() throws TSocketException {
        checkOpen("Socket is closed");
        return sendBufferSize > 0 ? sendBufferSize : 64 * 1024;
    }

    /** Takes effect when connecting (the stack sizes a connection's buffers once). */
    public void setReceiveBufferSize(int size) throws TSocketException {
        if (size <= 0) {
            throw new IllegalArgumentException("invalid receive size");
        }
        checkOpen("Socket is closed");
        receiveBufferSize = size;
    }

    public int getReceiveBufferSize() throws TSocketException {
        checkOpen("Socket is closed");
        return receiveBufferSize > 0 ? receiveBufferSize : 64 * 1024;
    }

    @Override
    public String toString() {
        if (connected) {
            return "Socket[addr=" + getInetAddress() + ",port=" + getPort() + ",localport=" + getLocalPort() + "]";
        }
        return "Socket[unconnected]";
    }

    /** What a blocked call of this socket waits for; closing makes every interest ready. */
    private final class Readiness implements Waitable {
        @Override
        public boolean isReady(int interest) {
            if (closed) {
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

    private final class SocketInput extends InputStream {
        @Override
        public int read() throws IOException {
            return readByte();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return TSocket.this.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return TSocket.this.available();
        }

        /** Closing a socket's stream closes the socket (as on HotSpot). */
        @Override
        public void close() throws IOException {
            TSocket.this.close();
        }
    }

    private final class SocketOutput extends OutputStream {
        private byte[] one;

        @Override
        public void write(int b) throws IOException {
            if (one == null) {
                one = new byte[1];
            }
            one[0] = (byte) b;
            TSocket.this.write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            TSocket.this.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            TSocket.this.close();
        }
    }
}
