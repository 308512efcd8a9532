package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import dev.kiln.libos.classlib.java.net.TBindException;
import dev.kiln.libos.classlib.java.net.TConnectException;
import dev.kiln.libos.classlib.java.net.TDatagramPacket;
import dev.kiln.libos.classlib.java.net.TDatagramSocket;
import dev.kiln.libos.classlib.java.net.TInetAddress;
import dev.kiln.libos.classlib.java.net.TInetSocketAddress;
import dev.kiln.libos.classlib.java.net.TServerSocket;
import dev.kiln.libos.classlib.java.net.TSocket;
import dev.kiln.libos.classlib.java.net.TSocketException;
import dev.kiln.libos.classlib.java.net.TSocketTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The java.net classes of native images (dev.kiln.libos.classlib.java.net) on HotSpot, over the
 * stack on a tap in a namespace of the test's own, against Linux peers (python3 sockets, curl).
 * Blocking uses real threads here ({@link dev.kiln.libos.socket.ThreadBlocker}) where an image
 * parks fibers; everything above the Blocker is the code that runs in images.
 */
class JavaNetTapTest {
    private static final String LINUX = TapHarness.LINUX_IP;
    private static final String STACK = TapHarness.STACK_IP;

    private TapHarness h;
    private StackPump pump;

