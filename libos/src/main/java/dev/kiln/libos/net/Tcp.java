package dev.kiln.libos.net;

/**
 * The TCP layer: demultiplexes segments to connections and listeners, answers segments for
 * nothing with RST (RFC 9293 3.10.7.1), chooses initial sequence numbers (RFC 6528) and
 * ephemeral ports, hands outgoing segments to the stack, and runs the connections' timers. The per-
 * connection state machine lives in {@link TcpSocket}.
 */
final class Tcp implements Transport {
    private static final int EPHEMERAL_FIRST = 49152; // RFC 6335 6
    private static final int EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST;
    /** RFC 5961 7: limit challenge ACKs; Linux's default is 1000/s per host, we use 100. */
    private static final int CHALLENGE_ACKS_PER_SECOND = 100;

    final NetStack s;
    private final LongMap<TcpSocket> connections = new LongMap<>(64);
    private final LongMap<TcpListener> listeners = new LongMap<>(16);
    /** All connections, for timers; each knows its index (swap-remove). */
    private TcpSocket[] list = new TcpSocket[64];
    private int count;
    private int timeWait;
    private final TcpSegment seg = new TcpSegment();
    private final TcpSegment out = new TcpSegment();
    private final long isnKey;
    private int nextEphemeral;
    /** Bytes of send and receive rings all connections hold (bounded by tcpBufferBudget). */
    private long bufferBytes;
    private long challengeWindowStart;
    private int challengesInWindow;

    Tcp(NetStack s) {
        this.s = s;
        this.isnKey = s.random.nextLong();
        this.nextEphemeral = s.random.nextInt(EPHEMERAL_COUNT);
    }

    static long key(int remoteIp, int remotePort, int localPort) {
        return ((long) remoteIp << 32) | ((long) (remotePort & 0xffff) << 16) | (localPort & 0xffff);
    }

    @Override
    public int connectionCount() {
        return count;
    }

