package dev.kiln.libos.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libos's stub resolver on HotSpot against a real DNS server: dnsmasq on 127.0.0.1 at a free
 * port with a hosts file of its own, authoritative for kiln.test (no upstream, no /etc/hosts), through java.net's
 * DatagramSocket as the transport; and against datagrams a hostile or broken server sends. The
 * image's side (java.net.InetAddress through the VM's net device) is NativeSocketTest's.
 */
class StubResolverTest {
    @TempDir
    static Path dir;
    static Process dnsmasq;
    static int port;

    @BeforeAll
    static void startDnsmasq() throws Exception {
        Path exe = Path.of("/usr/sbin/dnsmasq");
        if (!Files.isExecutable(exe)) {
            fail("prerequisite missing: dnsmasq (Debian's dnsmasq-base) at /usr/sbin/dnsmasq");
        }
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "10.1.2.3 web.kiln.test\n10.1.2.4 multi.kiln.test\n10.1.2.5 multi.kiln.test\n");
        try (DatagramSocket probe = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        dnsmasq = new ProcessBuilder(exe.toString(), "--keep-in-foreground", "--no-resolv", "--no-hosts",
                "--addn-hosts=" + hosts, "--local=/kiln.test/", "--listen-address=127.0.0.1", "--bind-interfaces", "--port=" + port,
                "--local-ttl=300", "--pid-file=" + dir.resolve("pid"), "--user=root", "--log-facility=-")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        // Ready when it answers: a query for a name it holds (bounded: a hang guard, not a deadline).
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                resolver().resolve("web.kiln.test");
                return;
            } catch (DnsException e) {
                if (!dnsmasq.isAlive() || System.nanoTime() > end) {
                    fail("dnsmasq did not answer: " + Files.readString(dir.resolve("log")));
                }
            }
        }
    }

    @AfterAll
    static void stopDnsmasq() throws InterruptedException {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            dnsmasq.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A transport on java.net to 127.0.0.1:port; counts the queries it sent. */
    static final class JavaNetTransport implements StubResolver.Transport {
        final DatagramSocket socket;
        final List<byte[]> sent = new ArrayList<>();

        JavaNetTransport(int port) throws IOException {
            socket = new DatagramSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", port));
        }

        @Override
        public byte[] exchange(byte[] query, long timeoutMillis) throws IOException {
            sent.add(query);
            socket.send(new DatagramPacket(query, query.length));
            return receiveMore(timeoutMillis);
        }

        @Override
        public byte[] receiveMore(long timeoutMillis) throws IOException {
            socket.setSoTimeout((int) timeoutMillis);
            byte[] b = new byte[1232];
            DatagramPacket p = new DatagramPacket(b, b.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return Arrays.copyOf(b, p.getLength());
        }
    }

    static StubResolver resolver() throws IOException {
        return new StubResolver(new JavaNetTransport(port), System::nanoTime, System.nanoTime());
    }

    @Test
    void aNameInTheServersHostsFileResolvesAndIsCachedForItsTtl() throws Exception {
        JavaNetTransport t = new JavaNetTransport(port);
        long[] now = {0};
        StubResolver r = new StubResolver(t, () -> now[0], 42);
        assertArrayEquals(new int[] {0x0a010203}, r.resolve("web.kiln.test"));
        assertArrayEquals(new int[] {0x0a010203}, r.resolve("WEB.kiln.test."), "case and the final dot do not matter");
        assertEquals(1, t.sent.size(), "the second lookup came from the cache");
        now[0] += 299_000_000_000L;
        r.resolve("web.kiln.test");
        assertEquals(1, t.sent.size(), "still within dnsmasq's 300 s TTL");
        now[0] += 2_000_000_000L;
        r.resolve("web.kiln.test");
        assertEquals(2, t.sent.size(), "the TTL passed: asked again");
    }

    @Test
    void everyAddressOfANameComesBack() throws Exception {
        int[] all = resolver().resolve("multi.kiln.test");
        Arrays.sort(all);
        assertArrayEquals(new int[] {0x0a010204, 0x0a010205}, all);
    }

    @Test
    void anUnknownNameIsNoSuchName() throws Exception {
        DnsException e = assertThrows(DnsException.class, () -> resolver().resolve("nosuch.kiln.test"));
        assertEquals(DnsException.Kind.NO_SUCH_NAME, e.kind(), e.getMessage());
    }

    @Test
    void silenceIsATemporaryFailureAfterEveryAttempt() throws Exception {
        try (DatagramSocket mute = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            JavaNetTransport t = new JavaNetTransport(mute.getLocalPort());
            StubResolver r = new StubResolver(t, System::nanoTime, 7);
            DnsException e = assertThrows(DnsException.class, () -> r.resolve("web.kiln.test"));
            assertEquals(DnsException.Kind.TEMPORARY, e.kind(), e.getMessage());
            assertEquals(StubResolver.ATTEMPTS, t.sent.size());
        }
    }

    /** A server that first sends garbage, a wrong id and a reply to another name, then the right answer. */
    @Test
    void datagramsThatAreNotTheAnswerAreIgnored() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                try {
                    byte[] b = new byte[512];
                    DatagramPacket q = new DatagramPacket(b, b.length);
                    server.receive(q);
                    byte[] query = Arrays.copyOf(b, q.getLength());
                    List<byte[]> replies = new ArrayList<>();
                    replies.add(new byte[] {1, 2, 3});
                    byte[] wrongId = answer(query, 0x0a090909);
                    wrongId[1] ^= 1;
                    replies.add(wrongId);
                    replies.add(answer(DnsMessage.query((query[0] & 0xff) << 8 | (query[1] & 0xff), "other.kiln.test"),
                            0x0a080808));
                    byte[] loop = answer(query, 0x0a070707);
                    loop[query.length] = (byte) 0xc0; // the answer's name points at itself
                    loop[query.length + 1] = (byte) query.length;
                    replies.add(loop);
                    replies.add(answer(query, 0x0a010203));
                    for (byte[] r : replies) {
                        server.send(new DatagramPacket(r, r.length, q.getSocketAddress()));
                    }
                } catch (IOException e) {
                    // the test fails on its own
                }
            });
            StubResolver r = new StubResolver(new JavaNetTransport(server.getLocalPort()), System::nanoTime, 9);
            assertArrayEquals(new int[] {0x0a010203}, r.resolve("web.kiln.test"));
            t.join(10_000);
        }
    }

    @Test
    void namesThatCannotBeAskedAreRefused() {
        for (String bad : new String[] {"a..b", ".x", "x".repeat(64) + ".test", "a b.test", "é.test", "a".repeat(254)}) {
            DnsException e = assertThrows(DnsException.class, () -> resolver().resolve(bad), bad);
            assertEquals(DnsException.Kind.NO_SUCH_NAME, e.kind());
        }
    }

    /** A response to query q with one A record (ttl 60) compressed to the question's name. */
    static byte[] answer(byte[] q, int ip) {
        byte[] r = Arrays.copyOf(q, q.length + 16);
        r[2] = (byte) 0x81;
        r[3] = (byte) 0x80;
        r[7] = 1;
        int o = q.length;
        r[o++] = (byte) 0xc0;
        r[o++] = 12;
        r[o++] = 0;
        r[o++] = 1;
        r[o++] = 0;
        r[o++] = 1;
        r[o++] = 0;
        r[o++] = 0;
        r[o++] = 0;
        r[o++] = 60;
        r[o++] = 0;
        r[o++] = 4;
        r[o++] = (byte) (ip >>> 24);
        r[o++] = (byte) (ip >>> 16);
        r[o++] = (byte) (ip >>> 8);
        r[o] = (byte) ip;
        return r;
    }

    @Test
    void aTtlIsTheSmallestAlongTheChain() throws Exception {
        byte[] q = DnsMessage.query(0x1234, "web.kiln.test");
        DnsMessage.Answer a = DnsMessage.parse(answer(q, 0x0a010203), q.length + 16, 0x1234, "web.kiln.test");
        assertEquals(60, a.ttlSeconds());
        assertTrue(!a.truncated() && a.rcode() == 0);
    }
}
