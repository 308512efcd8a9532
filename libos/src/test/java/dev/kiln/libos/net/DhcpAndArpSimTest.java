package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** DHCP lease life cycle and ARP behaviour on the simulated link, with a fake clock. */
class DhcpAndArpSimTest {
    private static final long SEC = 1_000_000_000L;
    private static final int SERVER = Ipv4Address.of(10, 0, 0, 1);
    private static final int OFFERED = Ipv4Address.of(10, 0, 0, 99);

    /** A scripted DHCP server on stack a, port 67: offers OFFERED with a 100 s lease. */
    static final class Server {
        final UdpSocket sock;
        boolean answering = true;
        int requests;
        int renewRequests;
        /** RFC 2132 5.1's interface MTU in every answer, if not 0. */
        int mtuOption;
        final byte[] in = new byte[1500];

        Server(NetStack a) {
            sock = a.bindUdp(67);
        }

        void step() {
            int n;
            while ((n = sock.receive(in, 0, in.length)) >= 0) {
                if (!answering || n < 244) {
                    continue;
                }
                int type = 0;
                for (int p = 240; p + 2 < n && in[p] != (byte) 255; p += 2 + (in[p + 1] & 0xff)) {
                    if (in[p] == 53) {
                        type = in[p + 2];
                    }
                }
                byte[] m = new byte[300];
                m[0] = 2;
                m[1] = 1;
                m[2] = 6;
                System.arraycopy(in, 4, m, 4, 4);    // xid
                System.arraycopy(in, 28, m, 28, 16); // chaddr
                Bytes.put32(m, 16, OFFERED);
                Bytes.put32(m, 236, 0x63825363);
                int p = 240;
                m[p++] = 53;
                m[p++] = 1;
                m[p++] = (byte) (type == 1 ? 2 : 5); // OFFER or ACK
                m[p++] = 54;
                m[p++] = 4;
                Bytes.put32(m, p, SERVER);
                p += 4;
                m[p++] = 51;
                m[p++] = 4;
                Bytes.put32(m, p, 100);
                p += 4;
                m[p++] = 1;
                m[p++] = 4;
                Bytes.put32(m, p, Ipv4Address.mask(24));
                p += 4;
                m[p++] = 3;
                m[p++] = 4;
                Bytes.put32(m, p, SERVER);
                p += 4;
                if (mtuOption != 0) {
                    m[p++] = 26;
                    m[p++] = 2;
                    Bytes.put16(m, p, mtuOption);
                    p += 2;
                }
                m[p] = (byte) 255;
                if (type == 3) {
                    requests++;
                    if (Bytes.i32(in, 12) != 0) {
                        renewRequests++; // ciaddr set: RENEWING or REBINDING
                    }
                }
                int dst = sock.lastSourceAddress() != 0 ? sock.lastSourceAddress() : Ipv4Address.BROADCAST;
                sock.send(dst, 68, m, 0, m.length);
            }
        }
    }

    @Test
    void leaseRenewRebindExpire() {
        NetConfig cb = SimLink.config(2);
        cb.ip = 0;
        cb.dhcpRetransmitNanos = SEC;
        SimLink link = new SimLink(SimLink.config(1), cb, 21);
        Server server = new Server(link.a);
        link.stepHook = server::step;
        DhcpClient dhcp = link.b.dhcp();
        assertTrue(link.runUntil(() -> dhcp.state() == DhcpClient.BOUND, 10 * SEC), "bound");
        assertEquals(OFFERED, link.b.address());
        assertEquals(SERVER, link.b.gatewayAddress());
        // T1 = 50 s: a unicast REQUEST renews the lease.
        assertTrue(link.runUntil(() -> server.renewRequests == 1, 55 * SEC), "renewed at T1");
        assertTrue(link.runUntil(() -> dhcp.state() == DhcpClient.BOUND && dhcp.leasesObtained() == 2, SEC));
        // Now the server goes silent: RENEWING, then REBINDING at T2, then the lease expires.
        server.answering = false;
        assertTrue(link.runUntil(() -> dhcp.state() == DhcpClient.REBINDING, 95 * SEC), "rebinding at T2");
        assertEquals(OFFERED, link.b.address(), "the address is kept until the lease ends");
        assertTrue(link.runUntil(() -> link.b.address() == 0, 20 * SEC), "address dropped at lease end");
        assertEquals(DhcpClient.SELECTING, dhcp.state());
        // The server comes back: a new lease.
        server.answering = true;
        assertTrue(link.runUntil(() -> dhcp.state() == DhcpClient.BOUND, 80 * SEC), "bound again");
        assertEquals(OFFERED, link.b.address());
        assertEquals(0, link.b.stats().internalErrors);
    }

