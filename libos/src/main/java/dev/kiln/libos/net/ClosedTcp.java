package dev.kiln.libos.net;

/**
 * TCP of a stack on which no TCP socket was ever opened: every port is closed, so every
 * segment is answered as RFC 9293 3.10.7.1 says for the CLOSED state (a RST, never a reset for a
 * reset), exactly as {@link Tcp} answers a segment that matches no connection or listener. It
 * stands in for {@link Tcp} until the first listen() or connect(), so that an image whose
 * program opens no TCP socket (a UDP-only DNS server) carries only this, not the TCP machinery.
 */
final class ClosedTcp implements Transport {
    private final NetStack s;
    private final TcpSegment seg = new TcpSegment();

    ClosedTcp(NetStack s) {
        this.s = s;
    }

    @Override
    public void receive(byte[] f, int off, int len, int src, int dst) {
        if (seg.read(s.stats, f, off, len, src, dst)) {
            reset(s, seg);
        }
    }

    /**
     * The answer to a segment for no connection (RFC 9293 3.10.7.1): a RST, never one for a
     * RST. {@link Tcp} sends it for segments that match no connection or listener too.
     */
    static void reset(NetStack s, TcpSegment g) {
        if (g.has(TcpSegment.RST)) {
            return;
        }
        if (g.has(TcpSegment.ACK)) {
            sendReset(s, g.src, g.dstPort, g.srcPort, g.ack, 0, TcpSegment.RST);
        } else {
            sendReset(s, g.src, g.dstPort, g.srcPort, 0, g.seq + g.seqLen(), TcpSegment.RST | TcpSegment.ACK);
        }
        s.stats.tcpResetsSent++;
    }

    private static void sendReset(NetStack s, int dstIp, int srcPort, int dstPort, int seq, int ack, int flags) {
        byte[] t = s.tx;
        int o = NetStack.L4_OFF;
        Bytes.put16(t, o, srcPort);
        Bytes.put16(t, o + 2, dstPort);
        Bytes.put32(t, o + 4, seq);
        Bytes.put32(t, o + 8, ack);
        t[o + 12] = (byte) ((Tcp.HEADER / 4) << 4);
        t[o + 13] = (byte) flags;
        Bytes.put16(t, o + 14, 0);
        Bytes.put16(t, o + 16, 0);
        Bytes.put16(t, o + 18, 0);
        Bytes.put16(t, o + 16, Checksum.finish(Checksum.add(
                Checksum.pseudo(s.ip, dstIp, Ipv4.PROTO_TCP, Tcp.HEADER), t, o, Tcp.HEADER)));
        s.ipv4.send(s.ip, dstIp, Ipv4.PROTO_TCP, Tcp.HEADER);
    }

    @Override
    public void poll() {
    }

    @Override
    public long nextDeadline() {
        return Long.MAX_VALUE;
    }

    @Override
    public void abortAll() {
    }

    @Override
    public boolean hasPendingOutput() {
        return false;
    }

    @Override
    public int connectionCount() {
        return 0;
    }

    @Override
    public int timeWaitCount() {
        return 0;
    }

    @Override
    public String describe() {
        return "";
    }
}
