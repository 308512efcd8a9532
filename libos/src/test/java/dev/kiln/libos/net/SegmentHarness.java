package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One stack on a fake clock whose only peer is the test itself: the test hands it TCP segments
 * (structs, serialized by {@link TcpSegment#write} into a frame from the peer) and reads back,
 * parsed, every segment the stack emits. This is how smoltcp tests its sockets: segment in,
 * segment out, no second stack whose behaviour could hide a bug.
 */
final class SegmentHarness {
    static final long MS = 1_000_000L;
    static final long SEC = 1_000_000_000L;
    static final int LOCAL_IP = Ipv4Address.of(10, 0, 0, 1);
    static final int PEER_IP = Ipv4Address.of(10, 0, 0, 2);
    static final long LOCAL_MAC = 0x020000000001L;
    static final long PEER_MAC = 0x020000000002L;
    static final int LOCAL_PORT = 80;
    static final int PEER_PORT = 40000;

    long now = SEC;
    final NetStack stack;
    private final ArrayDeque<byte[]> out = new ArrayDeque<>();
    private int ipId;

    SegmentHarness() {
        this(config());
    }

    SegmentHarness(NetConfig c) {
        stack = new NetStack(c, () -> now, (f, o, l) -> out.add(Arrays.copyOfRange(f, o, o + l)));
        // The peer asks for our address: the stack learns its MAC (no ARP before each test's
        // first segment) and answers.
        stack.receive(arpRequestFromPeer(), 42);
        out.clear();
    }

    static NetConfig config() {
        NetConfig c = NetConfig.staticIp(LOCAL_MAC, LOCAL_IP, 24, 0);
        c.randomSeed = 42;
        return c;
    }

    private static byte[] arpRequestFromPeer() {
        byte[] f = new byte[42];
        Bytes.put48(f, 0, NetStack.MAC_BROADCAST);
        Bytes.put48(f, 6, PEER_MAC);
        Bytes.put16(f, 12, NetStack.ETHERTYPE_ARP);
        Bytes.put16(f, 14, 1); // Ethernet
        Bytes.put16(f, 16, NetStack.ETHERTYPE_IPV4);
        f[18] = 6;
        f[19] = 4;
        Bytes.put16(f, 20, 1); // request
        Bytes.put48(f, 22, PEER_MAC);
        Bytes.put32(f, 28, PEER_IP);
        Bytes.put32(f, 38, LOCAL_IP);
        return f;
    }

    /** A segment from the peer's port to ours; the test fills in the rest. */
    static TcpSegment seg(int flags, int seq, int ack) {
        TcpSegment g = new TcpSegment().clear();
        g.srcPort = PEER_PORT;
        g.dstPort = LOCAL_PORT;
        g.flags = flags;
        g.seq = seq;
        g.ack = ack;
        g.window = 65535;
        return g;
    }

    /** Delivers g to the stack as an IPv4 datagram from the peer in an Ethernet frame. */
    void send(TcpSegment g) {
        g.src = PEER_IP;
        g.dst = LOCAL_IP;
        byte[] f = new byte[14 + 20 + g.length()];
        Bytes.put48(f, 0, LOCAL_MAC);
        Bytes.put48(f, 6, PEER_MAC);
        Bytes.put16(f, 12, NetStack.ETHERTYPE_IPV4);
        int n = g.write(f, 34);
        f[14] = 0x45;
        Bytes.put16(f, 16, 20 + n);
        Bytes.put16(f, 18, ipId++);
        Bytes.put16(f, 20, 0x4000);
        f[22] = 64;
        f[23] = Ipv4.PROTO_TCP;
        Bytes.put32(f, 26, PEER_IP);
        Bytes.put32(f, 30, LOCAL_IP);
        Bytes.put16(f, 24, Checksum.finish(Checksum.add(0, f, 14, 20)));
        stack.receive(f, f.length);
        assertEquals(0, stack.stats().internalErrors, stack.stats().lastInternalError);
    }

    /** The next segment the stack sent (checked: IPv4 to the peer, valid checksums), parsed. */
    TcpSegment recv() {
        byte[] f = next();
        assertNotNull(f, "the stack sent nothing");
        assertEquals(PEER_MAC, Bytes.u48(f, 0), "destination MAC");
        assertEquals(NetStack.ETHERTYPE_IPV4, Bytes.u16(f, 12), "an IPv4 frame");
        assertTrue(Checksum.valid(Checksum.add(0, f, 14, 20)), "IPv4 header checksum");
        assertEquals(Ipv4.PROTO_TCP, f[23], "a TCP segment");
        assertEquals(PEER_IP, Bytes.i32(f, 30));
        int total = Bytes.u16(f, 16);
        assertEquals(f.length - 14, total, "IPv4 total length");
        assertTrue(total <= stack.mtu, "a datagram of " + total + " bytes exceeds the MTU " + stack.mtu);
        TcpSegment g = new TcpSegment();
        NetStats st = new NetStats();
        assertTrue(g.read(st, f, 34, total - 20, LOCAL_IP, PEER_IP), "a valid TCP segment " + counters(st));
        return g;
    }

    /**
     * The next frame the stack sent, answering its ARP requests for the peer on the way (its
     * cache entry expires in tests that span minutes): the peer is always there.
     */
    private byte[] next() {
        for (;;) {
            byte[] f = out.poll();
            if (f == null || Bytes.u16(f, 12) != NetStack.ETHERTYPE_ARP) {
                return f;
            }
            if (Bytes.u16(f, 20) == 1 && Bytes.i32(f, 38) == PEER_IP) {
                byte[] reply = arpRequestFromPeer();
                Bytes.put48(reply, 0, LOCAL_MAC);
                Bytes.put16(reply, 20, 2);
                Bytes.put48(reply, 32, LOCAL_MAC);
                stack.receive(reply, reply.length);
            }
        }
    }

    /** Whether the stack sent something not yet taken with {@link #recv}. */
    boolean hasOutput() {
        byte[] f = next();
        if (f == null) {
            return false;
        }
        out.addFirst(f);
        return true;
    }

    /** Every segment the stack sent so far, in order. */
    java.util.List<TcpSegment> recvAll() {
        java.util.List<TcpSegment> l = new java.util.ArrayList<>();
        while (hasOutput()) {
            l.add(recv());
        }
        return l;
    }

    void noOutput() {
        if (hasOutput()) {
            fail("the stack sent " + describe(recv()));
        }
    }

    /** Lets time pass and runs the timers that became due. */
    void advance(long nanos) {
        now += nanos;
        stack.poll(now);
    }

    /** Moves the clock to the stack's next deadline and runs it; returns how long that was from before. */
    long fireNextTimer() {
        long d = stack.nextDeadline();
        assertNotEquals(Long.MAX_VALUE, d, "no timer is armed");
        long waited = Math.max(0, d - now);
        now += waited;
        stack.poll(now);
        return waited;
    }

    static String counters(NetStats st) {
        return TapHarness.counters(st);
    }

    static String describe(TcpSegment g) {
        StringBuilder b = new StringBuilder();
        b.append(g.srcPort).append('>').append(g.dstPort).append(" [");
        b.append(g.has(TcpSegment.SYN) ? "S" : "").append(g.has(TcpSegment.FIN) ? "F" : "")
                .append(g.has(TcpSegment.RST) ? "R" : "").append(g.has(TcpSegment.PSH) ? "P" : "")
                .append(g.has(TcpSegment.ACK) ? "." : "");
        b.append("] seq ").append(Integer.toUnsignedString(g.seq));
        if (g.has(TcpSegment.ACK)) {
            b.append(" ack ").append(Integer.toUnsignedString(g.ack));
        }
        b.append(" win ").append(g.window).append(" len ").append(g.dataLen);
        for (int i = 0; i < g.sackBlocks; i++) {
            b.append(" sack ").append(Integer.toUnsignedString(g.sackStart[i])).append('-')
                    .append(Integer.toUnsignedString(g.sackEnd[i]));
        }
        return b.toString();
    }
}