    @Test
    void interfaceMtuFromDhcpLowersTheMtuButNeverRaisesIt() {
        for (int offered : new int[] {1400, 9000, 20}) {
            NetConfig cb = SimLink.config(2);
            cb.ip = 0;
            cb.dhcpRetransmitNanos = SEC;
            SimLink link = new SimLink(SimLink.config(1), cb, 23);
            Server server = new Server(link.a);
            server.mtuOption = offered;
            link.stepHook = server::step;
            assertTrue(link.runUntil(() -> link.b.dhcp().state() == DhcpClient.BOUND, 10 * SEC), "bound");
            int expected = offered == 1400 ? 1400 : 1500; // above the device's, or below 68: the device's
            assertEquals(expected, link.b.mtu(), "DHCP offered " + offered);
            link.a.listen(80, 1);
            link.tap = true;
            TcpSocket c = link.b.connect(SERVER, 80);
            assertTrue(link.runUntil(() -> c.state() == TcpSocket.ESTABLISHED, 5 * SEC));
            TcpSegment syn = new TcpSegment();
            byte[] f = link.tapped.stream().filter(x -> x.length > 34 && x[23] == Ipv4.PROTO_TCP && (x[47] & TcpSegment.SYN) != 0)
                    .findFirst().orElseThrow();
            assertTrue(syn.parse(f, 34, f.length - 34, OFFERED, SERVER));
            assertEquals(expected - 40, syn.mss, "the SYN's MSS follows the MTU");
            assertEquals(expected - 28, link.b.bindUdp(0).maxPayload());
        }
    }

    @Test
    void dhcpNeedsAnMtuOf576() {
        NetConfig c = SimLink.config(2);
        c.ip = 0;
        c.mtu = 575;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetStack(c, () -> 0, (f, o, l) -> { }));
        assertEquals("MTU 575 is too small for DHCP (RFC 2131 needs 576): give the interface a static address", e.getMessage());
        c.ip = Ipv4Address.of(10, 0, 0, 2);
        c.mtu = 68;
        assertEquals(68, new NetStack(c, () -> 0, (f, o, l) -> { }).mtu(), "a static address works down to 68");
        c.mtu = 67;
        assertThrows(IllegalArgumentException.class, () -> new NetStack(c, () -> 0, (f, o, l) -> { }));
    }

    @Test
    void arpCacheExpiresAndPendingQueueIsBounded() {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 22);
        UdpSocket u = link.a.bindUdp(1000);
        link.b.bindUdp(2000);
        u.send(Ipv4Address.of(10, 0, 0, 2), 2000, new byte[10], 0, 10);
        assertTrue(link.runUntil(() -> link.a.arp.lookup(Ipv4Address.of(10, 0, 0, 2)) == 0x020000000002L, SEC));
        link.runUntil(() -> false, 61 * SEC);
        assertEquals(-1, link.a.arp.lookup(Ipv4Address.of(10, 0, 0, 2)), "entry expired after its lifetime");

        // 50 datagrams to an address nobody has: 16 wait, the rest are dropped; after three
        // unanswered requests the waiting ones are dropped too.
        for (int i = 0; i < 50; i++) {
            u.send(Ipv4Address.of(10, 0, 0, 77), 9, new byte[10], 0, 10);
        }
        assertEquals(34, link.a.stats().arpPendingDropped);
        link.runUntil(() -> false, 5 * SEC);
        assertEquals(50, link.a.stats().arpPendingDropped);
        assertEquals(Long.MAX_VALUE, link.a.arp.nextDeadline());
    }

    @Test
    void gratuitousArpAtStart() {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 23);
        link.tap = true;
        NetStack c = new NetStack(SimLink.config(3), link.clock, (f, o, l) -> {
            byte[] copy = new byte[l];
            System.arraycopy(f, o, copy, 0, l);
            link.tapped.add(copy);
        });
        byte[] f = link.tapped.get(0);
        assertEquals(0x0806, Bytes.u16(f, 12));
        assertEquals(c.address(), Bytes.i32(f, 14 + 14), "sender IP is ours");
        assertEquals(c.address(), Bytes.i32(f, 14 + 24), "target IP is ours too: an announcement");
    }

    @Test
    void backlogBoundsHalfOpenConnections() {
        SimLink link = new SimLink(SimLink.config(1), SimLink.config(2), 24);
        TcpListener l = link.b.listen(80, 3);
        link.loss = 0;
        TcpSocket[] cs = new TcpSocket[6];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = link.a.connect(Ipv4Address.of(10, 0, 0, 2), 80);
        }
        link.runUntil(() -> false, 200_000_000L);
        assertEquals(3, l.backlogSize());
        assertTrue(link.b.stats().tcpBacklogDrops >= 3);
        // Accepting frees room: the dropped SYNs are retransmitted and get in.
        link.stepHook = () -> {
            while (l.accept() != null) {
                // accept all
            }
        };
        assertTrue(link.runUntil(() -> {
            for (TcpSocket c : cs) {
                if (c.state() != TcpSocket.ESTABLISHED) {
                    return false;
                }
            }
            return true;
        }, 30 * SEC));
    }
}
