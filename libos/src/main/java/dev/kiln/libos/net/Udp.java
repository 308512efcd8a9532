package dev.kiln.libos.net;

/** UDP (RFC 768, RFC 1122 4.1): checksum verified when present, demultiplexed by port. */
final class Udp {
    static final int HEADER = 8;

    private final NetStack s;
    private static final int EPHEMERAL_FIRST = 49152; // RFC 6335 6
    private static final int EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST;
    private final LongMap<UdpSocket> sockets = new LongMap<>(16);
    private int nextEphemeral;

    Udp(NetStack s) {
        this.s = s;
        this.nextEphemeral = s.random.nextInt(EPHEMERAL_COUNT); // RFC 6056: not predictable from 0
    }

    UdpSocket bind(int port) {
        if (port == 0) {
            port = freePort(); // DatagramSocket(): an ephemeral port
        }
        if (port <= 0 || port > 65535 || sockets.get(port) != null) {
            throw new IllegalStateException("UDP port unavailable: " + port);
        }
        UdpSocket u = new UdpSocket(this, port, Math.max(1, s.config.udpQueueDatagrams), s.config.mtu - Ipv4.HEADER - HEADER);
        sockets.put(port, u);
        return u;
    }

    private int freePort() {
        for (int i = 0; i < EPHEMERAL_COUNT; i++) {
            int p = EPHEMERAL_FIRST + (nextEphemeral++ & 0x7fffffff) % EPHEMERAL_COUNT;
            if (sockets.get(p) == null) {
                return p;
            }
        }
        return -1;
    }

    void unbind(UdpSocket u) {
        if (sockets.get(u.port) == u) {
            sockets.remove(u.port);
        }
    }

    void receive(byte[] f, int ipOff, int ihl, int len, int src, int dst, boolean broadcast) {
        int off = ipOff + ihl;
        if (len < HEADER) {
            s.stats.rxDropped++;
            return;
        }
        int srcPort = Bytes.u16(f, off);
        int dstPort = Bytes.u16(f, off + 2);
        int ulen = Bytes.u16(f, off + 4);
        if (ulen < HEADER || ulen > len || dstPort == 0) {
            s.stats.rxDropped++;
            return;
        }
        // A zero checksum means "none" (RFC 768); otherwise it covers the pseudo-header.
        if (Bytes.u16(f, off + 6) != 0
                && !Checksum.valid(Checksum.add(Checksum.pseudo(src, dst, Ipv4.PROTO_UDP, ulen), f, off, ulen))) {
            s.stats.udpBadChecksum++;
            return;
        }
        UdpSocket u = sockets.get(dstPort);
        if (u == null) {
            s.stats.udpNoSocket++;
            if (!broadcast && s.ip != 0) {
                s.icmp.portUnreachable(f, ipOff, ihl, ulen, src);
            }
            return;
        }
        if (!u.deliver(f, off + HEADER, ulen - HEADER, src, srcPort)) {
            s.stats.udpQueueFull++;
        }
    }

    /** The largest datagram we can send unfragmented: we never fragment (RFC 791's DF is ours to choose). */
    int maxPayload() {
        return s.mtu - Ipv4.HEADER - HEADER;
    }

    boolean send(int srcPort, int dstIp, int dstPort, byte[] b, int off, int len) {
        if (len < 0 || len > maxPayload() || dstPort <= 0 || dstPort > 65535) {
            return false;
        }
        int src = s.ip;
        byte[] t = s.tx;
        int o = NetStack.L4_OFF;
        Bytes.put16(t, o, srcPort);
        Bytes.put16(t, o + 2, dstPort);
        Bytes.put16(t, o + 4, HEADER + len);
        Bytes.put16(t, o + 6, 0);
        System.arraycopy(b, off, t, o + HEADER, len);
        int c = Checksum.finish(Checksum.add(Checksum.pseudo(src, dstIp, Ipv4.PROTO_UDP, HEADER + len), t, o, HEADER + len));
        Bytes.put16(t, o + 6, c == 0 ? 0xffff : c); // 0 would mean "no checksum"
        return s.ipv4.send(src, dstIp, Ipv4.PROTO_UDP, HEADER + len);
    }
}
