package dev.kiln.libos.classlib.java.net;

/** java.net.DatagramPacket in native images (the same contract: data, offset, length, address, port). */
public final class TDatagramPacket {
    private byte[] buf;
    private int offset;
    private int length;
    /** The room receive() may fill: the length set by the application, not the last datagram's. */
    private int bufLength;
    private TInetAddress address;
    private int port = -1;

    public TDatagramPacket(byte[] buf, int offset, int length) {
        setData(buf, offset, length);
    }

    public TDatagramPacket(byte[] buf, int length) {
        this(buf, 0, length);
    }

    public TDatagramPacket(byte[] buf, int offset, int length, TInetAddress address, int port) {
        setData(buf, offset, length);
        setAddress(address);
        setPort(port);
    }

    public TDatagramPacket(byte[] buf, int length, TInetAddress address, int port) {
        this(buf, 0, length, address, port);
    }

    public TDatagramPacket(byte[] buf, int offset, int length, TSocketAddress address) {
        setData(buf, offset, length);
        setSocketAddress(address);
    }

    public TDatagramPacket(byte[] buf, int length, TSocketAddress address) {
        this(buf, 0, length, address);
    }

    public TInetAddress getAddress() {
        return address;
    }

    public int getPort() {
        return port;
    }

    public byte[] getData() {
        return buf;
    }

    public int getOffset() {
        return offset;
    }

    public int getLength() {
        return length;
    }

    public void setData(byte[] buf, int offset, int length) {
        if (length < 0 || offset < 0 || offset + length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("illegal length or offset");
        }
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        this.bufLength = length;
    }

    public void setData(byte[] buf) {
        if (buf == null) {
            throw new NullPointerException("null packet buffer");
        }
        this.buf = buf;
        this.offset = 0;
        this.length = buf.length;
        this.bufLength = buf.length;
    }

    public void setAddress(TInetAddress address) {
        this.address = address;
    }

    public void setPort(int port) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("Port out of range:" + port);
        }
        this.port = port;
    }

    public void setSocketAddress(TSocketAddress address) {
        if (!(address instanceof TInetSocketAddress)) {
            throw new IllegalArgumentException("unsupported address type");
        }
        TInetSocketAddress a = (TInetSocketAddress) address;
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address");
        }
        setAddress(a.getAddress());
        setPort(a.getPort());
    }

    public TSocketAddress getSocketAddress() {
        return address == null ? null : new TInetSocketAddress(address, port);
    }

    public void setLength(int length) {
        if (length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("illegal length");
        }
        this.length = length;
        this.bufLength = length;
    }

    int bufLength() {
        return bufLength;
    }

    /** What receive() fills in. */
    void received(int length, TInetAddress from, int fromPort) {
        this.length = length;
        this.address = from;
        this.port = fromPort;
    }
}
