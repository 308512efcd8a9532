package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TCP between two instances of the stack on a simulated link: deterministic and fast. */
class TcpSimTest {
    private static final long SEC = 1_000_000_000L;

    @Test
    void handshakeTransferAndClose() throws Exception {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 1);
        TcpListener l = link.b.listen(80, 8);
        TcpSocket c = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 80);
        assertTrue(link.runUntil(() -> c.state() == TcpSocket.ESTABLISHED && l.isAcceptable(), 5 * SEC));
        TcpSocket srv = l.accept();
        byte[] hello = "hello".getBytes();
        assertEquals(5, c.write(hello, 0, 5));
        assertTrue(link.runUntil(srv::isReadable, SEC));
        byte[] buf = new byte[100];
        assertEquals(5, srv.read(buf, 0, 100));
        c.close();
        assertTrue(link.runUntil(() -> srv.state() == TcpSocket.CLOSE_WAIT, SEC));
        assertEquals(-1, srv.read(buf, 0, 100));
        srv.close();
        assertTrue(link.runUntil(() -> srv.state() == TcpSocket.CLOSED && c.state() == TcpSocket.TIME_WAIT, SEC));
        assertTrue(link.runUntil(() -> link.a.tcpConnectionCount() == 0, 61 * SEC), "TIME_WAIT ends after 2 MSL");
        assertEquals(0, link.b.tcpConnectionCount());
    }

    @Test
    void closedPortGetsReset() {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 2);
        link.b.listen(80, 1); // b has TCP (a stack that never opened a TCP socket has none: see below)
        TcpSocket c = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 81);
        assertTrue(link.runUntil(() -> c.state() == TcpSocket.CLOSED, 5 * SEC));
        assertEquals(TcpSocket.ERR_REFUSED, c.error());
    }

    @Test
    void simultaneousClose() {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 3);
        TcpListener l = link.b.listen(80, 8);
        TcpSocket c = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 80);
        assertTrue(link.runUntil(l::isAcceptable, 5 * SEC));
        TcpSocket srv = l.accept();
        assertTrue(link.runUntil(() -> c.state() == TcpSocket.ESTABLISHED, SEC));
        c.close();
        srv.close();
        assertTrue(link.runUntil(() -> c.state() == TcpSocket.TIME_WAIT && srv.state() == TcpSocket.TIME_WAIT, SEC));
        assertTrue(link.runUntil(() -> link.a.tcpConnectionCount() + link.b.tcpConnectionCount() == 0, 61 * SEC));
    }

    @Test
    void aStackThatNeverOpenedTcpRefusesWithReset() {
        // b opens no TCP socket, so it has only ClosedTcp (an image without TCP code): a SYN
        // still gets the RST of RFC 9293 3.10.7.1, and b stays without connections.
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 9);
        TcpSocket c = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 80);
        assertTrue(link.runUntil(() -> c.state() == TcpSocket.CLOSED, 5 * SEC));
        assertEquals(TcpSocket.ERR_REFUSED, c.error());
        assertEquals(1, link.b.stats().tcpResetsSent);
        assertEquals(0, link.b.tcpConnectionCount());
    }

    @Test
    void simultaneousOpen() {
        NetConfig ca = SimLink.config(1);
        NetConfig cb = SimLink.config(2);
        SimLink link = new SimLink(ca, cb, 4);
        // Both connect to each other's port at once: needs the same port pair, so craft it.
        TcpSocket x = link.a.openTcp().connect(Ipv4Address.of(10, 0, 0, 2), 5000, 4096, 4096);
        int px = x.localPort();
        // Build b's side with the mirror tuple directly.
        TcpSocket y = link.b.openTcp().connectFrom(5000, Ipv4Address.of(10, 0, 0, 1), px);
        assertTrue(link.runUntil(() -> x.state() == TcpSocket.ESTABLISHED && y.state() == TcpSocket.ESTABLISHED, 10 * SEC),
                x + " / " + y);
    }

    @Test
    void bulkTransferWithLossAndReordering() throws Exception {
        for (int round = 0; round < 3; round++) {
            SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 100 + round);
            link.loss = 0.05;
            link.reorder = 0.25;
            byte[] data = new byte[2 * 1024 * 1024];
            new Random(round).nextBytes(data);
            assertArrayEquals(sha(data), transfer(link, data, 120 * SEC), "round " + round);
            assertTrue(link.a.stats().tcpRetransmits > 0);
        }
    }

    @Test
    void cleanBulkTransfer() throws Exception {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 7);
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(1).nextBytes(data);
        assertArrayEquals(sha(data), transfer(link, data, 60 * SEC));
        assertEquals(0, link.a.stats().tcpRetransmits);
    }

    @Test
    void zeroWindowThenResume() throws Exception {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 8);
        TcpListener l = link.b.listen(80, 8);
        l.setBufferSizes(8192, 4096);
        TcpSocket c = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 80);
        assertTrue(link.runUntil(l::isAcceptable, 5 * SEC));
        TcpSocket srv = l.accept();
        byte[] data = new byte[20000];
        new Random(3).nextBytes(data);
        int[] written = {0};
        written[0] += c.write(data, 0, data.length);
        // The receiver does not read: its window closes, the sender probes.
        link.runUntil(() -> false, 20 * SEC);
        assertEquals(TcpSocket.ESTABLISHED, c.state());
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1000];
        link.stepHook = () -> {
            int n;
            while ((n = srv.read(buf, 0, buf.length)) > 0) {
                got.write(buf, 0, n);
            }
            if (written[0] < data.length) {
                int w = c.write(data, written[0], data.length - written[0]);
                if (w > 0) {
                    written[0] += w;
                }
            }
        };
        assertTrue(link.runUntil(() -> got.size() == data.length, 120 * SEC), "got " + got.size());
        assertArrayEquals(data, got.toByteArray());
    }

    @Test
    void keepaliveDetectsDeadPeer() {
        NetConfig ca = SimLink.config(1);
        ca.tcpKeepalive = true;
        ca.tcpKeepaliveIdleNanos = 10 * SEC;
        ca.tcpKeepaliveIntervalNanos = 2 * SEC;
        ca.tcpKeepaliveProbes = 3;
        SimLink link = new SimLink(ca, SimLink.config(2), 9);
        TcpListener l = link.b.listen(80, 8);
        TcpSocket c = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 80);
        assertTrue(link.runUntil(l::isAcceptable, 5 * SEC));
        l.accept();
        // Peer answers keepalives: still alive after a minute.
        link.runUntil(() -> false, 60 * SEC);
        assertEquals(TcpSocket.ESTABLISHED, c.state());
        link.loss = 1.0; // now the peer vanishes
        assertTrue(link.runUntil(() -> c.state() == TcpSocket.CLOSED, 60 * SEC));
        assertEquals(TcpSocket.ERR_TIMEOUT, c.error());
    }

    static byte[] transfer(SimLink link, byte[] data, long limit) throws Exception {
        TcpListener l = link.b.listen(9000, 8);
        l.setBufferSizes(64 * 1024, 128 * 1024);
        TcpSocket c = link.a.openTcp().connect(Ipv4Address.of(10, 0, 0, 2), 9000, 128 * 1024, 64 * 1024);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        int[] sent = {0};
        long[] received = {0};
        boolean[] done = {false};
        TcpSocket[] srv = {null};
        byte[] buf = new byte[16384];
        link.stepHook = () -> {
            if (srv[0] == null) {
                srv[0] = l.accept();
            }
            if (sent[0] < data.length && c.state() == TcpSocket.ESTABLISHED) {
                int w = c.write(data, sent[0], data.length - sent[0]);
                if (w > 0) {
                    sent[0] += w;
                }
                if (sent[0] == data.length) {
                    c.close();
                }
            }
            if (srv[0] != null) {
                int n;
                while ((n = srv[0].read(buf, 0, buf.length)) > 0) {
                    md.update(buf, 0, n);
                    received[0] += n;
                }
                if (n < 0 && !done[0]) {
                    done[0] = true;
                    srv[0].close();
                }
            }
        };
        assertTrue(link.runUntil(() -> done[0], limit), "received " + received[0] + " of " + data.length + " " + c + " " + srv[0]);
        assertEquals(data.length, received[0], "received " + c + " err " + c.error() + " / " + srv[0] + " err " + srv[0].error());
        assertEquals(0, link.a.stats().internalErrors, link.a.stats().lastInternalError);
        assertEquals(0, link.b.stats().internalErrors, link.b.stats().lastInternalError);
        return md.digest();
    }

    static byte[] sha(byte[] d) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(d);
    }
}
