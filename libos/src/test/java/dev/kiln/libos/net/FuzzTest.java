package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile frames fed to a running stack: random bytes, truncated headers, bad
 * checksums (and fixed-up ones, so the parsers behind them are reached), impossible TCP flag
 * combinations, edge sequence numbers and windows. Afterwards the stack must still serve and
 * hold no connection that the fuzzing left behind. Fixed seed: the same run every time.
 */
class FuzzTest {
    private static final long SEC = 1_000_000_000L;
    private static final int ITERATIONS = 300_000;

    @Test
    void malformedFramesNeverBreakTheStack() throws Exception {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 5);
        NetStack victim = link.b;
        TcpListener listener = victim.listen(80, 16);
        UdpSocket udp = victim.bindUdp(53);
        link.tap = true;

        // Real traffic to mutate: a handshake, data, a close, ping-like and UDP frames.
        TcpSocket c = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 80);
        assertTrue(link.runUntil(listener::isAcceptable, 5 * SEC));
        TcpSocket srv = listener.accept();
        c.write("GET / HTTP/1.0\r\n\r\n".getBytes(), 0, 18);
        link.a.bindUdp(1000).send(Ipv4Address.of(10, 0, 0, 2), 53, new byte[40], 0, 40);
        link.runUntil(() -> false, SEC);
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] f : link.tapped) {
            if (f.length >= 14 && (f[5] & 0xff) == 2) { // frames addressed to the victim
                seeds.add(f);
            }
        }
        link.tap = false;
        assertTrue(seeds.size() >= 4, "seed frames: " + seeds.size());

        Random r = new Random(0x5eed);
        byte[] frame = new byte[1600];
        for (int i = 0; i < ITERATIONS; i++) {
            int len = mutate(r, seeds, frame);
            victim.receive(frame, len);
            if (i % 1000 == 0) {
                link.clock.t += 10_000_000L;
                victim.poll(link.clock.t);
                listener.accept(); // accepted and dropped: those must be closed by the stack's timers
                byte[] sink = new byte[2048];
                while (udp.receive(sink, 0, sink.length) >= 0) {
                    // drain
                }
            }
        }
        assertEquals(0, victim.stats().internalErrors, victim.stats().lastInternalError);

        System.out.println("[fuzz] the fuzzed connection ended as " + srv + " error " + srv.error());
        // Whatever the fuzzer opened must go away by itself: half-open connections time out,
        // established ones (accepted and never used) are closed by the application here.
        TcpSocket s;
        while ((s = listener.accept()) != null) {
            s.close();
        }
        srv.close();
        c.close();
        link.runUntil(() -> victim.tcpActiveConnectionCount() == 0, 600 * SEC);
        assertEquals(0, victim.tcpActiveConnectionCount(), victim.describeConnections());
        // Orphaned connections may still retransmit into the void for a while, but by now
        // (minutes of simulated time) only TIME_WAIT entries may remain, and they expire too.
        link.runUntil(() -> victim.tcpConnectionCount() == 0, 120 * SEC);
        assertEquals(0, victim.tcpConnectionCount(), victim.describeConnections());

        // And it still serves: a fresh connection with a transfer.
        byte[] data = new byte[200_000];
        new Random(1).nextBytes(data);
        assertArrayEquals(TcpSimTest.sha(data), TcpSimTest.transfer(link, data, 60 * SEC));
        assertEquals(0, victim.stats().internalErrors, victim.stats().lastInternalError);
        System.out.println("[fuzz] " + ITERATIONS + " frames; dropped: ip header " + victim.stats().ipBadHeader
                + ", ip checksum " + victim.stats().ipBadChecksum + ", tcp checksum " + victim.stats().tcpBadChecksum
                + ", tcp malformed " + victim.stats().tcpBadSegment + "; resets sent " + victim.stats().tcpResetsSent
                + ", challenge ACKs " + victim.stats().tcpChallengeAcks + ", not for us " + victim.stats().ipNotForUs + ", rx dropped " + victim.stats().rxDropped + ", seeds " + seeds.size() + ", backlog drops " + victim.stats().tcpBacklogDrops);
    }

    /** Builds one hostile frame into f; returns its length. */
    static int mutate(Random r, List<byte[]> seeds, byte[] f) {
        byte[] seed = seeds.get(r.nextInt(seeds.size()));
        int kind = r.nextInt(10);
        if (kind == 0) { // pure noise, sometimes with our MAC and an IPv4/ARP type so it gets parsed
            int len = r.nextInt(f.length);
            for (int i = 0; i < len; i++) {
                f[i] = (byte) r.nextInt();
            }
            if (len >= 14 && r.nextBoolean()) {
                System.arraycopy(seed, 0, f, 0, 12);
                f[12] = 8;
                f[13] = (byte) (r.nextBoolean() ? 0 : 6);
            }
            return len;
        }
        int len = seed.length;
        System.arraycopy(seed, 0, f, 0, len);
        boolean ip = len >= 34 && f[12] == 8 && f[13] == 0;
        int ihl = ip ? (f[14] & 0xf) * 4 : 20;
        int l4 = 14 + ihl;
        boolean tcp = ip && f[23] == 6 && len >= l4 + 20;
        switch (kind) {
            case 1: // truncation anywhere
                len = r.nextInt(len + 1);
                break;
            case 2: // flip bytes, keep checksums wrong
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    f[r.nextInt(len)] ^= (byte) (1 + r.nextInt(255));
                }
                break;
            case 3: // IP header fields at edges, checksum fixed up
                if (ip) {
                    int field = r.nextInt(5);
                    if (field == 0) f[14] = (byte) r.nextInt(); // version/IHL
                    if (field == 1) Bytes.put16(f, 16, r.nextInt(3) == 0 ? 0 : r.nextInt(65536)); // total length
                    if (field == 2) Bytes.put16(f, 20, r.nextInt(65536)); // fragment bits
                    if (field == 3) f[22] = (byte) r.nextInt(2); // TTL 0/1
                    if (field == 4) f[23] = (byte) r.nextInt(256); // protocol
                    fixIp(f);
                }
                break;
            default: // TCP edge values with correct checksums: reaches the state machine
                if (tcp) {
                    int t = l4;
                    int what = r.nextInt(6);
                    if (what == 0) f[t + 13] = (byte) r.nextInt(256); // any flag combination
                    if (what == 1) Bytes.put32(f, t + 4, edge(r)); // sequence number
                    if (what == 2) Bytes.put32(f, t + 8, edge(r)); // acknowledgment number
                    if (what == 3) Bytes.put16(f, t + 14, r.nextBoolean() ? 0 : r.nextInt(65536)); // window
                    if (what == 4) f[t + 12] = (byte) (r.nextInt(16) << 4); // data offset
                    if (what == 5) { // a SYN with random options and a random source port
                        f[t + 13] = 2;
                        Bytes.put16(f, t, 1 + r.nextInt(65535));
                        for (int i = t + 20; i < len; i++) {
                            f[i] = (byte) r.nextInt();
                        }
                    }
                    fixTcp(f, t, len);
                }
        }
        return len;
    }

    private static int edge(Random r) {
        int[] e = {0, 1, -1, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe};
        return r.nextInt(3) == 0 ? r.nextInt() : e[r.nextInt(e.length)] + r.nextInt(3) - 1;
    }

    private static void fixIp(byte[] f) {
        int ihl = (f[14] & 0xf) * 4;
        if (ihl < 20 || 14 + ihl > f.length) {
            return;
        }
        Bytes.put16(f, 24, 0);
        Bytes.put16(f, 24, Checksum.finish(Checksum.add(0, f, 14, ihl)));
    }

    private static void fixTcp(byte[] f, int t, int len) {
        int src = Bytes.i32(f, 26);
        int dst = Bytes.i32(f, 30);
        int tlen = Math.min(len, 14 + Bytes.u16(f, 16)) - t;
        if (tlen < 20) {
            return;
        }
        Bytes.put16(f, t + 16, 0);
        Bytes.put16(f, t + 16, Checksum.finish(Checksum.add(Checksum.pseudo(src, dst, 6, tlen), f, t, tlen)));
    }
}
