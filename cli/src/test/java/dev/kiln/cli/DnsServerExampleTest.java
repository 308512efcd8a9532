package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/dns-server on HotSpot, on loopback: dig's answers for the zone, and hand-made
 * malformed queries (FORMERR, NOTIMP, BADVERS, silence for responses and runts), then a burst
 * of random packets after which it still answers.
 */
class DnsServerExampleTest {
    private static HostJavaApp server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        server = HostJavaApp.start(Tools.example("dns-server"), List.of(), List.of(), Integer.toString(port));
        server.awaitOutput("on UDP port " + port, 60_000);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String dig(String... query) throws Exception {
        Tools.require("dig");
        List<String> cmd = new java.util.ArrayList<>(List.of("dig", "@127.0.0.1", "-p", Integer.toString(port), "+norec",
                "+time=10", "+tries=3")); // generous: a loaded machine may answer late
        cmd.addAll(List.of(query));
        var r = Tools.run(120, cmd);
        assertEquals(0, r.status(), r.output());
        return r.output();
    }

    /** dig checks, shared with the image test: the zone's answers as dig prints them. */
    static void assertZoneAnswers(DigRunner d) throws Exception {
        String a = d.dig("www.kiln.test", "A");
        assertTrue(a.contains("status: NOERROR") && a.contains("flags: qr aa;"), a);
        assertTrue(a.contains("www.kiln.test.\t\t3600\tIN\tA\t10.0.0.80") && a.contains("www.kiln.test.\t\t3600\tIN\tA\t10.0.0.81"), a);
        String aaaa = d.dig("WwW.KiLn.TeSt", "AAAA");
        assertTrue(aaaa.contains("status: NOERROR") && aaaa.contains("WwW.KiLn.TeSt.\t\t3600\tIN\tAAAA\tfd00:6b69:6c6e::80"), aaaa);
        String txt = d.dig("info.kiln.test", "TXT");
        assertTrue(txt.contains("\"Kiln: an authoritative DNS server in a unikernel\" \"zone baked into the image\""), txt);
        String nx = d.dig("nope.kiln.test", "A");
        assertTrue(nx.contains("status: NXDOMAIN") && nx.contains("ANSWER: 0, AUTHORITY: 1"), nx);
        assertTrue(nx.contains("kiln.test.\t\t300\tIN\tSOA\tns1.kiln.test. hostmaster.kiln.test. 2026112301 7200 900 1209600 300"), nx);
        String nodata = d.dig("www.kiln.test", "TXT");
        assertTrue(nodata.contains("status: NOERROR") && nodata.contains("ANSWER: 0, AUTHORITY: 1"), nodata);
        String ent = d.dig("b.deep.kiln.test", "A"); // an empty non-terminal exists: NODATA, not NXDOMAIN
        assertTrue(ent.contains("status: NOERROR") && ent.contains("ANSWER: 0, AUTHORITY: 1"), ent);
        String outside = d.dig("example.com", "A");
        assertTrue(outside.contains("status: REFUSED"), outside);
        String noEdns = d.dig("+noedns", "v6only.kiln.test", "AAAA");
        assertTrue(noEdns.contains("v6only.kiln.test.\t3600\tIN\tAAAA\t2001:db8::1") && !noEdns.contains("OPT PSEUDOSECTION"), noEdns);
    }

    interface DigRunner {
        String dig(String... query) throws Exception;
    }

    @Test
    void digGetsTheZone() throws Exception {
        assertZoneAnswers(DnsServerExampleTest::dig);
    }

