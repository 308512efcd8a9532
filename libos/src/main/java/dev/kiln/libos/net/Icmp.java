package dev.kiln.libos.net;

/** ICMP (RFC 792): echo replies, and port unreachable for UDP (RFC 1122 3.2.2.1, 4.1.3.1). */
final class Icmp {
    private static final int ECHO_REPLY = 0;
    private static final int DEST_UNREACHABLE = 3;
    private static final int ECHO_REQUEST = 8;
    private static final int CODE_PORT_UNREACHABLE = 3;
    /** At most this many error messages per second (RFC 1812 4.3.2.8 style rate limit). */
    private static final int ERRORS_PER_SECOND = 10;

    private final NetStack s;
    private long errorWindowStart;
    private int errorsInWindow;

    Icmp(NetStack s) {
        this.s = s;
    }

    void receive(byte[] f, int off, int len, int src) {
        if (len < 8 || !Checksum.valid(Checksum.add(0, f, off, len))) {
            s.stats.rxDropped++;
            return;
        }
        int type = Bytes.u8(f, off);
        if (type != ECHO_REQUEST || Bytes.u8(f, off + 1) != 0) {
            return; // errors for our TCP/UDP are ignored: soft errors (RFC 1122 4.2.3.9)
        }
        if (NetStack.L4_OFF + len > s.tx.length) {
            return;
        }
        // The reply carries the same identifier, sequence number and data (RFC 792).
        byte[] t = s.tx;
        int o = NetStack.L4_OFF;
        System.arraycopy(f, off, t, o, len);
        t[o] = ECHO_REPLY;
        Bytes.put16(t, o + 2, 0);
        Bytes.put16(t, o + 2, Checksum.finish(Checksum.add(0, t, o, len)));
        if (s.ipv4.send(s.ip, src, Ipv4.PROTO_ICMP, len)) {
            s.stats.icmpEchoReplies++;
        }
    }

    /** Port unreachable for a UDP datagram: quotes its IP header and 8 bytes (RFC 792). */
    void portUnreachable(byte[] f, int ipOff, int ipHeaderLen, int transportLen, int src) {
        if (s.now - errorWindowStart >= 1_000_000_000L) {
            errorWindowStart = s.now;
            errorsInWindow = 0;
        }
        if (errorsInWindow >= ERRORS_PER_SECOND) {
            return;
        }
        errorsInWindow++;
        int quote = ipHeaderLen + Math.min(8, transportLen);
        byte[] t = s.tx;
        int o = NetStack.L4_OFF;
        t[o] = DEST_UNREACHABLE;
        t[o + 1] = CODE_PORT_UNREACHABLE;
        Bytes.put16(t, o + 2, 0);
        Bytes.put32(t, o + 4, 0);
        System.arraycopy(f, ipOff, t, o + 8, quote);
        Bytes.put16(t, o + 2, Checksum.finish(Checksum.add(0, t, o, 8 + quote)));
        s.ipv4.send(s.ip, src, Ipv4.PROTO_ICMP, 8 + quote);
    }
}
