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

    // ---- opening ------------------------------------------------------------------------------

    @Test
    void activeOpenOffersMssWindowScaleAndSack() {
        TcpSocket s = h.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = h.recv();
        assertEquals(TcpSegment.SYN, syn.flags);
        assertEquals(1460, syn.mss, "MTU 1500 - 40");
        assertEquals(1, syn.wscale, "the smallest shift that advertises a 64 KiB buffer");
        assertTrue(syn.sackPermitted);
        assertEquals(TcpSocket.SYN_SENT, s.state());
    }

    @Test
    void passiveOpenAnswersOnlyWhatThePeerOffered() {
        TcpListener l = h.stack.listen(LOCAL_PORT, 4);
        h.send(SegmentHarness.seg(TcpSegment.SYN, 5000, 0)); // no options at all
        TcpSegment synAck = h.recv();
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, synAck.flags);
        assertEquals(5001, synAck.ack);
        assertEquals(-1, synAck.wscale, "no window scaling unless the peer offers it (RFC 7323 1.3)");
        assertFalse(synAck.sackPermitted, "no SACK unless the peer offers it (RFC 2018 2)");
        assertEquals(1460, synAck.mss);
        assertNull(l.accept(), "not accepted before the handshake completes");
    }

    @Test
    void lostSynAckIsResentForARetransmittedSyn() {
        h.stack.listen(LOCAL_PORT, 4);
        h.send(SegmentHarness.seg(TcpSegment.SYN, 5000, 0));
        TcpSegment first = h.recv();
        h.send(SegmentHarness.seg(TcpSegment.SYN, 5000, 0));
        TcpSegment again = h.recv();
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, again.flags);
        assertEquals(first.seq, again.seq, "the same ISS");
        assertEquals(1, h.stack.tcpConnectionCount());
    }

    @Test
    void synRetriesThenTimesOutWithoutReset() {
        TcpSocket s = h.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = h.recv();
        long interval = 1_000_000_000L; // RFC 6298 2.1: the initial RTO is 1 s
        for (int i = 0; i < h.stack.config.tcpMaxSynRetries; i++) {
            assertEquals(interval, h.fireNextTimer(), "retry " + (i + 1) + " after a doubled RTO");
            TcpSegment again = h.recv();
            assertEquals(TcpSegment.SYN, again.flags);
            assertEquals(syn.seq, again.seq);
            interval *= 2;
        }
        h.fireNextTimer();
        assertEquals(TcpSocket.CLOSED, s.state());
        assertEquals(TcpSocket.ERR_TIMEOUT, s.error());
        h.noOutput();
    }

    @Test
    void simultaneousOpenAnswersSynWithSynAckOnTheSameIss() {
        TcpSocket s = h.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = h.recv();
        h.send(SegmentHarness.seg(TcpSegment.SYN, 7000, 0));
        assertEquals(TcpSocket.SYN_RECEIVED, s.state());
        TcpSegment synAck = h.recv();
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, synAck.flags);
        assertEquals(syn.seq, synAck.seq);
        assertEquals(7001, synAck.ack);
        h.send(SegmentHarness.seg(TcpSegment.SYN | TcpSegment.ACK, 7000, syn.seq + 1));
        assertEquals(TcpSocket.ESTABLISHED, s.state(), "RFC 9293 figure 8 line 6, as Linux");
        TcpSegment ack = h.recv();
        assertEquals(TcpSegment.ACK, ack.flags);
        assertEquals(syn.seq + 1, ack.seq);
        assertEquals(7001, ack.ack);
        h.noOutput();
        h.advance(10 * SEC);
        h.noOutput(); // no SYN,ACK retransmission: the handshake is done
    }

    @Test
    void synAckWithAWrongAckIsAnsweredWithReset() {
        TcpSocket s = h.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = h.recv();
        h.send(SegmentHarness.seg(TcpSegment.SYN | TcpSegment.ACK, 7000, syn.seq + 5));
        TcpSegment rst = h.recv();
        assertEquals(TcpSegment.RST, rst.flags, "RFC 9293 3.10.7.3: <SEQ=SEG.ACK><CTL=RST>");
        assertEquals(syn.seq + 5, rst.seq);
        assertEquals(TcpSocket.SYN_SENT, s.state(), "the connection attempt goes on");
    }

    // ---- RST in every state (RFC 9293 3.10.7, RFC 5961 3) -------------------------------------

    @Test
    void rstInSynSent() {
        TcpSocket s = h.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = h.recv();
        h.send(SegmentHarness.seg(TcpSegment.RST, 0, 0));
        assertEquals(TcpSocket.SYN_SENT, s.state(), "a RST without ACK is dropped");
        h.send(SegmentHarness.seg(TcpSegment.RST | TcpSegment.ACK, 0, syn.seq + 2));
        assertEquals(TcpSocket.SYN_SENT, s.state(), "a RST with an unacceptable ACK is dropped");
        h.noOutput();
        h.send(SegmentHarness.seg(TcpSegment.RST | TcpSegment.ACK, 0, syn.seq + 1));
        assertEquals(TcpSocket.CLOSED, s.state());
        assertEquals(TcpSocket.ERR_REFUSED, s.error(), "connection refused");
        h.noOutput();
    }

    @Test
    void rstInSynReceived() {
        TcpListener l = h.stack.listen(LOCAL_PORT, 4);
        h.send(SegmentHarness.seg(TcpSegment.SYN, 5000, 0));
        TcpSegment synAck = h.recv();
        h.send(SegmentHarness.seg(TcpSegment.RST, 5001 + 100, 0));
        TcpSegment challenge = h.recv();
        assertEquals(TcpSegment.ACK, challenge.flags, "in-window RST: challenge ACK");
        assertEquals(5001, challenge.ack);
        h.send(SegmentHarness.seg(TcpSegment.RST, 5001 + 1_000_000, 0));
        h.noOutput();
        assertEquals(1, h.stack.tcpConnectionCount(), "out of window: dropped");
        h.send(SegmentHarness.seg(TcpSegment.RST, 5001, 0));
        assertEquals(0, h.stack.tcpConnectionCount(), "exact RST: back to LISTEN");
        assertNull(l.accept());
        h.noOutput();
        h.send(SegmentHarness.seg(TcpSegment.SYN, 9000, 0));
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, h.recv().flags, "the listener still listens");
        assertNotEquals(0, synAck.seq);
    }

    /** The states of a connection with the peer at RCV.NXT, each reached by real segments. */
    private TcpConn inState(SegmentHarness sh, int state) {
        TcpConn c = TcpConn.active(sh);
        switch (state) {
            case TcpSocket.ESTABLISHED:
                break;
            case TcpSocket.FIN_WAIT_1:
                c.sock.shutdownOutput();
                c.expectFin();
                break;
            case TcpSocket.FIN_WAIT_2:
                c.sock.shutdownOutput();
                c.expectFin();
                c.ackAll();
                break;
            case TcpSocket.CLOSE_WAIT:
                c.sendFin();
                c.expectAck();
                break;
            case TcpSocket.CLOSING: {
                c.sock.shutdownOutput();
                c.expectFin();
                TcpSegment fin = c.seg(TcpSegment.FIN);
                fin.ack = c.stackNxt - 1; // crossing FINs: the peer has not seen ours
                sh.send(fin);
                c.peerNxt++;
                c.expectAck();
                break;
            }
            case TcpSocket.LAST_ACK:
                c.sendFin();
                c.expectAck();
                c.sock.shutdownOutput();
                c.expectFin();
                break;
            case TcpSocket.TIME_WAIT:
                c.sock.shutdownOutput();
                c.expectFin();
                c.sendFin();
                c.expectAck();
                break;
            default:
                throw new AssertionError(state);
        }
        assertEquals(TcpSocket.stateName(state), TcpSocket.stateName(c.sock.state()));
        sh.noOutput();
        return c;
    }

    private static final int[] SYNCHRONIZED = {TcpSocket.ESTABLISHED, TcpSocket.FIN_WAIT_1, TcpSocket.FIN_WAIT_2,
            TcpSocket.CLOSE_WAIT, TcpSocket.CLOSING, TcpSocket.LAST_ACK, TcpSocket.TIME_WAIT};

    @Test
    void rstInEverySynchronizedState() {
        for (int state : SYNCHRONIZED) {
            String name = TcpSocket.stateName(state);
            // Out of the window: dropped without a word (RFC 5961 3.2).
            SegmentHarness sh = new SegmentHarness();
            TcpConn c = inState(sh, state);
            TcpSegment far = c.seg(TcpSegment.RST);
            far.seq = c.peerNxt + 200_000;
            sh.send(far);
            sh.noOutput();
            assertEquals(name, TcpSocket.stateName(c.sock.state()), name + ": RST out of the window");
            // In the window but not at RCV.NXT: a challenge ACK, nothing else (RFC 5961 3.2).
            TcpSegment near = c.seg(TcpSegment.RST);
            near.seq = c.peerNxt + 1000;
            sh.send(near);
            assertEquals(name, TcpSocket.stateName(c.sock.state()), name + ": RST in the window");
            if (state == TcpSocket.TIME_WAIT) {
                sh.noOutput(); // RFC 1337: RSTs are ignored in TIME-WAIT
            } else {
                c.expectAck();
            }
            // At RCV.NXT: the connection is reset (TIME-WAIT ignores it, RFC 1337).
            sh.send(c.seg(TcpSegment.RST));
            sh.noOutput();
            if (state == TcpSocket.TIME_WAIT) {
                assertEquals(TcpSocket.TIME_WAIT, c.sock.state());
            } else {
                assertEquals(TcpSocket.CLOSED, c.sock.state(), name + ": exact RST");
                assertEquals(TcpSocket.ERR_RESET, c.sock.error(), name);
                assertEquals(0, sh.stack.tcpConnectionCount(), name);
                assertEquals(-1, c.sock.write(new byte[1], 0, 1), name + ": no writing after a reset");
            }
        }
    }

    @Test
    void challengeAcksAreRateLimited() {
        TcpConn c = TcpConn.active(h);
        for (int i = 0; i < 150; i++) {
            TcpSegment near = c.seg(TcpSegment.RST);
            near.seq = c.peerNxt + 1 + i;
            h.send(near);
        }
        assertEquals(100, h.recvAll().size(), "RFC 5961 7: at most 100 challenge ACKs a second");
        h.advance(SEC);
        TcpSegment near = c.seg(TcpSegment.RST);
        near.seq = c.peerNxt + 1;
        h.send(near);
        c.expectAck();
        assertEquals(TcpSocket.ESTABLISHED, c.sock.state());
    }

    // ---- SYN in a synchronized state (RFC 5961 4) ----------------------------------------------

    @Test
    void synInEverySynchronizedStateGetsAChallengeAck() {
        for (int state : SYNCHRONIZED) {
            if (state == TcpSocket.TIME_WAIT) {
                continue; // a SYN there may start a new incarnation: see below
            }
            String name = TcpSocket.stateName(state);
            SegmentHarness sh = new SegmentHarness();
            TcpConn c = inState(sh, state);
            TcpSegment syn = SegmentHarness.seg(TcpSegment.SYN, c.peerNxt + 10, 0);
            sh.send(syn);
            c.expectAck();
            assertEquals(name, TcpSocket.stateName(c.sock.state()), name);
            TcpSegment old = SegmentHarness.seg(TcpSegment.SYN, TcpConn.PEER_ISS, 0);
            sh.send(old);
            c.expectAck();
            assertEquals(name, TcpSocket.stateName(c.sock.state()), name + ": an old SYN");
        }
    }

    @Test
    void synForATimeWaitTupleWithAHigherSequenceStartsANewConnection() {
        TcpConn c = TcpConn.passive(h);
        c.sendFin();
        c.expectAck();
        c.sock.close();
        c.expectFin();
        c.ackAll();
        assertEquals(TcpSocket.CLOSED, c.sock.state(), "the passive closer has no TIME-WAIT");

        SegmentHarness sh = new SegmentHarness();
        TcpListener l = sh.stack.listen(LOCAL_PORT, 4);
        TcpSegment syn = SegmentHarness.seg(TcpSegment.SYN, TcpConn.PEER_ISS, 0);
        sh.send(syn);
        TcpSegment synAck = sh.recv();
        sh.send(SegmentHarness.seg(TcpSegment.ACK, TcpConn.PEER_ISS + 1, synAck.seq + 1));
        TcpSocket s = l.accept();
        s.close(); // active close: we end in TIME-WAIT
        TcpSegment fin = sh.recv();
        sh.send(SegmentHarness.seg(TcpSegment.FIN | TcpSegment.ACK, TcpConn.PEER_ISS + 1, fin.seq + 1));
        sh.recv();
        assertEquals(TcpSocket.TIME_WAIT, s.state());
        sh.send(SegmentHarness.seg(TcpSegment.SYN, TcpConn.PEER_ISS + 100_000, 0));
        TcpSegment again = sh.recv();
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, again.flags, "RFC 6191: a new incarnation");
        assertEquals(TcpConn.PEER_ISS + 100_001, again.ack);
        assertEquals(TcpSocket.CLOSED, s.state());
    }

    // ---- FIN in each state (RFC 9293 3.10.7.4, eighth step) -----------------------------------

    @Test
    void finInEstablishedGoesToCloseWaitAndEndsTheStream() {
        TcpConn c = TcpConn.active(h);
        c.sendData("bye");
        c.expectAck();
        c.sendFin();
        c.expectAck();
        assertEquals(TcpSocket.CLOSE_WAIT, c.sock.state());
        assertEquals("bye", c.read());
        assertNull(c.read());
        c.write("still allowed in CLOSE-WAIT");
        c.expectData(27);
    }

    @Test
    void outOfOrderFinWaitsForTheDataBeforeIt() {
        TcpConn c = TcpConn.active(h);
        TcpSegment fin = c.seg(TcpSegment.FIN);
        fin.seq = c.peerNxt + 5;
        h.send(fin);
        TcpSegment dup = c.expectAck();
        assertEquals(c.peerNxt, dup.ack, "the FIN is not acknowledged before the data before it");
        assertEquals(TcpSocket.ESTABLISHED, c.sock.state());
        c.sendData("12345");
        c.expectAck();
        c.sendFin(); // the retransmitted FIN, now in order
        c.expectAck();
        assertEquals(TcpSocket.CLOSE_WAIT, c.sock.state());
    }

    @Test
    void finWithDataIsAcknowledgedTogether() {
        TcpConn c = TcpConn.active(h);
        TcpSegment g = c.seg(TcpSegment.FIN | TcpSegment.PSH);
        byte[] b = "end".getBytes();
        g.payload(b, 0, 3);
        h.send(g);
        c.peerNxt += 4;
        c.expectAck();
        assertEquals(TcpSocket.CLOSE_WAIT, c.sock.state());
        assertEquals("end", c.read());
    }

    @Test
    void finInFinWait1WithoutOurFinAckedIsClosingThenTimeWait() {
        inState(h, TcpSocket.CLOSING); // checked there: FIN-WAIT-1 + FIN -> CLOSING, ACK sent
        TcpConn c = inState(new SegmentHarness(), TcpSocket.CLOSING);
        c.ackAll();
        assertEquals(TcpSocket.TIME_WAIT, c.sock.state());
        c.h.noOutput();
    }

    @Test
    void finAckingOurFinInFinWait1GoesStraightToTimeWait() {
        TcpConn c = inState(h, TcpSocket.FIN_WAIT_1);
        c.sendFin();
        c.expectAck();
        assertEquals(TcpSocket.TIME_WAIT, c.sock.state());
    }

    @Test
    void finInFinWait2GoesToTimeWaitForTwoMsl() {
        TcpConn c = inState(h, TcpSocket.FIN_WAIT_2);
        c.sendData("late data is still read in FIN-WAIT-2");
        c.expectAck();
        c.sendFin();
        c.expectAck();
        assertEquals(TcpSocket.TIME_WAIT, c.sock.state());
        assertEquals(2 * h.stack.config.tcpMslNanos, h.fireNextTimer(), "TIME-WAIT lasts 2 MSL");
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals(0, h.stack.tcpConnectionCount());
        assertEquals("late data is still read in FIN-WAIT-2", c.read());
    }

    @Test
    void retransmittedFinIsAcknowledgedAgainInEveryStateAfterIt() {
        for (int state : new int[] {TcpSocket.CLOSE_WAIT, TcpSocket.CLOSING, TcpSocket.LAST_ACK, TcpSocket.TIME_WAIT}) {
            String name = TcpSocket.stateName(state);
            SegmentHarness sh = new SegmentHarness();
            TcpConn c = inState(sh, state);
            sh.advance(SegmentHarness.MS * 100);
            sh.recvAll(); // CLOSING and LAST-ACK retransmit their FIN meanwhile if the RTO passed
            TcpSegment again = SegmentHarness.seg(TcpSegment.FIN | TcpSegment.ACK, c.peerNxt - 1, c.stackNxt - 1);
            sh.send(again);
            TcpSegment ack = sh.recv();
            assertTrue(ack.has(TcpSegment.ACK), name);
            assertEquals(c.peerNxt, ack.ack, name + ": the FIN is acknowledged again");
            assertEquals(name, TcpSocket.stateName(c.sock.state()), name);
        }
    }

    @Test
    void timeWaitRestartsOnARetransmittedFin() {
        TcpConn c = inState(h, TcpSocket.TIME_WAIT);
        h.advance(10 * SEC);
        h.send(SegmentHarness.seg(TcpSegment.FIN | TcpSegment.ACK, c.peerNxt - 1, c.stackNxt));
        c.expectAck();
        assertEquals(2 * h.stack.config.tcpMslNanos, h.fireNextTimer(), "2 MSL from the retransmitted FIN");
        assertEquals(TcpSocket.CLOSED, c.sock.state());
    }

    @Test
    void lastAckEndsWhenTheFinIsAcknowledged() {
        TcpConn c = inState(h, TcpSocket.LAST_ACK);
        c.ackAll();
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals(TcpSocket.ERR_NONE, c.sock.error());
        assertEquals(0, h.stack.tcpConnectionCount());
        h.noOutput();
    }

    @Test
    void orphanedFinWait2EndsAfterItsTimeout() {
        TcpConn c = inState(h, TcpSocket.FIN_WAIT_2);
        c.sock.close();
        assertEquals(h.stack.config.tcpFinWait2TimeoutNanos, h.fireNextTimer());
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals(0, h.stack.tcpConnectionCount());
    }

    @Test
    void dataAfterCloseIsAcknowledgedAndDropped() {
        TcpConn c = TcpConn.active(h);
        c.sock.close();
        c.expectFin();
        TcpSegment g = c.seg(TcpSegment.PSH);
        g.ack = c.stackNxt - 1; // sent before our FIN arrived
        g.payload("nobody reads this".getBytes(), 0, 17);
        h.send(g);
        c.peerNxt += 17;
        c.expectAck();
        assertEquals(TcpSocket.FIN_WAIT_1, c.sock.state(), "no RST: RFC 1122 4.2.2.13 says SHOULD; a lingering close serves clients better");
    }

    @Test
    void closeWithUnreadDataResets() {
        TcpConn c = TcpConn.active(h);
        c.sendData("unread");
        c.expectAck();
        c.sock.close();
        TcpSegment rst = h.recv();
        assertEquals(TcpSegment.RST, rst.flags, "RFC 2525 2.17: a close that loses data resets");
        assertEquals(c.stackNxt, rst.seq);
        assertEquals(TcpSocket.CLOSED, c.sock.state());
    }

    // ---- flow control: zero windows, probes, window updates (RFC 9293 3.8.6) -------------------

    @Test
    void zeroWindowIsProbedWithBackoffUntilItOpens() {
        TcpConn c = TcpConn.active(h);
        c.write("first");
        c.expectData(5);
        c.peerWindow = 0;
        c.ackAll(); // takes the data and closes the window
        c.write("x".repeat(100));
        h.noOutput(); // the window is closed
        long rto = 200 * MS; // the minimum RTO: the handshake's RTT on the fake clock is 0
        long interval = rto;
        for (int i = 0; i < 8; i++) {
            assertEquals(interval, h.fireNextTimer(), "probe " + i);
            TcpSegment probe = h.recv();
            assertEquals(c.stackNxt, probe.seq, "the probe is one byte of new data at SND.NXT (3.8.6.1)");
            assertEquals(1, probe.dataLen);
            h.noOutput();
            c.ackAll(); // the window is still closed: the byte is not taken
            h.noOutput(); // ... and that ACK is no duplicate that could start a fast retransmit
            interval = Math.min(interval * 2, 60 * SEC);
        }
        assertEquals(TcpSocket.ESTABLISHED, c.sock.state(), "a peer that answers probes is never given up");
        c.peerWindow = 65535;
        c.ackAll();
        c.expectData(100);
        h.noOutput();
    }

    @Test
    void aPeerThatNeverAnswersTheProbesIsGivenUp() {
        TcpConn c = TcpConn.active(h);
        c.write("first");
        c.expectData(5);
        c.peerWindow = 0;
        c.ackAll();
        c.write("stuck");
        for (int i = 0; i < h.stack.config.tcpMaxRetries; i++) {
            h.fireNextTimer();
            assertEquals(1, h.recv().dataLen, "probe " + (i + 1));
        }
        assertEquals(TcpSocket.ESTABLISHED, c.sock.state());
        h.fireNextTimer();
        assertEquals(TcpSegment.RST, h.recv().flags, "a closed window and silence must not hold a connection for ever");
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals(TcpSocket.ERR_TIMEOUT, c.sock.error());
    }

    @Test
    void persistTimerCapsAtOneMinute() {
        TcpConn c = TcpConn.active(h);
        c.peerWindow = 0;
        c.ackAll();
        c.write("x");
        long last = 0;
        for (int i = 0; i < 14; i++) {
            last = h.fireNextTimer();
            h.recv();
            c.ackAll();
        }
        assertEquals(60 * SEC, last);
    }

    @Test
    void fullReceiveBufferAdvertisesZeroAndRefusesTheProbe() {
        TcpConn c = TcpConn.active(h, 4096, 1024, -1);
        String kb = "k".repeat(1024);
        c.sendData(kb);
        TcpSegment ack = c.expectAck();
        assertEquals(0, ack.window, "the buffer is full");
        TcpSegment probe = c.seg(0);
        probe.payload(new byte[] {'p'}, 0, 1);
        h.send(probe);
        TcpSegment answer = c.expectAck();
        assertEquals(c.peerNxt, answer.ack, "the probe's byte is not taken");
        assertEquals(0, answer.window);
        byte[] b = new byte[100];
        assertEquals(100, c.sock.read(b, 0, 100));
        h.noOutput(); // 100 bytes are not worth a window update (silly window avoidance)
        byte[] rest = new byte[1024];
        assertEquals(924, c.sock.read(rest, 0, rest.length));
        TcpSegment update = c.expectAck();
        assertEquals(1024, update.window, "the window update once the application read");
    }

    @Test
    void windowScalingIsAppliedBothWays() {
        TcpConn c = TcpConn.active(h, 64 * 1024, 256 * 1024, 7);
        c.sendData("a");
        TcpSegment ack = c.expectAck();
        assertEquals(32768, ack.window, "our shift is 3 for 256 KiB (2 would leave 65536, one too many)");
        c.peerWindow = 3; // 3 << 7 = 384 bytes
        c.ackAll();
        c.write("y".repeat(1000));
        c.expectData(384);
        h.noOutput();
    }

    // ---- SACK (RFC 2018) ----------------------------------------------------------------------

    private static TcpSegment dataAt(TcpConn c, int rel, int len) {
        TcpSegment g = c.seg(0);
        g.seq = c.peerNxt + rel;
        g.payload(new byte[len], 0, len);
        return g;
    }

    @Test
    void receiverDescribesOutOfOrderDataInSackBlocks() {
        TcpConn c = TcpConn.active(h);
        int p = c.peerNxt;
        h.send(dataAt(c, 100, 10));
        TcpSegment a = c.expectAck();
        assertEquals(1, a.sackBlocks, "a duplicate ACK with the block at once");
        assertEquals(p + 100, a.sackStart[0]);
        assertEquals(p + 110, a.sackEnd[0]);
        h.send(dataAt(c, 200, 10));
        a = c.expectAck();
        assertEquals(2, a.sackBlocks);
        assertEquals(p + 200, a.sackStart[0], "the most recent block first");
        assertEquals(p + 100, a.sackStart[1]);
        h.send(dataAt(c, 0, 100));
        c.peerNxt = p + 110;
        a = c.expectAck();
        assertEquals(1, a.sackBlocks);
        assertEquals(p + 200, a.sackStart[0]);
        h.send(dataAt(c, 0, 90));
        c.peerNxt = p + 210;
        a = c.expectAck();
        assertEquals(0, a.sackBlocks, "no holes left");
        assertEquals(210, c.sock.available());
    }

    @Test
    void senderRetransmitsTheHoleTheSackBlocksShow() {
        TcpConn c = TcpConn.active(h);
        int s0 = c.stackNxt;
        c.write("d".repeat(10 * 1460));
        for (int i = 0; i < 10; i++) {
            c.expectData(1460);
        }
        h.noOutput();
        // Segment 0 was lost; 1, 2 and 3 arrived: three duplicate ACKs with growing SACK blocks.
        for (int i = 1; i <= 3; i++) {
            TcpSegment dup = SegmentHarness.seg(TcpSegment.ACK, c.peerNxt, s0);
            dup.addSack(s0 + 1460, s0 + 1460 * (i + 1));
            h.send(dup);
        }
        TcpSegment rexmit = h.recv();
        assertEquals(s0, rexmit.seq, "fast retransmit of the hole");
        assertEquals(1460, rexmit.dataLen);
        assertEquals(1, h.stack.stats().tcpFastRetransmits);
        h.recvAll();
        // The peer now has 0..3; 4 was lost too: the partial ACK leads to it, not to 0 again.
        TcpSegment partial = SegmentHarness.seg(TcpSegment.ACK, c.peerNxt, s0 + 4 * 1460);
        partial.addSack(s0 + 5 * 1460, s0 + 10 * 1460);
        h.send(partial);
        TcpSegment next = h.recv();
        assertEquals(s0 + 4 * 1460, next.seq, "the next hole");
        h.recvAll();
        h.send(SegmentHarness.seg(TcpSegment.ACK, c.peerNxt, s0 + 10 * 1460));
        assertEquals(0, c.sock.unsentOrUnacked());
        assertFalse(c.sock.cc.inRecovery, "recovery ends with the full ACK");
    }

    // ---- retransmission (RFC 6298, RFC 5681) -------------------------------------------------

    @Test
    void retransmissionTimeoutBacksOffThenGivesUpWithReset() {
        TcpConn c = TcpConn.active(h);
        c.write("lost in the void");
        TcpSegment first = c.expectData(16);
        long interval = 200 * MS;
        for (int i = 0; i < h.stack.config.tcpMaxRetries; i++) {
            assertEquals(interval, h.fireNextTimer(), "retransmission " + (i + 1));
            TcpSegment again = h.recv();
            assertEquals(first.seq, again.seq);
            assertEquals(16, again.dataLen);
            h.noOutput();
            interval = Math.min(2 * interval, 60 * SEC);
        }
        h.fireNextTimer();
        TcpSegment rst = h.recv();
        assertEquals(TcpSegment.RST, rst.flags);
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals(TcpSocket.ERR_TIMEOUT, c.sock.error());
    }

    @Test
    void timeoutShrinksTheWindowToOneSegment() {
        TcpConn c = TcpConn.active(h);
        c.write("r".repeat(5 * 1460));
        for (int i = 0; i < 5; i++) {
            c.expectData(1460);
        }
        h.fireNextTimer();
        TcpSegment again = h.recv();
        assertEquals(c.stackNxt - 5 * 1460, again.seq);
        h.noOutput(); // cwnd is one segment after a timeout (RFC 5681 3.1)
        h.send(SegmentHarness.seg(TcpSegment.ACK, c.peerNxt, again.seq + 1460));
        assertEquals(2, h.recvAll().size(), "slow start: two segments for the next ACK");
    }

    @Test
    void threeDuplicateAcksRetransmitWithLimitedTransmitBefore() {
        TcpConn c = TcpConn.active(h, 1460, false);
        int s0 = c.stackNxt;
        c.write("n".repeat(12 * 1460));
        for (int i = 0; i < 10; i++) {
            c.expectData(1460);
        }
        h.noOutput(); // the initial window is ten segments
        TcpSegment dup = SegmentHarness.seg(TcpSegment.ACK, c.peerNxt, s0);
        h.send(dup);
        assertEquals(s0 + 10 * 1460, h.recv().seq, "RFC 3042: one new segment for the first duplicate");
        h.send(dup);
        assertEquals(s0 + 11 * 1460, h.recv().seq, "and one for the second");
        h.send(dup);
        TcpSegment rexmit = h.recv();
        assertEquals(s0, rexmit.seq, "fast retransmit on the third");
        h.noOutput();
    }

    @Test
    void ackOfUnsentDataIsAnsweredAndDropped() {
        TcpConn c = TcpConn.active(h);
        h.send(SegmentHarness.seg(TcpSegment.ACK, c.peerNxt, c.stackNxt + 1000));
        c.expectAck();
        assertEquals(TcpSocket.ESTABLISHED, c.sock.state());
    }

    @Test
    void ancientAckGetsAChallengeAck() {
        TcpConn c = TcpConn.active(h);
        h.send(SegmentHarness.seg(TcpSegment.ACK, c.peerNxt, c.stackNxt - 200_000));
        c.expectAck(); // RFC 5961 5.2
        assertEquals(1, h.stack.stats().tcpChallengeAcks);
    }

    // ---- keepalive (RFC 9293 3.8.4) -----------------------------------------------------------

    @Test
    void keepaliveProbesAnIdlePeerAndGivesUp() {
        TcpConn c = TcpConn.active(h);
        c.sock.setKeepalive(true);
        assertEquals(h.stack.config.tcpKeepaliveIdleNanos, h.fireNextTimer());
        TcpSegment probe = h.recv();
        assertEquals(c.stackNxt - 1, probe.seq, "SEG.SEQ = SND.NXT - 1");
        assertEquals(0, probe.dataLen);
        c.ackAll(); // answered: idle again
        assertEquals(h.stack.config.tcpKeepaliveIdleNanos, h.fireNextTimer());
        h.recv();
        for (int i = 1; i < h.stack.config.tcpKeepaliveProbes; i++) {
            assertEquals(h.stack.config.tcpKeepaliveIntervalNanos, h.fireNextTimer());
            h.recv();
        }
        h.fireNextTimer();
        assertEquals(TcpSegment.RST, h.recv().flags);
        assertEquals(TcpSocket.ERR_TIMEOUT, c.sock.error());
    }

    // ---- MSS and the MTU (RFC 9293 3.7.1, RFC 6691, RFC 791's 68) -------------------------------

    private static SegmentHarness withMtu(int mtu) {
        NetConfig c = SegmentHarness.config();
        c.mtu = mtu;
        return new SegmentHarness(c);
    }

    @Test
    void theSmallestIpv4MtuStillCarriesTcp() {
        SegmentHarness sh = withMtu(68);
        TcpSocket s = sh.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = sh.recv(); // recv checks every datagram against the MTU
        assertEquals(28, syn.mss, "68 - 40");
        sh.send(synAckFor(syn, 1460));
        sh.recv();
        TcpConn c = TcpConn.attach(sh, s, TcpConn.PEER_ISS + 1, syn.seq + 1);
        String text = "0123456789".repeat(30);
        c.write(text);
        StringBuilder got = new StringBuilder();
        while (got.length() < text.length()) {
            TcpSegment g = sh.recv();
            assertTrue(g.dataLen <= 28, "a segment of " + g.dataLen + " bytes");
            assertEquals(c.stackNxt, g.seq);
            got.append(new String(g.buf, g.dataOff, g.dataLen));
            c.stackNxt += g.dataLen;
            c.ackAll();
        }
        assertEquals(text, got.toString());
        // Out-of-order data: the ACK's SACK blocks must fit in the 28 bytes as well (three do).
        for (int i = 0; i < 3; i++) {
            sh.noOutput();
            TcpSegment g = c.seg(0);
            g.seq = c.peerNxt + 10 + 10 * i * 2;
            g.payload(new byte[5], 0, 5);
            sh.send(g);
            assertEquals(i + 1, sh.recv().sackBlocks);
        }
        c.write("more");
        TcpSegment d = sh.recv();
        assertEquals(4, d.dataLen, "data with SACK blocks: the options take at most half of the 28 bytes");
        assertEquals(1, d.sackBlocks);
        assertEquals(0, sh.stack.stats().txTooBig);
    }

    private static TcpSegment synAckFor(TcpSegment syn, int mss) {
        TcpSegment synAck = SegmentHarness.seg(TcpSegment.SYN | TcpSegment.ACK, TcpConn.PEER_ISS, syn.seq + 1);
        synAck.mss = mss;
        synAck.sackPermitted = true;
        return synAck;
    }

    @Test
    void aTinyPeerMssIsRaisedToTheIpv4Minimum() {
        TcpSocket s = h.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = h.recv();
        h.send(synAckFor(syn, 1));
        h.recv();
        TcpConn c = TcpConn.attach(h, s, TcpConn.PEER_ISS + 1, syn.seq + 1);
        c.write("x".repeat(100));
        assertEquals(28, h.recv().dataLen, "not 1-byte segments: 28, what a 68-byte MTU carries");
    }

    @Test
    void jumboLocalMtuIsLimitedByThePeersMss() {
        SegmentHarness sh = withMtu(2034);
        TcpSocket s = sh.stack.openTcp().connectFrom(LOCAL_PORT, PEER_IP, PEER_PORT);
        TcpSegment syn = sh.recv();
        assertEquals(1994, syn.mss);
        sh.send(synAckFor(syn, 1460));
        sh.recv();
        TcpConn c = TcpConn.attach(sh, s, TcpConn.PEER_ISS + 1, syn.seq + 1);
        c.write("y".repeat(3000));
        assertEquals(1460, sh.recv().dataLen);
    }

    // ---- memory: the rings' budget -----------------------------------------------------------

    @Test
    void halfOpenConnectionsHoldNoRingsAndTheBudgetRefusesWithReset() {
        NetConfig cfg = SegmentHarness.config();
        cfg.tcpBufferBudget = 3 * (cfg.tcpSendBuffer + cfg.tcpReceiveBuffer);
        SegmentHarness sh = new SegmentHarness(cfg);
        TcpListener l = sh.stack.listen(LOCAL_PORT, 16);
        int[] isn = new int[5];
        for (int i = 0; i < 5; i++) {
            TcpSegment syn = SegmentHarness.seg(TcpSegment.SYN, 1000 * i, 0);
            syn.srcPort = PEER_PORT + i;
            sh.send(syn);
            isn[i] = sh.recv().seq;
        }
        assertEquals(0, sh.stack.tcpBufferBytes(), "five half-open connections, no rings");
        for (int i = 0; i < 5; i++) {
            TcpSegment ack = SegmentHarness.seg(TcpSegment.ACK, 1000 * i + 1, isn[i] + 1);
            ack.srcPort = PEER_PORT + i;
            sh.send(ack);
        }
        assertEquals(3 * (cfg.tcpSendBuffer + cfg.tcpReceiveBuffer), sh.stack.tcpBufferBytes());
        TcpSegment rst1 = sh.recv();
        TcpSegment rst2 = sh.recv();
        assertEquals(TcpSegment.RST, rst1.flags, "the fourth handshake is refused");
        assertEquals(PEER_PORT + 3, rst1.dstPort);
        assertEquals(TcpSegment.RST, rst2.flags);
        assertEquals(2, sh.stack.stats().tcpMemoryRefusals);
        assertEquals(3, sh.stack.tcpConnectionCount());
        TcpSocket first = l.accept();
        first.abort(); // the application lets one go: its rings go back to the budget
        sh.recv();
        assertEquals(2 * (cfg.tcpSendBuffer + cfg.tcpReceiveBuffer), sh.stack.tcpBufferBytes());
        assertThrows(IllegalStateException.class, () -> {
            sh.stack.connect(PEER_IP, 9, 64 * 1024, 128 * 1024);
        }, "an active open beyond the budget fails");
        sh.stack.connect(PEER_IP, 9);
        assertEquals(3 * (cfg.tcpSendBuffer + cfg.tcpReceiveBuffer), sh.stack.tcpBufferBytes());
    }

    @Test
    void ringsGoBackToTheBudgetWhenTheConnectionEnds() {
        TcpConn c = TcpConn.passive(h);
        long one = h.stack.tcpBufferBytes();
        assertTrue(one > 0);
        c.sendData("data the application reads");
        c.expectAck();
        c.read();
        c.sendFin();
        c.expectAck();
        c.sock.close();
        c.expectFin();
        c.ackAll();
        assertEquals(TcpSocket.CLOSED, c.sock.state());
        assertEquals(0, h.stack.tcpBufferBytes());
        TcpConn d = TcpConn.active(new SegmentHarness());
        d.sock.shutdownOutput();
        d.expectFin();
        d.sendFin();
        d.expectAck();
        assertEquals(TcpSocket.TIME_WAIT, d.sock.state());
        assertEquals(d.h.stack.config.tcpReceiveBuffer, d.h.stack.tcpBufferBytes(), "TIME-WAIT keeps only unread data's ring");
        d.sock.close();
        assertEquals(0, d.h.stack.tcpBufferBytes());
    }

    @Test
    void orphansWhosePeerIsSilentGiveWayToANewConnection() {
        NetConfig cfg = SegmentHarness.config();
        int pair = cfg.tcpSendBuffer + cfg.tcpReceiveBuffer;
        cfg.tcpBufferBudget = 2 * pair;
        SegmentHarness sh = new SegmentHarness(cfg);
        TcpListener l = sh.stack.listen(LOCAL_PORT, 16);
        int[] iss = new int[3];
        for (int i = 0; i < 2; i++) {
            TcpSegment syn = SegmentHarness.seg(TcpSegment.SYN, 1000 * i, 0);
            syn.srcPort = PEER_PORT + i;
            sh.send(syn);
            iss[i] = sh.recv().seq;
            TcpSegment ack = SegmentHarness.seg(TcpSegment.ACK, 1000 * i + 1, iss[i] + 1);
            ack.srcPort = PEER_PORT + i;
            sh.send(ack);
        }
        TcpSocket a = l.accept();
        TcpSocket b = l.accept();
        a.write(new byte[100], 0, 100);
        a.close(); // the peer never acknowledges: an orphan in FIN-WAIT-1 holding its send ring
        sh.recvAll();
        assertEquals(TcpSocket.FIN_WAIT_1, a.state());
        assertEquals(pair + cfg.tcpSendBuffer, sh.stack.tcpBufferBytes(), "close gave the receive ring back");
        TcpSegment syn = SegmentHarness.seg(TcpSegment.SYN, 5000, 0);
        syn.srcPort = PEER_PORT + 2;
        sh.send(syn);
        iss[2] = sh.recv().seq;
        TcpSegment ack = SegmentHarness.seg(TcpSegment.ACK, 5001, iss[2] + 1);
        ack.srcPort = PEER_PORT + 2;
        sh.send(ack);
        TcpSegment rst = sh.recv();
        assertEquals(TcpSegment.RST, rst.flags, "the orphan's peer is told");
        assertEquals(PEER_PORT, rst.dstPort);
        sh.noOutput();
        assertEquals(TcpSocket.CLOSED, a.state());
        assertEquals(1, sh.stack.stats().tcpOrphansReclaimed);
        assertEquals(0, sh.stack.stats().tcpMemoryRefusals);
        assertNotNull(l.accept(), "the new connection is established");
        assertEquals(TcpSocket.ESTABLISHED, b.state(), "a connection the application holds is never taken");
    }
}
