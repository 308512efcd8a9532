package dev.kiln.libos.net;

/**
 * A bound UDP port with a bounded receive queue: when the application does not keep up,
 * new datagrams are dropped (UDP promises nothing more). The queue's slots are allocated
 * once, so receiving makes no garbage.
 */
public final class UdpSocket {
    private final Udp udp;
    final int port;
    /** The largest datagram the device can bring: the receive slots' size (the device's MTU, not a DHCP-lowered one). */
    private final int maxPayload;
    private final byte[][] slots;
    private final int[] lengths;
    private final int[] sources;
    private final int[] sourcePorts;
    private int head;
    private int count;
    private boolean closed;
    private int lastSource;
    private int lastSourcePort;

    UdpSocket(Udp udp, int port, int queue, int maxPayload) {
        this.udp = udp;
        this.port = port;
        this.maxPayload = maxPayload;
        slots = new byte[queue][];
        lengths = new int[queue];
        sources = new int[queue];
        sourcePorts = new int[queue];
    }

    boolean deliver(byte[] f, int off, int len, int src, int srcPort) {
        if (closed || count == slots.length || len > maxPayload) {
            return false;
        }
        int i = (head + count) % slots.length;
        if (slots[i] == null) {
            slots[i] = new byte[maxPayload];
        }
        System.arraycopy(f, off, slots[i], 0, len);
        lengths[i] = len;
        sources[i] = src;
        sourcePorts[i] = srcPort;
        count++;
        return true;
    }

    /** The receive queue's capacity in bytes, as SO_RCVBUF reports it: slots times the largest datagram. */
    public int receiveBufferBytes() {
        return slots.length * maxPayload;
    }

    public int localPort() {
        return port;
    }

    public boolean isReadable() {
        return count > 0;
    }

    /**
     * Takes the oldest datagram: copies up to max bytes (the rest is discarded, as with
     * DatagramSocket) and returns its full length, or -1 if the queue is empty.
     */
    public int receive(byte[] dst, int off, int max) {
        if (count == 0) {
            return -1;
        }
        int len = lengths[head];
        System.arraycopy(slots[head], 0, dst, off, Math.min(len, max));
        lastSource = sources[head];
        lastSourcePort = sourcePorts[head];
        head = (head + 1) % slots.length;
        count--;
        return len;
    }

    /** Source address of the datagram last returned by receive(). */
    public int lastSourceAddress() {
        return lastSource;
    }

    public int lastSourcePort() {
        return lastSourcePort;
    }

    /** Sends one datagram; false if it is too large, there is no route, or the socket is closed. */
    public boolean send(int dstIp, int dstPort, byte[] b, int off, int len) {
        return !closed && udp.send(port, dstIp, dstPort, b, off, len);
    }

    /** The largest datagram this socket can send now: the interface's MTU minus the IPv4 and UDP headers. */
    public int maxPayload() {
        return udp.maxPayload();
    }

    public void close() {
        if (!closed) {
            closed = true;
            count = 0;
            udp.unbind(this);
        }
    }
}