    static byte[] query(int id, String name, int type) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            b.write(label.length());
            b.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        b.writeBytes(new byte[] {0, (byte) (type >> 8), (byte) type, 0, 1});
        return b.toByteArray();
    }

    /** Sends a query and returns the server's reply; a reply may take long on a loaded machine, but not 30 s. */
    static byte[] ask(DatagramSocket s, byte[] q) throws Exception {
        s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
        return receive(s);
    }

    static byte[] receive(DatagramSocket s) throws Exception {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.setSoTimeout(30_000);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no reply in 30 s", e);
        }
        return Arrays.copyOf(buf, p.getLength());
    }

    /** The next datagram, or null after millis without one. */
    static byte[] receiveWithin(DatagramSocket s, int millis) throws Exception {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.setSoTimeout(millis);
        try {
            s.receive(p);
            return Arrays.copyOf(buf, p.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /**
     * The server ignores q: proven by the event, not by silence for a while. A good query with
     * an id of its own follows q; the server answers in order, so the first reply must be that one.
     */
    static void assertNoReply(DatagramSocket s, byte[] q, String what) throws Exception {
        s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
        byte[] marker = query(0x7e57, "www.kiln.test", 1);
        byte[] r = ask(s, marker);
        assertEquals(0x7e57, id(r), what + ": the first reply is not the marker's");
    }

    /** r is a response (QR) with q's id and q's question. */
    static boolean answers(byte[] r, byte[] q) {
        return r.length >= q.length && id(r) == id(q) && (r[2] & 0x80) != 0
                && Arrays.equals(Arrays.copyOfRange(r, 12, q.length), Arrays.copyOfRange(q, 12, q.length));
    }

    static int id(byte[] r) {
        return ((r[0] & 0xff) << 8) | (r[1] & 0xff);
    }

    static int rcode(byte[] r) {
        return r[3] & 0xf;
    }

    @Test
    void malformedQueries() throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] good = query(0x1234, "www.kiln.test", 1);
            byte[] r = ask(s, good);
            assertEquals(2, ((r[6] & 0xff) << 8) | (r[7] & 0xff), "two answers");
            // The answers' owner is a compression pointer to the question's name at offset 12.
            int firstAnswer = good.length;
            assertEquals(0xc0, r[firstAnswer] & 0xff);
            assertEquals(12, r[firstAnswer + 1]);

            assertNoReply(s, Arrays.copyOf(good, 11), "a runt gets no reply");
            byte[] response = good.clone();
            response[2] |= (byte) 0x80;
            assertNoReply(s, response, "a response (QR set) gets no reply");

            byte[] two = good.clone();
            two[5] = 2;
            assertEquals(1, rcode(ask(s, two)), "QDCOUNT 2: FORMERR");
            assertEquals(1, rcode(ask(s, Arrays.copyOf(good, good.length - 2))), "truncated question: FORMERR");
            byte[] pointer = Arrays.copyOf(good, 12 + 2 + 4);
            pointer[12] = (byte) 0xc0;
            pointer[13] = 12;
            assertEquals(1, rcode(ask(s, pointer)), "pointer loop in the question: FORMERR");
            byte[] longLabel = good.clone();
            longLabel[12] = 64;
            assertEquals(1, rcode(ask(s, longLabel)), "label over 63: FORMERR");
            byte[] trailing = Arrays.copyOf(good, good.length + 3);
            assertEquals(1, rcode(ask(s, trailing)), "bytes after the question: FORMERR");
            byte[] arcount = good.clone();
            arcount[11] = 1;
            assertEquals(1, rcode(ask(s, arcount)), "a promised additional record missing: FORMERR");
            byte[] update = good.clone();
            update[2] = (byte) (5 << 3);
            assertEquals(4, rcode(ask(s, update)), "opcode UPDATE: NOTIMP");
            byte[] axfr = query(7, "kiln.test", 252);
            assertEquals(4, rcode(ask(s, axfr)), "AXFR over UDP: NOTIMP");
            // EDNS version 1: BADVERS = extended rcode 1 in the OPT's TTL, rcode 0 in the header.
            byte[] edns1 = Arrays.copyOf(good, good.length + 11);
            edns1[11] = 1;
            byte[] opt = {0, 0, 41, 4, (byte) 0xd0, 0, 1, 0, 0, 0, 0};
            System.arraycopy(opt, 0, edns1, good.length, opt.length);
            byte[] bv = ask(s, edns1);
            assertEquals(0, rcode(bv));
            assertEquals(1, bv[bv.length - 6] & 0xff, "extended rcode BADVERS");
        }
    }

    @Test
    void randomPacketsThenStillAnswers() throws Exception {
        Random rnd = new Random(4);
        byte[] good = query(1, "info.kiln.test", 16);
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < 5000; i++) {
                byte[] p;
                if (i % 2 == 0) {
                    p = new byte[rnd.nextInt(600)];
                    rnd.nextBytes(p);
                } else {
                    p = good.clone();
                    for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                        p[rnd.nextInt(p.length)] = (byte) rnd.nextInt(256);
                    }
                    p = Arrays.copyOf(p, Math.max(0, p.length - rnd.nextInt(4) + rnd.nextInt(4)));
                }
                s.send(new DatagramPacket(p, p.length, InetAddress.getLoopbackAddress(), port));
            }
            // Then a good query must be answered. Replies to the random packets come first (some
            // may still be on their way) and either socket's buffer may have overflowed during the
            // burst, dropping the query or its answer (UDP): the query is sent again after each
            // 5 s without any datagram. The reply with its id and question ends the wait.
            byte[] check = query(0x600d, "info.kiln.test", 16);
            byte[] r = null;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (r == null || !answers(r, check)) {
                assertTrue(System.nanoTime() - deadline < 0, "no answer to the good query in 120 s");
                if (r == null) s.send(new DatagramPacket(check, check.length, InetAddress.getLoopbackAddress(), port));
                r = receiveWithin(s, 5_000);
            }
            assertEquals(0, rcode(r));
        }
        assertTrue(server.isAlive(), server.output());
    }
}
