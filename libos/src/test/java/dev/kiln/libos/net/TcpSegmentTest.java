package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The TCP segment struct against bytes Linux and the stack put on a tap (captured with tcpdump
 * in JavaNetTapTest's namespace): parsing Linux's, writing ours byte for byte, and the round
 * trip of every option the stack writes.
 */
class TcpSegmentTest {
    private static final int LINUX = Ipv4Address.of(10, 77, 0, 1);
    private static final int STACK = Ipv4Address.of(10, 77, 0, 2);

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** Linux 6.1's SYN-ACK: mss 1460, nop, nop, sackOK, nop, wscale 10 (the TCP part of the IPv4 datagram). */
    private static final byte[] LINUX_SYN_ACK = hex("2328 de2d 6aa1 9fd5 dace f180 8012 faf0 8754 0000 0204 05b4 0101 0402 0103 030a");
    /** The stack's SYN: mss 1460, nop, wscale 1, nop, nop, sackOK. */
    private static final byte[] STACK_SYN = hex("de2d 2328 dace f17f 0000 0000 8002 ffff 8cd6 0000 0204 05b4 0103 0301 0101 0402");

    @Test
    void parsesLinuxSynAck() {
        TcpSegment g = new TcpSegment();
        assertTrue(g.read(new NetStats(), LINUX_SYN_ACK, 0, LINUX_SYN_ACK.length, LINUX, STACK));
        assertEquals(9000, g.srcPort);
        assertEquals(56877, g.dstPort);
        assertEquals(1788977109, Integer.toUnsignedLong(g.seq));
        assertEquals(3670995328L, Integer.toUnsignedLong(g.ack));
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, g.flags);
        assertEquals(64240, g.window);
        assertEquals(1460, g.mss);
        assertEquals(10, g.wscale);
        assertTrue(g.sackPermitted);
        assertEquals(0, g.sackBlocks);
        assertEquals(0, g.dataLen);
        assertEquals(2, g.seqLen() + 1, "SYN takes one sequence number");
    }

    @Test
    void writesTheStacksSynByteForByte() {
        TcpSegment g = new TcpSegment().clear();
        g.src = STACK;
        g.dst = LINUX;
        g.srcPort = 56877;
        g.dstPort = 9000;
        g.seq = (int) 3670995327L;
        g.flags = TcpSegment.SYN;
        g.window = 65535;
        g.mss = 1460;
        g.wscale = 1;
        g.sackPermitted = true;
        byte[] out = new byte[64];
        int n = g.write(out, 4);
        assertEquals(STACK_SYN.length, n);
        assertEquals(HexFormat.of().formatHex(STACK_SYN), HexFormat.of().formatHex(out, 4, 4 + n), "checksum included");
    }

    @Test
    void badChecksumIsCountedAndRefused() {
        byte[] b = LINUX_SYN_ACK.clone();
        b[19] ^= 1;
        NetStats st = new NetStats();
        assertFalse(new TcpSegment().read(st, b, 0, b.length, LINUX, STACK));
        assertEquals(1, st.tcpBadChecksum);
    }

    @Test
    void sackBlocksAndPayloadFromARingRoundTrip() {
        ByteRing ring = new ByteRing(16);
        byte[] data = "0123456789abcdef".getBytes();
        ring.write(data, 0, 16);
        ring.discard(10); // the payload wraps around the ring's end
        ring.write(data, 0, 8);
        TcpSegment g = new TcpSegment().clear();
        g.src = STACK;
        g.dst = LINUX;
        g.srcPort = 80;
        g.dstPort = 40000;
        g.seq = -5;
        g.ack = 0x7fffffff;
        g.flags = TcpSegment.ACK | TcpSegment.PSH;
        g.window = 1234;
        assertTrue(g.addSack(100, 200));
        assertTrue(g.addSack(-300, -100));
        g.payload(ring, 2, 10);
        assertEquals(TcpSegment.HEADER + 4 + 16, TcpSegment.HEADER + g.optionsLength());
        byte[] out = new byte[100];
        int n = g.write(out, 0);
        assertEquals(g.length(), n);

        TcpSegment p = new TcpSegment();
        assertTrue(p.read(new NetStats(), out, 0, n, STACK, LINUX));
        assertEquals(80, p.srcPort);
        assertEquals(40000, p.dstPort);
        assertEquals(-5, p.seq);
        assertEquals(0x7fffffff, p.ack);
        assertEquals(TcpSegment.ACK | TcpSegment.PSH, p.flags);
        assertEquals(1234, p.window);
        assertEquals(2, p.sackBlocks);
        assertEquals(100, p.sackStart[0]);
        assertEquals(200, p.sackEnd[0]);
        assertEquals(-300, p.sackStart[1]);
        assertEquals(-100, p.sackEnd[1]);
        assertEquals("cdef012345", new String(p.buf, p.dataOff, p.dataLen));
        assertEquals(0, p.mss);
        assertEquals(-1, p.wscale);
        assertFalse(p.sackPermitted);
    }

    @Test
    void malformedHeadersAreRefused() {
        TcpSegment g = new TcpSegment();
        byte[] b = LINUX_SYN_ACK.clone();
        assertFalse(g.parse(b, 0, 19, LINUX, STACK), "shorter than a header");
        b[12] = 0x40; // data offset 16 bytes
        assertFalse(g.parse(b, 0, b.length, LINUX, STACK), "data offset below 20");
        b[12] = (byte) 0xf0; // 60 bytes, more than there are
        assertFalse(g.parse(b, 0, b.length, LINUX, STACK), "data offset past the end");
        b = LINUX_SYN_ACK.clone();
        b[13] = TcpSegment.SYN | TcpSegment.FIN;
        assertFalse(g.parse(b, 0, b.length, LINUX, STACK), "SYN+FIN");
        b[13] = TcpSegment.SYN | TcpSegment.RST;
        assertFalse(g.parse(b, 0, b.length, LINUX, STACK), "SYN+RST");
        b = LINUX_SYN_ACK.clone();
        b[0] = 0;
        b[1] = 0;
        assertFalse(g.parse(b, 0, b.length, LINUX, STACK), "port 0");
    }

    @Test
    void truncatedOrUnknownOptionsAreSkipped() {
        byte[] b = LINUX_SYN_ACK.clone();
        b[20 + 8] = 99; // an unknown option of length 1: malformed, the rest is ignored
        b[20 + 9] = 1;
        TcpSegment g = new TcpSegment();
        assertTrue(g.parse(b, 0, b.length, LINUX, STACK));
        assertEquals(1460, g.mss, "options before it still count");
        assertEquals(-1, g.wscale, "options after it are ignored");
    }
}
