package dev.kiln.cli;

import java.util.Random;

/**
 * The frames of {@code kiln fuzz frames}: hostile, malformed and merely odd Ethernet frames for
 * one image, from a seeded generator. Most are built well-formed and then broken (a flipped
 * byte, an edge value, a truncation, a wrong checksum), so that every parser behind the first
 * check is reached too: Ethernet, ARP, IPv4 (lengths, IHL, options, fragments, checksums),
 * ICMP, UDP and TCP (every flag combination, edge sequence numbers and windows, options).
 *
 * <p>It also plays the peers: it answers the image's ARP requests for its made-up addresses and
 * learns the connections the image accepts from them ({@link #fromVm}), so that part of the TCP
 * traffic hits established connections with plausible sequence numbers: requests and garbage,
 * FIN and RST at the right place or near it, closed windows, SYNs in synchronized states, data
 * out of order. The image must survive all of it, keep serving, and hold no connection once the
 * peers are gone (they never say goodbye: its timers must end what they left behind).
 */
final class FrameFuzzer {
    static final int ETH = 14;
    private static final int IP = 20;
    private static final int TCP = 20;
    private static final int[] EDGES = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0xffff, 0x10000};

    private final Random r;
    private final long vmMac;
    private final long ownMac;
    private final int guestIp;
    private final int hostIp;
    private final int servicePort;
    /** The made-up peers: addresses firstPeer .. firstPeer + PEERS - 1, in the image's subnet. */
    private final int firstPeer;
    private static final int PEERS = 32;
    /** Connections the image accepted from a made-up peer (its SYN-ACK seen); guarded by this. */
    private final Conn[] conns = new Conn[64];
    private int connCount;
    private int nextConn;
    private long arpReplies;
    private long handshakes;

    private static final class Conn {
        int ip;
        int port;
        int seq;     // the peer's next sequence number
        int vmNext;  // the image's next sequence number, as last seen
        int window = 65535;
    }

    FrameFuzzer(long seed, long vmMac, long ownMac, int guestIp, int hostIp, int servicePort) {
        this.r = new Random(seed);
        this.vmMac = vmMac;
        this.ownMac = ownMac;
        this.guestIp = guestIp;
        this.hostIp = hostIp;
        this.servicePort = servicePort;
        this.firstPeer = (guestIp & 0xffffff00) | 100;
    }

    synchronized long arpReplies() {
        return arpReplies;
    }

    synchronized long handshakes() {
        return handshakes;
    }

    // ---- frames to the image -------------------------------------------------------------------

    /** Writes the next frame into f (at least 1600 bytes); returns its length (14 or more). */
    int next(byte[] f) {
        int len;
        int kind = r.nextInt(100);
        if (kind < 30) {
            len = connectionSegment(f);
        } else if (kind < 55) {
            len = tcp(f, r.nextInt(4) == 0 ? anyIp() : peer(), r.nextInt(3) == 0 ? r.nextInt(65536) : 40000 + r.nextInt(32),
                    r.nextInt(4) == 0 ? r.nextInt(65536) : servicePort, edgeOrRandom(), edgeOrRandom(), flags(),
                    r.nextInt(3) == 0 ? EDGES[r.nextInt(EDGES.length)] & 0xffff : r.nextInt(65536), payloadLength());
        } else if (kind < 63) {
            len = udp(f);
        } else if (kind < 71) {
            len = icmp(f);
        } else if (kind < 79) {
            len = arp(f);
        } else if (kind < 87) {
            len = brokenIpv4(f);
        } else {
            len = noise(f);
        }
        if (r.nextInt(100) < 25) {
            len = mutate(f, len);
        }
        return len;
    }

    private int peer() {
        return firstPeer + r.nextInt(PEERS);
    }

    private int anyIp() {
        switch (r.nextInt(5)) {
            case 0: return hostIp;
            case 1: return 0;
            case 2: return -1;
            case 3: return 0xe0000001; // multicast
            default: return r.nextInt();
        }
    }

    private int edgeOrRandom() {
        return r.nextBoolean() ? EDGES[r.nextInt(EDGES.length)] : r.nextInt();
    }

    private int flags() {
        int[] common = {0x02, 0x10, 0x18, 0x11, 0x04, 0x14, 0x12, 0x01, 0x03, 0x06, 0x3f, 0x00};
        return r.nextInt(3) == 0 ? r.nextInt(256) : common[r.nextInt(common.length)];
    }

    private int payloadLength() {
        switch (r.nextInt(4)) {
            case 0:
            case 1: return 0;
            case 2: return 1 + r.nextInt(16);
            default: return r.nextInt(1400);
        }
    }

    private long dstMac() {
        int k = r.nextInt(20);
        if (k == 0) {
            return 0xffffffffffffL;
        }
        if (k == 1) {
            return 0x01005e000001L; // IPv4 multicast: flooded to every port
        }
        if (k == 2) {
            return (r.nextLong() & 0xfeffffffffffL) | 0x020000000000L; // someone else's unicast
        }
        return vmMac;
    }

    private void eth(byte[] f, long dst, int type) {
        put48(f, 0, dst);
        put48(f, 6, ownMac);
        put16(f, 12, type);
    }

    /** IPv4 header at 14 for a payload of len bytes; checksummed. */
    private void ipv4(byte[] f, int src, int dst, int proto, int len) {
        f[14] = 0x45;
        f[15] = 0;
        put16(f, 16, IP + len);
        put16(f, 18, r.nextInt(65536));
        put16(f, 20, r.nextInt(10) == 0 ? r.nextInt(65536) : 0x4000);
        f[22] = (byte) (1 + r.nextInt(255));
        f[23] = (byte) proto;
        put16(f, 24, 0);
        put32(f, 26, src);
        put32(f, 30, dst);
        put16(f, 24, ~checksum(0, f, 14, IP) & 0xffff);
    }

    private int tcp(byte[] f, int src, int sport, int dport, int seq, int ack, int flags, int window, int payload) {
        eth(f, dstMac(), 0x0800);
        int o = ETH + IP;
        int opts = r.nextInt(3) == 0 ? options(f, o + TCP) : 0;
        int hlen = TCP + opts;
        put16(f, o, sport);
        put16(f, o + 2, dport);
        put32(f, o + 4, seq);
        put32(f, o + 8, ack);
        f[o + 12] = (byte) (r.nextInt(20) == 0 ? r.nextInt(16) << 4 : (hlen / 4) << 4);
        f[o + 13] = (byte) flags;
        put16(f, o + 14, window);
        put16(f, o + 16, 0);
        put16(f, o + 18, r.nextInt(10) == 0 ? r.nextInt(65536) : 0);
        fill(f, o + hlen, payload);
        int tcpLen = hlen + payload;
        ipv4(f, src, guestIp, 6, tcpLen);
        int sum = ~checksum(pseudo(src, guestIp, 6, tcpLen), f, o, tcpLen) & 0xffff;
        put16(f, o + 16, r.nextInt(12) == 0 ? r.nextInt(65536) : sum);
        return o + tcpLen;
    }

    /** TCP options at p, a multiple of 4 bytes: MSS, window scale, SACK, timestamps, or garbage. */
    private int options(byte[] f, int p) {
        int n = 0;
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count && n <= 28; i++) {
            int q = p + n;
            switch (r.nextInt(6)) {
                case 0 -> { f[q] = 2; f[q + 1] = 4; put16(f, q + 2, r.nextBoolean() ? r.nextInt(65536) : EDGES[r.nextInt(EDGES.length)] & 0xffff); n += 4; }
                case 1 -> { f[q] = 1; f[q + 1] = 3; f[q + 2] = 3; f[q + 3] = (byte) r.nextInt(256); n += 4; }
                case 2 -> { f[q] = 1; f[q + 1] = 1; f[q + 2] = 4; f[q + 3] = 2; n += 4; }
                case 3 -> { f[q] = 1; f[q + 1] = 1; f[q + 2] = 5; f[q + 3] = 10; put32(f, q + 4, r.nextInt()); put32(f, q + 8, r.nextInt()); n += 12; }
                case 4 -> { f[q] = 1; f[q + 1] = 1; f[q + 2] = 8; f[q + 3] = 10; put32(f, q + 4, r.nextInt()); put32(f, q + 8, r.nextInt()); n += 12; }
                default -> { for (int k = 0; k < 4; k++) { f[q + k] = (byte) r.nextInt(256); } n += 4; }
            }
        }
        return n;
    }

    private int udp(byte[] f) {
        eth(f, dstMac(), 0x0800);
        int o = ETH + IP;
        int payload = payloadLength();
        int src = r.nextInt(3) == 0 ? anyIp() : peer();
        put16(f, o, r.nextInt(65536));
        put16(f, o + 2, r.nextInt(4) == 0 ? 68 : r.nextInt(65536));
        put16(f, o + 4, r.nextInt(10) == 0 ? r.nextInt(65536) : 8 + payload);
        put16(f, o + 6, 0);
        fill(f, o + 8, payload);
        ipv4(f, src, r.nextInt(10) == 0 ? -1 : guestIp, 17, 8 + payload);
        if (r.nextBoolean()) {
            int sum = ~checksum(pseudo(src, guestIp, 17, 8 + payload), f, o, 8 + payload) & 0xffff;
            put16(f, o + 6, sum == 0 ? 0xffff : sum);
        }
        return o + 8 + payload;
    }

    private int icmp(byte[] f) {
        eth(f, dstMac(), 0x0800);
        int o = ETH + IP;
        int payload = r.nextInt(200);
        f[o] = (byte) (r.nextInt(3) == 0 ? 8 : r.nextInt(256)); // mostly echo requests: the image answers them
        f[o + 1] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 0);
        put16(f, o + 2, 0);
        put32(f, o + 4, r.nextInt());
        fill(f, o + 8, payload);
        put16(f, o + 2, r.nextInt(8) == 0 ? r.nextInt(65536) : ~checksum(0, f, o, 8 + payload) & 0xffff);
        ipv4(f, r.nextInt(3) == 0 ? anyIp() : peer(), r.nextInt(10) == 0 ? -1 : guestIp, 1, 8 + payload);
        return o + 8 + payload;
    }

    private int arp(byte[] f) {
        // Claims of the image's or the observer's address go to the image alone: in a broadcast
        // they would teach Linux (which checks that the image still serves) a wrong MAC. The
        // image must refuse claims of its own address; it may believe those of the host's.
        int[] senders = {peer(), guestIp, hostIp, anyIp()};
        int sender = senders[r.nextInt(senders.length)];
        boolean broadcast = r.nextBoolean() && sender != guestIp && sender != hostIp;
        eth(f, broadcast ? 0xffffffffffffL : vmMac, 0x0806);
        int o = ETH;
        put16(f, o, r.nextInt(8) == 0 ? r.nextInt(65536) : 1);
        put16(f, o + 2, r.nextInt(8) == 0 ? r.nextInt(65536) : 0x0800);
        f[o + 4] = (byte) (r.nextInt(8) == 0 ? r.nextInt(256) : 6);
        f[o + 5] = (byte) (r.nextInt(8) == 0 ? r.nextInt(256) : 4);
        put16(f, o + 6, r.nextInt(4) == 0 ? r.nextInt(65536) : 1 + r.nextInt(2));
        put48(f, o + 8, r.nextInt(4) == 0 ? r.nextLong() & 0xffffffffffffL : ownMac);
        put32(f, o + 14, sender);
        put48(f, o + 18, r.nextBoolean() ? 0 : r.nextLong() & 0xffffffffffffL);
        put32(f, o + 24, r.nextInt(4) == 0 ? r.nextInt() : guestIp);
        return ETH + (r.nextInt(6) == 0 ? r.nextInt(28) : 28);
    }

    /** IPv4 with one header field made wrong: version, IHL, total length, fragments, TTL, checksum, options. */
    private int brokenIpv4(byte[] f) {
        int len = tcp(f, peer(), 40000 + r.nextInt(32), servicePort, r.nextInt(), r.nextInt(), flags(), 65535, r.nextInt(64));
        switch (r.nextInt(7)) {
            case 0 -> f[14] = (byte) ((r.nextInt(16) << 4) | 5);
            case 1 -> f[14] = (byte) (0x40 | r.nextInt(16));
            case 2 -> put16(f, 16, r.nextInt(65536));
            case 3 -> put16(f, 20, r.nextBoolean() ? 0x2000 | r.nextInt(0x2000) : r.nextInt(0x2000)); // MF or an offset
            case 4 -> f[22] = 0;
            case 5 -> put16(f, 24, r.nextInt(65536));
            default -> f[14] = (byte) 0x4f; // 40 bytes of options that are really the TCP header
        }
        if (r.nextInt(3) != 0) {
            put16(f, 24, 0);
            put16(f, 24, ~checksum(0, f, 14, Math.min(60, ((f[14] & 0xf) * 4))) & 0xffff);
        }
        return len;
    }

    private int noise(byte[] f) {
        int[] types = {0x0800, 0x0806, 0x86dd, 0x8100, 0x88cc, r.nextInt(65536), r.nextInt(0x600)};
        eth(f, dstMac(), types[r.nextInt(types.length)]);
        int n = r.nextInt(200);
        fill(f, ETH, n);
        return ETH + n;
    }

    /** One to three random changes after the Ethernet header: a byte, an edge value, a cut, garbage appended. */
    private int mutate(byte[] f, int len) {
        int changes = 1 + r.nextInt(3);
        for (int i = 0; i < changes && len > ETH; i++) {
            int at = ETH + r.nextInt(Math.min(len - ETH, 60));
            switch (r.nextInt(4)) {
                case 0 -> f[at] = (byte) r.nextInt(256);
                case 1 -> f[at] ^= (byte) (1 << r.nextInt(8));
                case 2 -> len = ETH + r.nextInt(len - ETH);
                default -> {
                    int more = Math.min(1500 - len, r.nextInt(64));
                    fill(f, len, more);
                    len += more;
                }
            }
        }
        return len;
    }

    /** A segment for a connection the image accepted, or a SYN that starts one. */
    private int connectionSegment(byte[] f) {
        Conn c;
        synchronized (this) {
            c = connCount == 0 || r.nextInt(8) == 0 ? null : conns[r.nextInt(connCount)];
            if (c == null) {
                Conn n = new Conn();
                n.ip = peer();
                n.port = 1024 + r.nextInt(60000);
                n.seq = r.nextInt();
                conns[nextConn] = n;
                nextConn = (nextConn + 1) % conns.length;
                connCount = Math.min(connCount + 1, conns.length);
                c = n;
                return tcpSyn(f, n);
            }
        }
        int seq;
        int ack;
        int flags;
        int window;
        synchronized (this) {
            seq = c.seq;
            ack = c.vmNext;
            window = c.window;
        }
        int payload = 0;
        byte[] text = null;
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> { flags = 0x18; text = request(); }
            case 3 -> { flags = 0x10; }
            case 4 -> { flags = 0x11; }
            case 5 -> { flags = 0x04; seq += r.nextBoolean() ? 0 : r.nextInt(70000); } // exact or in-window RST
            case 6 -> { flags = 0x10; window = 0; }                                  // close the window
            case 7 -> { flags = 0x02; }                                              // SYN in a synchronized state
            case 8 -> { flags = 0x18; payload = 1 + r.nextInt(1000); seq += 1 + r.nextInt(5000); } // out of order
            case 9 -> { flags = 0x10; ack -= r.nextInt(200000); }                    // old or ancient ACK
            case 10 -> { flags = 0x10; ack += 1 + r.nextInt(100000); }               // ACK of unsent data
            default -> { flags = r.nextInt(64); payload = payloadLength(); seq += r.nextInt(3) - 1; }
        }
        int len;
        if (text != null) {
            eth(f, vmMac, 0x0800);
            System.arraycopy(text, 0, f, ETH + IP + TCP, text.length);
            len = segment(f, c, seq, ack, flags, window, text.length);
        } else {
            len = segment(f, c, seq, ack, flags, window, -payload);
        }
        synchronized (this) {
            if ((flags & 0x04) == 0 && text != null) {
                c.seq += text.length;
            }
            if ((flags & 0x05) == 0x01) {
                c.seq++;
            }
            c.window = window == 0 ? 65535 : window;
        }
        return len;
    }

    private byte[] request() {
        String[] reqs = {"GET / HTTP/1.1\r\nHost: k\r\n\r\n", "GET /api/stats HTTP/1.0\r\n\r\n",
                "HEAD /index.html HTTP/1.1\r\nHost: k\r\nConnection: keep-alive\r\n\r\n", "GET / HTTP/1.1\r\n",
                "POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\nxx", "GET /" + "a".repeat(3000).substring(0, 1 + r.nextInt(1300)),
                "\r\n\r\n", "G\0T / HTTP/9.9\r\n\r\n"};
        return reqs[r.nextInt(reqs.length)].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private int tcpSyn(byte[] f, Conn c) {
        eth(f, vmMac, 0x0800);
        int o = ETH + IP;
        f[o + TCP] = 2;
        f[o + TCP + 1] = 4;
        put16(f, o + TCP + 2, 1460);
        return segmentWithOptions(f, c, c.seq, 0, 0x02, 65535, 4, 0);
    }

    /** A segment of c at seq/ack with payload bytes already at the payload's place (text) or, for -n, n random bytes. */
    private int segment(byte[] f, Conn c, int seq, int ack, int flags, int window, int payload) {
        int n = payload;
        if (payload < 0) {
            n = -payload;
            fill(f, ETH + IP + TCP, n);
        }
        return segmentWithOptions(f, c, seq, ack, flags, window, 0, n);
    }

    private int segmentWithOptions(byte[] f, Conn c, int seq, int ack, int flags, int window, int opts, int payload) {
        put48(f, 0, vmMac);
        put48(f, 6, ownMac);
        put16(f, 12, 0x0800);
        int o = ETH + IP;
        int hlen = TCP + opts;
        if (opts > 0 && payload > 0) {
            System.arraycopy(f, o + TCP, f, o + hlen, payload);
        }
        put16(f, o, c.port);
        put16(f, o + 2, servicePort);
        put32(f, o + 4, seq);
        put32(f, o + 8, ack);
        f[o + 12] = (byte) ((hlen / 4) << 4);
        f[o + 13] = (byte) flags;
        put16(f, o + 14, window);
        put16(f, o + 16, 0);
        put16(f, o + 18, 0);
        int tcpLen = hlen + payload;
        ipv4(f, c.ip, guestIp, 6, tcpLen);
        put16(f, 20, 0x4000); // these are well-formed: no accidental fragment flags
        put16(f, 24, 0);
        put16(f, 24, ~checksum(0, f, 14, IP) & 0xffff);
        put16(f, o + 16, ~checksum(pseudo(c.ip, guestIp, 6, tcpLen), f, o, tcpLen) & 0xffff);
        return o + tcpLen;
    }

    // ---- frames from the image -----------------------------------------------------------------

    /**
     * A frame the image sent to the peers' side. Returns the length of an answer written into
     * reply (an ARP reply for a made-up peer), or 0; learns SYN-ACKs and the image's sequence numbers.
     */
    int fromVm(byte[] f, int len, byte[] reply) {
        if (len < ETH + 28) {
            return 0;
        }
        int type = u16(f, 12);
        if (type == 0x0806 && u16(f, ETH + 6) == 1) {
            int target = i32(f, ETH + 24);
            if ((target & 0xffffff00) == (firstPeer & 0xffffff00) && target - firstPeer >= 0 && target - firstPeer < PEERS) {
                put48(reply, 0, u48(f, 6));
                put48(reply, 6, ownMac);
                put16(reply, 12, 0x0806);
                put16(reply, ETH, 1);
                put16(reply, ETH + 2, 0x0800);
                reply[ETH + 4] = 6;
                reply[ETH + 5] = 4;
                put16(reply, ETH + 6, 2);
                put48(reply, ETH + 8, ownMac);
                put32(reply, ETH + 14, target);
                put48(reply, ETH + 18, u48(f, ETH + 8));
                put32(reply, ETH + 24, i32(f, ETH + 14));
                synchronized (this) {
                    arpReplies++;
                }
                return ETH + 28;
            }
            return 0;
        }
        if (type != 0x0800 || f[ETH + 9] != 6 || len < ETH + IP + TCP) {
            return 0;
        }
        int ihl = (f[ETH] & 0xf) * 4;
        int o = ETH + ihl;
        if (o + TCP > len) {
            return 0;
        }
        int dst = i32(f, ETH + 16);
        int dport = u16(f, o + 2);
        int seq = i32(f, o + 4);
        int ack = i32(f, o + 8);
        int flags = f[o + 13] & 0x3f;
        int hlen = ((f[o + 12] >> 4) & 0xf) * 4;
        int data = Math.max(0, u16(f, ETH + 2) - ihl - hlen);
        synchronized (this) {
            for (int i = 0; i < connCount; i++) {
                Conn c = conns[i];
                if (c != null && c.ip == dst && c.port == dport) {
                    if ((flags & 0x12) == 0x12) {
                        c.vmNext = seq + 1;
                        c.seq = ack;
                        handshakes++;
                    } else {
                        int end = seq + data + ((flags & 0x01) != 0 ? 1 : 0);
                        if (end - c.vmNext > 0) {
                            c.vmNext = end;
                        }
                    }
                }
            }
        }
        return 0;
    }

    // ---- bytes ---------------------------------------------------------------------------------

    private void fill(byte[] f, int off, int n) {
        for (int i = 0; i < n; i++) {
            f[off + i] = (byte) r.nextInt(256);
        }
    }

    static int checksum(int sum, byte[] b, int off, int len) {
        long s = sum & 0xffffffffL;
        int i = 0;
        for (; i + 1 < len; i += 2) {
            s += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
        }
        if (i < len) {
            s += (b[off + i] & 0xff) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    private static int pseudo(int src, int dst, int proto, int len) {
        long s = (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + proto + len;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    static void put16(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 8);
        b[o + 1] = (byte) v;
    }

    static void put32(byte[] b, int o, int v) {
        put16(b, o, v >>> 16);
        put16(b, o + 2, v);
    }

    static void put48(byte[] b, int o, long v) {
        put16(b, o, (int) (v >>> 32));
        put32(b, o + 2, (int) v);
    }

    static int u16(byte[] b, int o) {
        return ((b[o] & 0xff) << 8) | (b[o + 1] & 0xff);
    }

    static int i32(byte[] b, int o) {
        return (u16(b, o) << 16) | u16(b, o + 2);
    }

    static long u48(byte[] b, int o) {
        return ((long) u16(b, o) << 32) | (i32(b, o + 2) & 0xffffffffL);
    }
}
