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
    private final TcpSegment out = new TcpSegment();

    ClosedTcp(NetStack s) {
        this.s = s;
    }

    @Override
    public void receive(byte[] f, int off, int len, int src, int dst) {
        if (seg.read(s.stats, f, off, len, src, dst)) {
            reset(s, seg, out);
        }
    }

    /**
     * The answer to a segment for no connection (RFC 9293 3.10.7.1): a RST, never one for a
     * RST. {@link Tcp} sends it for segments that match no connection or listener too; out is
     * the caller's output struct.
     */
    static void reset(NetStack s, TcpSegment g, TcpSegment out) {
        if (g.has(TcpSegment.RST)) {
            return;
        }
        out.clear();
        out.dst = g.src;
        out.srcPort = g.dstPort;
        out.dstPort = g.srcPort;
        if (g.has(TcpSegment.ACK)) {
            out.seq = g.ack;
            out.flags = TcpSegment.RST;
        } else {
            out.ack = g.seq + g.seqLen();
            out.flags = TcpSegment.RST | TcpSegment.ACK;
        }
        s.sendTcp(out);
        s.stats.tcpResetsSent++;
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
    public long bufferBytes() {
        return 0;
    }

    @Override
    public String describe() {
        return "";
    }
}