    @BeforeEach
    void setUp() throws Exception {
        h = new TapHarness(TapHarness.defaultConfig());
        pump = new StackPump(h);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (pump != null) {
                pump.close();
            }
            assertEquals(0, h.stack.stats().internalErrors, h.stack.stats().lastInternalError);
        } finally {
            h.close();
        }
    }

    /** Runs a python3 program in the namespace; returns its output, failing on a non-zero exit. */
    private String python(String program, int timeoutSeconds, String... args) throws Exception {
        TapHarness.Peer p = startPython(program, args);
        return finish(p, timeoutSeconds);
    }

    private TapHarness.Peer startPython(String program, String... args) throws Exception {
        String[] cmd = new String[3 + args.length];
        cmd[0] = "python3";
        cmd[1] = "-c";
        cmd[2] = program;
        System.arraycopy(args, 0, cmd, 3, args.length);
        return h.start(cmd);
    }

    private static String finish(TapHarness.Peer p, int timeoutSeconds) throws Exception {
        if (!p.process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            p.kill();
            fail("peer did not finish in " + timeoutSeconds + " s: " + p.outputSoFar());
        }
        String out = p.output();
        assertEquals(0, p.exitCode(), out);
        return out;
    }

    private static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
        }
        assertEquals(-1, n, "end of stream is -1");
        assertEquals(-1, in.read(), "and stays -1");
        return b.toByteArray();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    // ---- TCP server ---------------------------------------------------------------------

    @Test
    void serverEchoesHundredConcurrentClientsOneThreadEach() throws Exception {
        TServerSocket server = new TServerSocket(7000);
        AtomicInteger accepted = new AtomicInteger();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread acceptor = Thread.ofPlatform().start(() -> {
            try {
                while (true) {
                    TSocket s = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofPlatform().start(() -> {
                        try (s) {
                            InputStream in = s.getInputStream();
                            OutputStream out = s.getOutputStream();
                            byte[] b = new byte[4096];
                            int n;
                            while ((n = in.read(b)) > 0) {
                                out.write(b, 0, n);
                            }
                        } catch (Exception e) {
                            errors.add(e);
                        }
                    });
                }
            } catch (TSocketException e) {
                if (!"Socket closed".equals(e.getMessage())) {
                    errors.add(e);
                }
            } catch (Exception e) {
                errors.add(e);
            }
        });
        String out = python("""
                import socket, sys, os, threading
                ok = []
                def one(i):
                    data = os.urandom(20000 + i)
                    s = socket.create_connection((sys.argv[1], 7000), timeout=60)
                    s.sendall(data)
                    s.shutdown(socket.SHUT_WR)
                    got = b''
                    while True:
                        d = s.recv(65536)
                        if not d: break
                        got += d
                    s.close()
                    if got == data: ok.append(i)
                ts = [threading.Thread(target=one, args=(i,)) for i in range(100)]
                for t in ts: t.start()
                for t in ts: t.join()
                print('ok', len(ok))
                """, 90, STACK);
        assertEquals("ok 100", out.strip());
        assertEquals(100, accepted.get());
        server.close();
        acceptor.join(60_000);
        assertFalse(acceptor.isAlive(), "close() wakes the thread blocked in accept()");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void curlGetsPageFromServerSocket() throws Exception {
        TServerSocket server = new TServerSocket(8080);
        Thread t = Thread.ofPlatform().start(() -> {
            try (TSocket s = server.accept()) {
                InputStream in = s.getInputStream();
                StringBuilder req = new StringBuilder();
                while (!req.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        break;
                    }
                    req.append((char) c);
                }
                byte[] body = ("you asked: " + req.toString().lines().findFirst().orElse("") + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        TapHarness.Peer curl = h.start("curl", "-sS", "-m", "60", "http://" + STACK + ":8080/index.html");
        assertEquals("you asked: GET /index.html HTTP/1.1\n", finish(curl, 90));
        t.join(60_000);
        server.close();
    }

    // ---- TCP client ---------------------------------------------------------------------

    @Test
    void clientSendsToLinuxAndReadsUntilEof() throws Exception {
        TapHarness.Peer server = startPython("""
                import socket, hashlib
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9000)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); h = hashlib.sha256()
                while True:
                    d = c.recv(65536)
                    if not d: break
                    h.update(d)
                c.sendall(h.hexdigest().encode()); c.close()
                """);
        waitForOutput(server, "ready");
        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);
        try (TSocket s = new TSocket(LINUX, 9000)) {
            assertTrue(s.isConnected());
            assertEquals(9000, s.getPort());
            assertEquals("/" + LINUX, s.getInetAddress().toString());
            assertTrue(s.getLocalPort() >= 49152, "ephemeral local port " + s.getLocalPort());
            s.getOutputStream().write(data);
            s.shutdownOutput();
            assertTrue(s.isOutputShutdown());
            String reply = new String(readAll(s.getInputStream()), StandardCharsets.US_ASCII);
            assertEquals(sha256(data), reply);
            assertThrows(TSocketException.class, () -> s.getOutputStream(), "output was shut down");
        }
        finish(server, 10);
    }

    /**
     * The peer sends nothing until it gets a byte, which the test sends only after its read timed
     * out: the timeout is certain (no race with the peer's sleep on a loaded machine) and the
     * answer after it shows the socket still works.
     */
    @Test
    void readTimeoutThrowsAndTheSocketStaysUsable() throws Exception {
        TapHarness.Peer server = startPython("""
                import socket
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9001)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); c.recv(1); c.sendall(b'late\\n'); c.recv(10); c.close()
                """);
        waitForOutput(server, "ready");
        try (TSocket s = new TSocket()) {
            s.connect(new TInetSocketAddress(LINUX, 9001), 60_000);
            s.setSoTimeout(200);
            long t0 = System.nanoTime();
            TSocketTimeoutException e = assertThrows(TSocketTimeoutException.class, () -> s.getInputStream().read());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("Read timed out", e.getMessage());
            assertTrue(ms >= 190, "timed out after " + ms + " ms");
            assertFalse(s.isClosed());
            s.getOutputStream().write('g');
            s.setSoTimeout(60_000); // a hang guard: the answer is an event, however late
            byte[] b = new byte[16];
            int n = s.getInputStream().read(b);
            assertEquals("late\n", new String(b, 0, n, StandardCharsets.US_ASCII));
        }
        finish(server, 60);
    }

    @Test
    void connectToClosedPortIsRefused() throws Exception {
        TSocket s = new TSocket();
        TConnectException e = assertThrows(TConnectException.class, () -> s.connect(new TInetSocketAddress(LINUX, 1)));
        assertEquals("Connection refused", e.getMessage());
        assertTrue(s.isClosed(), "a failed connect closes the socket, as on HotSpot");
        assertThrows(TConnectException.class, () -> new TSocket(LINUX, 2));
    }

    @Test
    void connectTimeoutToSilentAddress() throws Exception {
        TSocket s = new TSocket();
        long t0 = System.nanoTime();
        TSocketTimeoutException e = assertThrows(TSocketTimeoutException.class,
                () -> s.connect(new TInetSocketAddress("10.77.0.77", 80), 300));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("Connect timed out", e.getMessage());
        assertTrue(ms >= 290, "timed out early, after " + ms + " ms");
        pump.blocker.enter();
        try {
            assertEquals(0, h.stack.tcpActiveConnectionCount(), "the attempt is gone");
        } finally {
            pump.blocker.exit();
        }
    }

    @Test
    void writeOnResetConnectionThrows() throws Exception {
        TapHarness.Peer server = startPython("""
                import socket, struct, time
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9002)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); c.recv(100)
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)); c.close()
                """);
        waitForOutput(server, "ready");
        try (TSocket s = new TSocket(LINUX, 9002)) {
            OutputStream out = s.getOutputStream();
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1000];
            TSocketException e = assertThrows(TSocketException.class, () -> {
                // Writes until the reset arrives (the event); 60 s without one is a hang.
                long end = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() - end < 0) {
                    out.write(chunk);
                    Thread.sleep(1);
                }
            });
            assertEquals("Connection reset by peer", e.getMessage());
            TSocketException r = assertThrows(TSocketException.class, () -> s.getInputStream().read());
            assertEquals("Connection reset", r.getMessage());
        }
        finish(server, 60);
    }

    @Test
    void closeWakesBlockedReaderWithSocketClosed() throws Exception {
        TapHarness.Peer server = startPython("""
                import socket, time
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9003)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); c.recv(10); c.close()
                """);
        waitForOutput(server, "ready");
        TSocket s = new TSocket(LINUX, 9003);
        Throwable[] seen = new Throwable[1];
        InputStream in = s.getInputStream();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                in.read();
            } catch (Throwable t) {
                seen[0] = t;
            }
        });
        awaitBlocked(reader, "the reader");
        s.close();
        reader.join(60_000);
        assertFalse(reader.isAlive(), "close() woke the reader");
        assertInstanceOf(TSocketException.class, seen[0]);
        assertEquals("Socket closed", seen[0].getMessage());
        TSocketException after = assertThrows(TSocketException.class, () -> s.getInputStream());
        assertEquals("Socket is closed", after.getMessage());
        finish(server, 60);
    }

    @Test
    void serverSocketBindTimeoutAndClose() throws Exception {
        TServerSocket a = new TServerSocket(7100);
        TBindException bind = assertThrows(TBindException.class, () -> new TServerSocket(7100));
        assertEquals("Address already in use", bind.getMessage());
        a.setSoTimeout(200);
        TSocketTimeoutException t = assertThrows(TSocketTimeoutException.class, a::accept);
        assertEquals("Accept timed out", t.getMessage());
        // still usable: a Linux client gets accepted
        TapHarness.Peer client = startPython("""
                import socket, sys
                s = socket.create_connection((sys.argv[1], 7100), timeout=60); s.sendall(b'x'); s.close()
                """, STACK);
        a.setSoTimeout(60_000);
        try (TSocket c = a.accept()) {
            assertEquals('x', c.getInputStream().read());
            assertEquals("/" + LINUX, c.getInetAddress().toString());
            assertEquals(7100, c.getLocalPort());
        }
        finish(client, 60);
        // a blocked accept is woken by close
        a.setSoTimeout(0);
        Throwable[] seen = new Throwable[1];
        Thread acceptor = Thread.ofPlatform().start(() -> {
            try {
                a.accept();
            } catch (Throwable e) {
                seen[0] = e;
            }
        });
        awaitBlocked(acceptor, "the acceptor");
        a.close();
        acceptor.join(60_000);
        assertEquals("Socket closed", seen[0].getMessage());
        TSocketException closed = assertThrows(TSocketException.class, a::accept);
        assertEquals("Socket is closed", closed.getMessage());
        // the port is free again; port 0 picks an ephemeral one
        new TServerSocket(7100).close();
        try (TServerSocket e = new TServerSocket(0)) {
            assertTrue(e.getLocalPort() >= 49152, "ephemeral port " + e.getLocalPort());
            assertEquals("ServerSocket[addr=0.0.0.0/0.0.0.0,localport=" + e.getLocalPort() + "]", e.toString());
        }
    }

    // ---- UDP --------------------------------------------------------------------------------

    @Test
    void udpEchoBothWaysTruncationAndTimeout() throws Exception {
        TDatagramSocket server = new TDatagramSocket(5300);
        Thread echo = Thread.ofPlatform().start(() -> {
            byte[] b = new byte[2048];
            TDatagramPacket p = new TDatagramPacket(b, b.length);
            try {
                while (true) {
                    p.setLength(b.length);
                    server.receive(p);
                    server.send(new TDatagramPacket(b, p.getLength(), p.getAddress(), p.getPort()));
                }
            } catch (Exception e) {
                // closed
            }
        });
        String out = python("""
                import socket, sys
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(60)
                ok = 0
                for i in range(50):
                    m = ('datagram %d ' % i).encode() * (i + 1)
                    s.sendto(m, (sys.argv[1], 5300))
                    d, a = s.recvfrom(4096)
                    ok += d == m and a == (sys.argv[1], 5300)
                print('ok', ok)
                """, 30, STACK);
        assertEquals("ok 50", out.strip());
        server.close();
        echo.join(60_000);
        assertFalse(echo.isAlive(), "close() woke the receiver");

        TapHarness.Peer linux = startPython("""
                import socket
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', 5301)); print('ready', flush=True)
                d, a = s.recvfrom(4096); s.sendto(d.upper(), a)
                """);
        waitForOutput(linux, "ready");
        try (TDatagramSocket c = new TDatagramSocket()) {
            assertTrue(c.getLocalPort() >= 49152, "ephemeral port " + c.getLocalPort());
            byte[] m = "hello from the stack, a longer datagram".getBytes(StandardCharsets.US_ASCII);
            c.send(new TDatagramPacket(m, m.length, TInetAddress.getByName(LINUX), 5301));
            byte[] small = new byte[10];
            TDatagramPacket p = new TDatagramPacket(small, small.length);
            c.setSoTimeout(60_000);
            c.receive(p);
            assertEquals(10, p.getLength(), "truncated to the buffer, as on HotSpot");
            assertEquals("HELLO FROM", new String(small, StandardCharsets.US_ASCII));
            assertEquals(5301, p.getPort());
            assertEquals("/" + LINUX, p.getAddress().toString());
            c.setSoTimeout(200);
            TSocketTimeoutException e = assertThrows(TSocketTimeoutException.class,
                    () -> c.receive(new TDatagramPacket(new byte[10], 10)));
            assertEquals("Receive timed out", e.getMessage());
        }
        finish(linux, 60);
    }

    /**
     * Waits until t waits on the stack's condition (the ThreadBlocker's): blocked in the call
     * under test, not merely started.
     */
    private void awaitBlocked(Thread t, String what) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            pump.blocker.lock.lock();
            try {
                if (pump.blocker.lock.hasWaiters(pump.blocker.changed)) {
                    return;
                }
            } finally {
                pump.blocker.lock.unlock();
            }
            assertTrue(t.isAlive(), what + " ended instead of blocking");
            assertTrue(System.nanoTime() - end < 0, what + " did not block in 60 s");
            Thread.sleep(5);
        }
    }

    private static void waitForOutput(TapHarness.Peer p, String line) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (p.finished()) {
                fail("peer ended early: " + p.output());
            }
            if (p.outputSoFar().contains(line)) {
                return;
            }
            Thread.sleep(20);
        }
        fail("peer did not print '" + line + "': " + p.outputSoFar());
    }
}