    /** Some connection still has data or a FIN the peer has not acknowledged. */
    @Override
    public boolean hasPendingOutput() {
        for (int i = 0; i < count; i++) {
            TcpSocket c = list[i];
            int st = c.state;
            if (st == TcpSocket.FIN_WAIT_1 || st == TcpSocket.CLOSING || st == TcpSocket.LAST_ACK
                    || ((st == TcpSocket.ESTABLISHED || st == TcpSocket.CLOSE_WAIT) && c.unsentOrUnacked() > 0)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int timeWaitCount() {
        return timeWait;
    }

    // ---- input ------------------------------------------------------------------------

    @Override
    public void receive(byte[] f, int off, int len, int src, int dst) {
        TcpSegment g = seg;
        if (!g.read(s.stats, f, off, len, src, dst)) {
            return;
        }
        TcpSocket c = connections.get(key(src, g.srcPort, g.dstPort));
        if (c != null) {
            // RFC 9293 3.10.7.4 / RFC 6191: a new SYN for a tuple in TIME-WAIT with a higher
            // sequence number may start a new incarnation (a peer reusing its port quickly).
            if (c.state == TcpSocket.TIME_WAIT && g.flags == TcpSegment.SYN && Seq.gt(g.seq, c.rcvNxt)
                    && listeners.get(g.dstPort) != null) {
                c.terminate(TcpSocket.ERR_NONE);
            } else {
                c.onSegment(g);
                return;
            }
        }
        TcpListener l = listeners.get(g.dstPort);
        if (l != null) {
            onListen(l, g);
        } else {
            reset(g);
        }
    }

    /** RFC 9293 3.10.7.2, LISTEN state. */
    private void onListen(TcpListener l, TcpSegment g) {
        if (g.has(TcpSegment.RST)) {
            return;
        }
        if (g.has(TcpSegment.ACK)) {
            reset(g);
            return;
        }
        if (!g.has(TcpSegment.SYN)) {
            return;
        }
        if (l.full() || count - timeWait >= s.config.tcpMaxConnections) {
            s.stats.tcpBacklogDrops++;
            return;
        }
        TcpSocket c = new TcpSocket(this, g.dstPort, g.src, g.srcPort, l.sendBuffer, l.receiveBuffer);
        c.listener = l;
        l.halfOpen++;
        c.passiveOpen(g, isn(g.src, g.srcPort, g.dstPort));
        add(c);
        c.output();
    }

    /** A reset for a segment that belongs to no connection (RFC 9293 3.10.7.1). */
    void reset(TcpSegment g) {
        ClosedTcp.reset(s, g, out);
    }

    /** Takes n bytes of the ring budget for a connection; false if that would exceed it. */
    boolean reserveBuffers(int n) {
        if (bufferBytes + n > s.config.tcpBufferBudget) {
            return false;
        }
        bufferBytes += n;
        return true;
    }

    void releaseBuffers(int n) {
        bufferBytes -= n;
    }

    /**
     * The budget is used up and `needy` completed its handshake: gives up orphans (connections
     * the application closed, waiting for a peer that does not acknowledge) until their rings
     * make room, the most retried first, as Linux kills orphans under memory pressure. A new
     * peer that answers is worth more than one that never will. True if any was given up.
     */
    boolean reclaimOrphans(TcpSocket needy) {
        boolean any = false;
        while (true) {
            TcpSocket victim = null;
            for (int i = 0; i < count; i++) {
                TcpSocket c = list[i];
                if (c != needy && c.isReclaimableOrphan() && (victim == null || c.retries() > victim.retries())) {
                    victim = c;
                }
            }
            if (victim == null) {
                return any;
            }
            victim.reclaim();
            any = true;
            if (bufferBytes + needy.bufferBytesNeeded() <= s.config.tcpBufferBudget) {
                return true;
            }
        }
    }

    @Override
    public long bufferBytes() {
        return bufferBytes;
    }

    boolean allowChallengeAck() {
        if (s.now - challengeWindowStart >= 1_000_000_000L) {
            challengeWindowStart = s.now;
            challengesInWindow = 0;
        }
        if (challengesInWindow >= CHALLENGE_ACKS_PER_SECOND) {
            return false;
        }
        challengesInWindow++;
        s.stats.tcpChallengeAcks++;
        return true;
    }

    // ---- opening ----------------------------------------------------------------------

    TcpListener listen(int port, int backlog) {
        if (port == 0) {
            port = freeListenPort(); // ServerSocket(0): an ephemeral port nobody listens on
        }
        if (port <= 0 || port > 65535 || listeners.get(port) != null) {
            throw new IllegalStateException("TCP port unavailable: " + port);
        }
        TcpListener l = new TcpListener(this, port, Math.max(1, backlog), s.config.tcpSendBuffer, s.config.tcpReceiveBuffer);
        listeners.put(port, l);
        return l;
    }

    /** An ephemeral port with no listener and no connection using it locally, or -1. */
    private int freeListenPort() {
        for (int i = 0; i < EPHEMERAL_COUNT; i++) {
            int p = EPHEMERAL_FIRST + (nextEphemeral++ & 0x7fffffff) % EPHEMERAL_COUNT;
            if (listeners.get(p) == null && !localPortInUse(p)) {
                return p;
            }
        }
        return -1;
    }

    private boolean localPortInUse(int port) {
        for (int i = 0; i < count; i++) {
            if (list[i].localPort == port) {
                return true;
            }
        }
        return false;
    }

    void unlisten(TcpListener l) {
        if (listeners.get(l.port) == l) {
            listeners.remove(l.port);
        }
    }

    void abortHalfOpen(TcpListener l) {
        for (int i = count - 1; i >= 0; i--) {
            if (i < count && list[i].listener == l) {
                list[i].abort();
            }
        }
    }

    TcpSocket connect(int remoteIp, int remotePort) {
        return connect(remoteIp, remotePort, s.config.tcpSendBuffer, s.config.tcpReceiveBuffer);
    }

    TcpSocket connect(int remoteIp, int remotePort, int sendBuffer, int receiveBuffer) {
        if (s.ip == 0) {
            throw new IllegalStateException("the interface has no IPv4 address yet");
        }
        if (remotePort <= 0 || remotePort > 65535 || remoteIp == 0 || Ipv4Address.isMulticastOrBroadcast(remoteIp)) {
            throw new IllegalArgumentException("bad TCP destination");
        }
        if (count - timeWait >= s.config.tcpMaxConnections) {
            throw new IllegalStateException("too many TCP connections");
        }
        int localPort = -1;
        for (int i = 0; i < EPHEMERAL_COUNT; i++) {
            int p = EPHEMERAL_FIRST + (nextEphemeral++ & 0x7fffffff) % EPHEMERAL_COUNT;
            if (connections.get(key(remoteIp, remotePort, p)) == null && listeners.get(p) == null) {
                localPort = p;
                break;
            }
        }
        if (localPort < 0) {
            throw new IllegalStateException("no free ephemeral port");
        }
        TcpSocket c = new TcpSocket(this, localPort, remoteIp, remotePort, sendBuffer, receiveBuffer);
        if (!c.allocateBuffers()) {
            throw new IllegalStateException("out of TCP buffer memory (" + bufferBytes + " bytes in use)");
        }
        c.activeOpen(isn(remoteIp, remotePort, localPort));
        add(c);
        c.output();
        return c;
    }

    /** Active open from a chosen local port (tests of simultaneous open; binding a client port). */
    TcpSocket connectFrom(int localPort, int remoteIp, int remotePort) {
        if (connections.get(key(remoteIp, remotePort, localPort)) != null) {
            throw new IllegalStateException("tuple in use");
        }
        TcpSocket c = new TcpSocket(this, localPort, remoteIp, remotePort, s.config.tcpSendBuffer, s.config.tcpReceiveBuffer);
        if (!c.allocateBuffers()) {
            throw new IllegalStateException("out of TCP buffer memory (" + bufferBytes + " bytes in use)");
        }
        c.activeOpen(isn(remoteIp, remotePort, localPort));
        add(c);
        c.output();
        return c;
    }

    /** RFC 6528: ISN = M + F(tuple, secret), M a 4-microsecond clock. */
    int isn(int remoteIp, int remotePort, int localPort) {
        long tuple = ((long) remoteIp << 32) ^ ((long) remotePort << 16) ^ localPort ^ ((long) s.ip << 20);
        return (int) (s.now / 4000) + (int) Prng.mix(isnKey ^ Prng.mix(tuple));
    }

    // ---- the connection table -------------------------------------------------------------

    private void add(TcpSocket c) {
        if (count == list.length) {
            TcpSocket[] n = new TcpSocket[list.length * 2];
            System.arraycopy(list, 0, n, 0, count);
            list = n;
        }
        c.index = count;
        list[count++] = c;
        connections.put(c.key, c);
    }

    void remove(TcpSocket c) {
        if (c.index < 0) {
            return;
        }
        int i = c.index;
        TcpSocket last = list[--count];
        list[i] = last;
        last.index = i;
        list[count] = null;
        c.index = -1;
        if (connections.get(c.key) == c) {
            connections.remove(c.key);
        }
    }

    void enteredTimeWait() {
        timeWait++;
        if (timeWait > s.config.tcpMaxTimeWait) {
            TcpSocket oldest = null;
            for (int i = 0; i < count; i++) {
                TcpSocket c = list[i];
                if (c.state == TcpSocket.TIME_WAIT && (oldest == null || c.timeWaitDeadline - oldest.timeWaitDeadline < 0)) {
                    oldest = c;
                }
            }
            if (oldest != null) {
                oldest.terminate(TcpSocket.ERR_NONE);
            }
        }
    }

    void leftTimeWait() {
        timeWait--;
    }

    /** One line per connection, for diagnostics. */
    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(list[i].debugString()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void abortAll() {
        while (count > 0) {
            list[count - 1].abort();
        }
    }

    // ---- timers --------------------------------------------------------------------------

    @Override
    public void poll() {
        for (int i = count - 1; i >= 0; i--) {
            if (i < count) {
                list[i].onTimers();
            }
        }
    }

    @Override
    public long nextDeadline() {
        long d = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            d = Math.min(d, list[i].nextDeadline());
        }
        return d;
    }

    // ---- output ----------------------------------------------------------------------------

    /** The outgoing segment struct, cleared: sockets fill it and hand it to {@link #send}. */
    TcpSegment segment() {
        return out.clear();
    }

    /** Sends a segment the caller filled (see {@link NetStack#sendTcp}). */
    void send(TcpSegment g) {
        s.sendTcp(g);
    }

    /** Largest segment payload our MTU allows (RFC 9293 3.7.1: MTU minus 40). */
    int localMss() {
        return s.mtu - Ipv4.HEADER - TcpSegment.HEADER;
    }
}
