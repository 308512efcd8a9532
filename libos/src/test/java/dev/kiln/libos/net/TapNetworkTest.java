package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The stack against the real Linux network stack: each test makes its own network namespace
 * with a tap device, and Linux tools (ping, curl, python sockets) inside it talk to the stack.
 */
class TapNetworkTest {
    private static final int BULK_MB = Integer.getInteger("kiln.net.bulkMb", 100);
    private static final int LOSSY_MB = Integer.getInteger("kiln.net.lossyMb", 100);

    private TapHarness h;
    private String name;

    @BeforeEach
    void setUp(TestInfo info) throws Exception {
        name = info.getTestMethod().orElseThrow().getName();
        NetConfig config = TapHarness.defaultConfig();
        if (name.startsWith("dhcp")) {
            TapHarness.requirePrerequisites("dnsmasq");
            config.ip = 0; // no static address: the DHCP client runs
            config.dhcpRetransmitNanos = 300_000_000L;
        }
        h = new TapHarness(config);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) {
            NetStats st = h.stack.stats();
            System.out.println("[" + name + "] rx " + st.rxFrames + " tx " + st.txFrames + " retransmits " + st.tcpRetransmits
                    + " fast " + st.tcpFastRetransmits + " timeouts " + st.tcpTimeouts + " internalErrors " + st.internalErrors);
            System.out.print(h.stack.describeConnections());
            assertEquals(0, st.internalErrors, st.lastInternalError);
            h.close();
        }
    }

    @Test
    void pingIsAnswered() throws Exception {
        // -w: ping waits for every reply however late (-W gives up two round trips after the last
        // request, so a slow moment on a loaded machine reads as loss); it may then send a fourth.
        TapHarness.Peer p = h.start("ping", "-c", "3", "-i", "0.2", "-w", "60", TapHarness.STACK_IP);
        try {
            h.runUntil(p::finished, 60_000, "ping");
        } finally {
            p.kill();
        }
        String out = p.output();
        assertEquals(0, p.exitCode(), out);
        assertTrue(out.contains("3 received"), out);
        assertTrue(h.stack.stats().icmpEchoReplies >= 3, "echo replies: " + h.stack.stats().icmpEchoReplies);
    }

    @Test
    void curlGetsPage() throws Exception {
        StackApps.HttpResponder http = new StackApps.HttpResponder(h.stack, 80, "hello from kiln\n");
        TapHarness.Peer p = h.start("curl", "-sS", "-m", "60", "http://" + TapHarness.STACK_IP + "/");
        try {
            h.runUntil(() -> {
                http.step();
                return p.finished();
            }, 60_000, "curl");
        } finally {
            p.kill();
        }
        assertEquals("hello from kiln\n", p.output());
        assertEquals(0, p.exitCode());
    }

    @Test
    void thousandSequentialHttpConnections() throws Exception {
        StackApps.HttpResponder http = new StackApps.HttpResponder(h.stack, 80, "ok\n");
        String url = "http://" + TapHarness.STACK_IP + "/[1-1000]";
        long t0 = System.nanoTime();
        TapHarness.Peer seq = h.start("curl", "-sS", "-m", "120", "-o", "/dev/null", "-w", "%{http_code}\\n", url);
        try {
            h.runUntil(() -> {
                http.step();
                return seq.finished();
            }, 120_000, "1000 sequential requests");
        } finally {
            seq.kill();
        }
        long t1 = System.nanoTime();
        String out = seq.output();
        assertEquals(1000, out.lines().filter("200"::equals).count(), out.length() > 2000 ? out.substring(0, 2000) : out);
        assertEquals(1000, http.served);
        System.out.printf("[http] 1000 sequential connections in %.2f s%n", (t1 - t0) / 1e9);
        // Every connection the server closed first sits in TIME_WAIT; nothing else is left.
        h.runUntil(() -> h.stack.tcpActiveConnectionCount() == 0, 60_000, "connections to finish");
        assertEquals(1000, h.stack.tcpConnectionCount(), "1000 in TIME_WAIT");
        // Then 100 at once, while those 1000 TIME_WAIT entries are still there.
        hundredConcurrent(http, 1000);
    }

    private void hundredConcurrent(StackApps.HttpResponder http, int servedBefore) throws Exception {
        String url2 = "http://" + TapHarness.STACK_IP + "/[1-100]";
        long t0 = System.nanoTime();
        TapHarness.Peer par = h.start("curl", "-sS", "-m", "60", "--parallel", "--parallel-immediate", "--parallel-max", "100",
                "-o", "/dev/null", "-w", "%{http_code}\\n", url2);
        try {
            h.runUntil(() -> {
                http.step();
                return par.finished();
            }, 60_000, "100 concurrent requests");
        } finally {
            par.kill();
        }
        String out2 = par.output();
        assertEquals(100, out2.lines().filter("200"::equals).count(), out2);
        assertEquals(servedBefore + 100, http.served);
        System.out.printf("[http] 100 parallel connections in %.2f s, at most %d open at once in the server%n",
                (System.nanoTime() - t0) / 1e9, http.maxConcurrent);
        h.runUntil(() -> h.stack.tcpActiveConnectionCount() == 0, 60_000, "connections to finish");
    }

    @Test
    void bulkLinuxToStack() throws Exception {
        long n = BULK_MB * 1024L * 1024L;
        TcpListener l = h.stack.listen(9000, 4);
        l.setBufferSizes(64 * 1024, 1024 * 1024);
        TapHarness.Peer p = h.peer("send", TapHarness.STACK_IP, "9000", Long.toString(n), "42");
        StackApps.Sink[] sink = {null};
        long t0 = System.nanoTime();
        try {
            h.runUntil(() -> {
                if (sink[0] == null) {
                    TcpSocket s = l.accept();
                    if (s != null) {
                        sink[0] = new StackApps.Sink(s);
                    }
                }
                if (sink[0] != null) {
                    sink[0].step();
                }
                return p.finished();
            }, 180_000, "bulk transfer Linux -> stack");
        } finally {
            p.kill();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        String out = p.output().strip();
        assertEquals(0, p.exitCode(), out);
        String[] f = out.split(" ");
        assertEquals(n, sink[0].count);
        assertEquals(f[2], sink[0].hex, "SHA-256 of the received bytes");
        System.out.printf("[bulk] Linux -> stack %d MB in %.2f s = %.1f MB/s%n", BULK_MB, secs, BULK_MB / secs);
    }

    @Test
    void bulkStackToLinux() throws Exception {
        int n = BULK_MB * 1024 * 1024;
        byte[] data = new byte[n];
        new Random(7).nextBytes(data);
        String expected = StackApps.hex(StackApps.sha256().digest(data));
        TapHarness.Peer p = h.peer("serve-recv", "9001");
        StackApps.Source[] src = {null};
        long t0 = System.nanoTime();
        try {
            connectWithRetry(p, 9001, data, src);
            h.runUntil(() -> {
                src[0].step();
                return p.finished();
            }, 180_000, "bulk transfer stack -> Linux");
        } finally {
            p.kill();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        String out = p.output().strip();
        assertEquals(0, p.exitCode(), out);
        String[] f = out.split(" ");
        assertEquals(Long.toString(n), f[1], out);
        assertEquals(expected, f[2], "SHA-256 of the bytes Linux received");
        System.out.printf("[bulk] stack -> Linux %d MB in %.2f s = %.1f MB/s%n", BULK_MB, secs, BULK_MB / secs);
    }

    /** The Linux side may not be listening yet: connect, and on RST try again. */
    private void connectWithRetry(TapHarness.Peer p, int port, byte[] data, StackApps.Source[] src) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            TcpSocket s = h.stack.openTcp().connect(Ipv4Address.parse(TapHarness.LINUX_IP), port, 1024 * 1024, 64 * 1024);
            h.runUntil(() -> s.state() != TcpSocket.SYN_SENT, 60_000, "connect");
            if (s.state() == TcpSocket.ESTABLISHED) {
                src[0] = new StackApps.Source(s, data);
                return;
            }
            if (System.nanoTime() > end || p.finished()) {
                fail("could not connect to the Linux peer: " + p.outputSoFar());
            }
            long until = System.nanoTime() + 50_000_000L;
            h.runUntil(() -> System.nanoTime() > until, 1000, "pause");
        }
    }

    @Test
    void bulkBothWaysWithLossAndReordering() throws Exception {
        String how = Impairment.apply(h, 5, 25);
        System.out.println("[lossy] impairment: " + how);
        int n = LOSSY_MB * 1024 * 1024;
        // Linux -> stack
        TcpListener l = h.stack.listen(9000, 4);
        l.setBufferSizes(64 * 1024, 256 * 1024);
        TapHarness.Peer p = h.peer("send", TapHarness.STACK_IP, "9000", Integer.toString(n), "43");
        StackApps.Sink[] sink = {null};
        long t0 = System.nanoTime();
        try {
            h.runUntil(() -> {
                if (sink[0] == null) {
                    TcpSocket s = l.accept();
                    if (s != null) {
                        sink[0] = new StackApps.Sink(s);
                    }
                }
                if (sink[0] != null) {
                    sink[0].step();
                }
                return p.finished();
            }, 150_000, "lossy transfer Linux -> stack");
        } finally {
            p.kill();
        }
        String out = p.output().strip();
        assertEquals(0, p.exitCode(), out);
        assertEquals(out.split(" ")[2], sink[0].hex, "SHA-256, Linux -> stack with loss");
        double s1 = (System.nanoTime() - t0) / 1e9;
        System.out.println("[lossy] Linux -> stack: " + TapHarness.counters(h.stack.stats()));
        // stack -> Linux
        byte[] data = new byte[n];
        new Random(9).nextBytes(data);
        String expected = StackApps.hex(StackApps.sha256().digest(data));
        TapHarness.Peer q = h.peer("serve-recv", "9001");
        StackApps.Source[] src = {null};
        long t1 = System.nanoTime();
        try {
            connectWithRetry(q, 9001, data, src);
            h.runUntil(() -> {
                src[0].step();
                return q.finished();
            }, 150_000, "lossy transfer stack -> Linux");
        } finally {
            q.kill();
        }
        String out2 = q.output().strip();
        assertEquals(0, q.exitCode(), out2);
        assertEquals(expected, out2.split(" ")[2], "SHA-256, stack -> Linux with loss");
        double s2 = (System.nanoTime() - t1) / 1e9;
        NetStats st = h.stack.stats();
        assertTrue(st.tcpRetransmits > 0, "loss must have caused retransmissions");
        System.out.printf("[lossy] %d MB each way: Linux -> stack %.2f s, stack -> Linux %.2f s; retransmits %d (fast %d, timeouts %d)%n",
                LOSSY_MB, s1, s2, st.tcpRetransmits, st.tcpFastRetransmits, st.tcpTimeouts);
    }

    @Test
    void dhcpLeaseFromDnsmasqThenPing() throws Exception {
        String tap = h.tap.name();
        java.nio.file.Path leases = java.nio.file.Files.createTempFile("kiln-dhcp", ".leases");
        TapHarness.Peer dnsmasq = h.start("dnsmasq", "--no-daemon", "--conf-file=/dev/null", "--port=0",
                "--interface=" + tap, "--bind-interfaces", "--dhcp-range=10.77.0.50,10.77.0.59,255.255.255.0,300",
                "--dhcp-option=3," + TapHarness.LINUX_IP, "--dhcp-leasefile=" + leases, "--pid-file=", "--log-dhcp");
        try {
            h.runUntil(() -> h.stack.address() != 0 || dnsmasq.finished(), 60_000, "a DHCP lease");
            assertFalse(dnsmasq.finished(), () -> "dnsmasq exited: " + dnsmasq.output());
            int ip = h.stack.address();
            assertTrue(ip >= Ipv4Address.parse("10.77.0.50") && ip <= Ipv4Address.parse("10.77.0.59"), Ipv4Address.toString(ip));
            assertEquals(Ipv4Address.parse(TapHarness.LINUX_IP), h.stack.gatewayAddress());
            assertEquals(DhcpClient.BOUND, h.stack.dhcp().state());
            TapHarness.Peer p = h.start("ping", "-c", "2", "-i", "0.2", "-w", "60", Ipv4Address.toString(ip));
            try {
                h.runUntil(p::finished, 60_000, "ping of the leased address");
            } finally {
                p.kill();
            }
            assertEquals(0, p.exitCode(), p.output());
            System.out.println("[dhcp] leased " + Ipv4Address.toString(ip) + " from dnsmasq; answered ping");
        } finally {
            dnsmasq.kill();
            java.nio.file.Files.deleteIfExists(leases);
        }
    }

    @Test
    void malformedFramesFromTheTapThenStillServes() throws Exception {
        StackApps.HttpResponder http = new StackApps.HttpResponder(h.stack, 80, "still here\n");
        int frames = 20_000;
        TapHarness.Peer fuzz = h.peer("fuzz", h.tap.name(), Ipv4Address.macToString(TapHarness.STACK_MAC),
                TapHarness.LINUX_IP, TapHarness.STACK_IP, Integer.toString(frames), "1");
        try {
            h.runUntil(() -> {
                http.step();
                return fuzz.finished();
            }, 60_000, "the fuzzer");
        } finally {
            fuzz.kill();
        }
        assertEquals(0, fuzz.exitCode(), fuzz.output());
        assertTrue(fuzz.output().startsWith("fuzzed "), fuzz.output());
        long rx = h.stack.stats().rxFrames;
        // Still serving.
        TapHarness.Peer p = h.start("curl", "-sS", "-m", "60", "http://" + TapHarness.STACK_IP + "/");
        try {
            h.runUntil(() -> {
                http.step();
                return p.finished();
            }, 60_000, "curl after fuzzing");
        } finally {
            p.kill();
        }
        assertEquals("still here\n", p.output());
        // Half-open connections the fuzzer's SYNs created are reset by Linux (it never sent
        // them) or time out; nothing but TIME_WAIT may remain.
        h.runUntil(() -> {
            http.step();
            return h.stack.tcpActiveConnectionCount() == 0;
        }, 30_000, "fuzzed connections to go away");
        NetStats st = h.stack.stats();
        System.out.println("[tap-fuzz] " + fuzz.output().strip() + " frames; stack received " + rx
                + "; dropped: ip header " + st.ipBadHeader + ", ip checksum " + st.ipBadChecksum + ", fragments "
                + st.ipFragmentsDropped + ", tcp checksum " + st.tcpBadChecksum + ", tcp malformed " + st.tcpBadSegment
                + "; resets sent " + st.tcpResetsSent);
    }

    @Test
    void udpEcho() throws Exception {
        UdpSocket u = h.stack.bindUdp(7);
        byte[] buf = new byte[2048];
        TapHarness.Peer p = h.peer("udp", TapHarness.STACK_IP, "7", "100");
        try {
            h.runUntil(() -> {
                int n;
                while ((n = u.receive(buf, 0, buf.length)) >= 0) {
                    u.send(u.lastSourceAddress(), u.lastSourcePort(), buf, 0, n);
                }
                return p.finished();
            }, 120_000, "UDP echo");
        } finally {
            p.kill();
        }
        assertEquals("echoed 100 of 100", p.output().strip());
    }

    @Test
    void closedPortIsRefusedWithReset() throws Exception {
        h.stack.listen(4445, 1); // the stack has TCP once a socket was opened; it answers with RST
        TapHarness.Peer p = h.peer("refused", TapHarness.STACK_IP, "4444");
        try {
            h.runUntil(p::finished, 60_000, "connect to closed port");
        } finally {
            p.kill();
        }
        assertEquals("refused", p.output().strip());
        assertTrue(h.stack.stats().tcpResetsSent >= 1);
    }

    @Test
    void aStackThatNeverOpenedTcpRefusesWithResetToo() throws Exception {
        // No TCP socket was ever opened, so the stack has only ClosedTcp (as in an image without
        // TCP code): Linux's connect must still fail at once with "Connection refused".
        TapHarness.Peer p = h.peer("refused", TapHarness.STACK_IP, "4444");
        try {
            h.runUntil(p::finished, 60_000, "connect to a stack without TCP");
        } finally {
            p.kill();
        }
        assertEquals("refused", p.output().strip());
        assertTrue(h.stack.stats().tcpResetsSent >= 1);
        assertEquals(0, h.stack.tcpConnectionCount());
    }

    @Test
    void stackPingsAndTalksUdpToLinux() throws Exception {
        // ARP from our side: the stack resolves Linux's MAC, then sends a UDP datagram to a
        // closed Linux port and Linux answers with ICMP port unreachable (counted as rx).
        UdpSocket u = h.stack.bindUdp(5555);
        assertTrue(u.send(Ipv4Address.parse(TapHarness.LINUX_IP), 9, new byte[] {1, 2, 3}, 0, 3));
        h.runUntil(() -> h.stack.arp.lookup(Ipv4Address.parse(TapHarness.LINUX_IP)) >= 0, 60_000, "ARP resolution");
    }
}
