package dev.kiln.libos.net;

import static dev.kiln.libos.net.SegmentHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The TCP state machine segment by segment (RFC 9293 3.10, RFC 5961, RFC 2018, RFC 6298):
 * the test is the peer, hands the stack one segment at a time and checks every segment the
 * stack sends back (see {@link SegmentHarness}).
 */
class TcpSocketTest {
    private final SegmentHarness h = new SegmentHarness();

    // ---- the JavaNetTapTest reset: a RST after both FINs ----------------------------------------

    /**
     * What the capture of JavaNetTapTest.clientSendsToLinuxAndReadsUntilEof showed: the stack
     * sends its data and FIN, Linux answers with 64 bytes and its FIN, retransmits the FIN
     * (our ACK was late), gets our ACK of the first FIN (LAST-ACK -> CLOSED) and then our ACK
     * of the retransmission, for which it has no socket any more: RST. The connection was
     * complete; the application must read the 64 bytes and then the end of the stream.
     */
    @Test
    void resetAfterBothFinsLeavesDataAndEndOfStream() {
        TcpConn c = TcpConn.active(h);
        c.write("request");
        c.expectData(7);
        c.sock.shutdownOutput();
        c.expectFin();
        c.ackAll();
        assertEquals(TcpSocket.FIN_WAIT_2, c.sock.state());
        c.sendData("the hash");
        c.expectAck();
        c.sendFin();
        c.expectAck();
        assertEquals(TcpSocket.TIME_WAIT, c.sock.state());
        h.send(SegmentHarness.seg(TcpSegment.FIN | TcpSegment.ACK, c.peerNxt - 1, c.stackNxt)); // retransmitted FIN
        c.expectAck();
        h.send(SegmentHarness.seg(TcpSegment.RST, c.peerNxt, 0)); // Linux's answer: no such socket
        h.noOutput();
        assertEquals("the hash", c.read());
        assertNull(c.read(), "end of stream");
        assertEquals(TcpSocket.ERR_NONE, c.sock.readError(), "the end of the stream, not a reset");
    }

    /** RFC 1337: a RST in TIME-WAIT is ignored (as FreeBSD does), so TIME-WAIT still guards the tuple. */
    @Test
    void timeWaitIgnoresReset() {
        TcpConn c = TcpConn.active(h);
        c.sock.shutdownOutput();
        c.expectFin();
        c.sendFin(); // acknowledges our FIN too: FIN-WAIT-1 -> TIME-WAIT
        c.expectAck();
        assertEquals(TcpSocket.TIME_WAIT, c.sock.state());
        h.send(SegmentHarness.seg(TcpSegment.RST, c.peerNxt, 0));
        assertEquals(TcpSocket.TIME_WAIT, c.sock.state());
        assertEquals(1, h.stack.tcpConnectionCount());
        h.noOutput();
        assertNull(c.read());
        assertEquals(TcpSocket.ERR_NONE, c.sock.readError());
    }

    /** As Linux: data that arrived before a RST is still read, then the reset is reported. */
    @Test
    void dataBeforeResetIsReadThenTheReset() {
        TcpConn c = TcpConn.active(h);
        c.sendData("last words");
        c.expectAck();
        h.send(c.seg(TcpSegment.RST));
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals("last words", c.read());
        assertNull(c.read());
        assertEquals(TcpSocket.ERR_RESET, c.sock.readError());
    }

    /** As Linux: data and FIN, then a RST: the data, then the end of the stream (no error). */
    @Test
    void dataAndFinBeforeResetReadAsEndOfStream() {
        TcpConn c = TcpConn.active(h);
        c.sendData("all of it");
        c.expectAck();
        c.sendFin();
        c.expectAck();
        assertEquals(TcpSocket.CLOSE_WAIT, c.sock.state());
        h.send(c.seg(TcpSegment.RST));
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals("all of it", c.read());
        assertNull(c.read());
        assertEquals(TcpSocket.ERR_NONE, c.sock.readError());
        assertEquals(TcpSocket.ERR_RESET, c.sock.error(), "a write would still see the reset");
    }

    // ---- reassembly --------------------------------------------------------------------------

    /**
     * With every hole descriptor in use, the segment at RCV.NXT must still be taken: it needs no
     * descriptor. (Refusing it stalled the lossy bulk test: the peer can only resend it.)
     */
    @Test
    void inOrderSegmentIsTakenWhenTheOutOfOrderRangesAreFull() {
        TcpConn c = TcpConn.active(h);
        int ranges = h.stack.config.tcpReassemblyRanges;
        int base = c.peerNxt;
        for (int i = 0; i < ranges; i++) {
            TcpSegment g = c.seg(0);
            g.seq = base + 100 + 20 * i; // ten bytes every twenty, from 100 on
            g.payload(new byte[10], 0, 10);
            h.send(g);
            assertEquals(base, h.recv().ack, "a duplicate ACK for out-of-order data");
        }
        TcpSegment extra = c.seg(0);
        extra.seq = base + 100 + 20 * ranges;
        extra.payload(new byte[10], 0, 10);
        h.send(extra);
        assertEquals(base, h.recv().ack);
        assertEquals(1, h.stack.stats().tcpReassemblyDrops, "one range too many is dropped");

        c.sendData("x".repeat(50)); // [0, 50): in order, no range touches it
        TcpSegment ack = h.recv();
        assertEquals(base + 50, ack.ack, "in-order data is acknowledged " + describe(ack));
        assertEquals(50, c.sock.available());
        c.sendData("y".repeat(50)); // [50, 100) joins the first range: 100..110 follows
        assertEquals(base + 110, h.recv().ack);
        assertEquals(110, c.sock.available());
    }
}
