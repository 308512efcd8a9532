package dev.kiln.libos.net;

import static dev.kiln.libos.net.SegmentHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

/**
 * One connection of the stack under a {@link SegmentHarness}, with the peer's side of the
 * bookkeeping: the next sequence number the peer sends ({@link #peerNxt}) and the next one it
 * expects from the stack ({@link #stackNxt}). The constructors open the connection with real
 * handshakes, so a test starts from ESTABLISHED and drives the state it needs from there.
 */
final class TcpConn {
    static final int PEER_ISS = 1_000_000;

    final SegmentHarness h;
    final TcpSocket sock;
    int peerNxt;
    int stackNxt;
    /** The peer's window field (as sent: scaled by the peer's shift if it offered one). */
    int peerWindow = 65535;

    private TcpConn(SegmentHarness h, TcpSocket sock, int peerNxt, int stackNxt) {
        this.h = h;
        this.sock = sock;
        this.peerNxt = peerNxt;
        this.stackNxt = stackNxt;
    }

    /** The stack connects; the peer answers with MSS 1460 and SACK-permitted (no window scaling). */
    static TcpConn active(SegmentHarness h) {
        return active(h, 1460, true);
    }

    static TcpConn active(SegmentHarness h, int peerMss, boolean sack) {
        return open(h, h.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT), peerMss, sack, -1);
    }

    /** The stack connects from an ephemeral port with its own buffer sizes; the peer may offer window scaling. */
    static TcpConn active(SegmentHarness h, int sendBuffer, int receiveBuffer, int peerWscale) {
        return open(h, h.stack.connect(PEER_IP, PEER_PORT, sendBuffer, receiveBuffer), 1460, true, peerWscale);
    }

    private static TcpConn open(SegmentHarness h, TcpSocket s, int peerMss, boolean sack, int peerWscale) {
        TcpSegment syn = h.recv();
        assertEquals(TcpSegment.SYN, syn.flags, describe(syn));
        TcpSegment synAck = SegmentHarness.seg(TcpSegment.SYN | TcpSegment.ACK, PEER_ISS, syn.seq + 1);
        synAck.dstPort = s.localPort();
        synAck.mss = peerMss;
        synAck.sackPermitted = sack;
        synAck.wscale = peerWscale;
        h.send(synAck);
        TcpSegment ack = h.recv();
        assertEquals(TcpSegment.ACK, ack.flags, describe(ack));
        assertEquals(syn.seq + 1, ack.seq);
        assertEquals(PEER_ISS + 1, ack.ack);
        h.noOutput();
        assertEquals(TcpSocket.ESTABLISHED, s.state());
        return new TcpConn(h, s, PEER_ISS + 1, syn.seq + 1);
    }

    /** The peer connects to a listener on LOCAL_PORT and the stack accepts. */
    static TcpConn passive(SegmentHarness h) {
        TcpListener l = h.stack.listen(LOCAL_PORT, 4);
        TcpSegment syn = SegmentHarness.seg(TcpSegment.SYN, PEER_ISS, 0);
        syn.mss = 1460;
        syn.sackPermitted = true;
        h.send(syn);
        TcpSegment synAck = h.recv();
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, synAck.flags, describe(synAck));
        assertEquals(PEER_ISS + 1, synAck.ack);
        h.send(SegmentHarness.seg(TcpSegment.ACK, PEER_ISS + 1, synAck.seq + 1));
        h.noOutput();
        TcpSocket s = l.accept();
        assertNotNull(s);
        return new TcpConn(h, s, PEER_ISS + 1, synAck.seq + 1);
    }

    /** A connection the test opened by hand: the peer's next sequence number and the stack's. */
    static TcpConn attach(SegmentHarness h, TcpSocket s, int peerNxt, int stackNxt) {
        assertEquals(TcpSocket.ESTABLISHED, s.state());
        return new TcpConn(h, s, peerNxt, stackNxt);
    }

    /** A segment from the peer at its current sequence numbers (ACK set). */
    TcpSegment seg(int flags) {
        TcpSegment g = SegmentHarness.seg(flags | TcpSegment.ACK, peerNxt, stackNxt);
        g.dstPort = sock.localPort();
        g.window = peerWindow;
        return g;
    }

    /** The peer sends text (advancing its sequence number). */
    void sendData(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        TcpSegment g = seg(TcpSegment.PSH);
        g.payload(b, 0, b.length);
        h.send(g);
        peerNxt += b.length;
    }

    /** The peer sends its FIN (with everything before acknowledged). */
    void sendFin() {
        h.send(seg(TcpSegment.FIN));
        peerNxt++;
    }

    /** The peer acknowledges everything the stack sent so far. */
    void ackAll() {
        h.send(seg(0));
    }

    /** The next segment from the stack, checked to be an ACK of everything the peer sent, at stackNxt. */
    TcpSegment expectAck() {
        TcpSegment g = h.recv();
        assertEquals(TcpSegment.ACK, g.flags, describe(g));
        assertEquals(stackNxt, g.seq, "SEG.SEQ " + describe(g));
        assertEquals(peerNxt, g.ack, "SEG.ACK " + describe(g));
        assertEquals(0, g.dataLen, describe(g));
        return g;
    }

    /** The next segment from the stack carries data at stackNxt; the peer takes it (not yet acknowledged). */
    TcpSegment expectData(int len) {
        TcpSegment g = h.recv();
        assertTrue(g.has(TcpSegment.ACK) && !g.has(TcpSegment.SYN) && !g.has(TcpSegment.RST), describe(g));
        assertEquals(stackNxt, g.seq, "SEG.SEQ " + describe(g));
        assertEquals(len, g.dataLen, describe(g));
        stackNxt += len + (g.has(TcpSegment.FIN) ? 1 : 0);
        return g;
    }

    /** The next segment from the stack is its FIN (no data). */
    TcpSegment expectFin() {
        TcpSegment g = h.recv();
        assertEquals(TcpSegment.FIN | TcpSegment.ACK, g.flags, describe(g));
        assertEquals(stackNxt, g.seq, describe(g));
        assertEquals(0, g.dataLen, describe(g));
        stackNxt++;
        return g;
    }

    /** The application writes text. */
    void write(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertEquals(b.length, sock.write(b, 0, b.length));
    }

    /** What the application reads now (up to 64 KiB): the text, or null for -1 (end of stream or error). */
    String read() {
        byte[] b = new byte[65536];
        int n = sock.read(b, 0, b.length);
        return n < 0 ? null : new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
