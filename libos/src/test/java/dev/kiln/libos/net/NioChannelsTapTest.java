package dev.kiln.libos.net;

import static org.junit.jupiter.api.Assertions.*;

import dev.kiln.libos.classlib.java.nio.channels.TDatagramChannel;
import dev.kiln.libos.classlib.java.nio.channels.TSelectionKey;
import dev.kiln.libos.classlib.java.nio.channels.TSelector;
import dev.kiln.libos.classlib.java.nio.channels.TServerSocketChannel;
import dev.kiln.libos.classlib.java.nio.channels.TSocketChannel;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The java.nio.channels classes of native images (dev.kiln.libos.classlib.java.nio.channels) on
 * HotSpot, over the stack on a tap in a namespace of the test's own, against Linux peers (python3).
 * Blocking uses real threads here where an image parks green threads; the selector's wait is the
 * same Blocker.await, resumed when the stack makes a registered channel ready.
 */
class NioChannelsTapTest {
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

    private TapHarness.Peer python(String program, String... args) throws Exception {
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
        assertEquals(0, p.exitCode(), p.output());
        return p.output();
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

    /** Until t waits in the blocker (the select() parked), failing if it ends first; a hang guard of 60 s. */
    private void awaitParked(Thread t) throws Exception {
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
            assertTrue(t.isAlive(), "select() ended instead of waiting");
            assertTrue(System.nanoTime() - end < 0, "select() did not wait within 60 s");
            Thread.sleep(5);
        }
    }

    /** Per connection: what was read and not yet written back, and whether the peer finished sending. */
    private static final class Echo {
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        boolean eof;
    }

    /**
     * One thread, one Selector, a non-blocking ServerSocketChannel: 30 python clients at once each
     * send 30 KB and half-close; every byte comes back (OP_WRITE when the send buffer is full) and
     * each connection is closed after its echo.
     */
    @Test
    void selectorEchoServerServesManyClientsAtOnce() throws Exception {
        TServerSocketChannel server = TServerSocketChannel.open();
        server.bind(new InetSocketAddress(7100));
        server.configureBlocking(false);
        TSelector selector = TSelector.open();
        server.register(selector, TSelectionKey.OP_ACCEPT);
        AtomicInteger accepted = new AtomicInteger();
        Thread loop = Thread.ofPlatform().start(() -> {
            try {
                while (selector.isOpen()) {
                    selector.select();
                    if (!selector.isOpen()) {
                        return;
                    }
                    Iterator<TSelectionKey> it = selector.selectedKeys().iterator();
                    while (it.hasNext()) {
                        TSelectionKey k = it.next();
                        it.remove();
                        if (k.isAcceptable()) {
                            TSocketChannel c;
                            while ((c = server.accept()) != null) {
                                accepted.incrementAndGet();
                                c.configureBlocking(false);
                                c.register(selector, TSelectionKey.OP_READ, new Echo());
                            }
                            continue;
                        }
                        TSocketChannel c = (TSocketChannel) k.channel();
                        Echo e = (Echo) k.attachment();
                        if (k.isReadable()) {
                            ByteBuffer b = ByteBuffer.allocate(8192);
                            int n = c.read(b);
                            if (n < 0) {
                                e.eof = true;
                            } else if (n > 0) {
                                b.flip();
                                e.out.add(b);
                            }
                        }
                        while (!e.out.isEmpty()) {
                            ByteBuffer b = e.out.peek();
                            c.write(b);
                            if (b.hasRemaining()) {
                                break;
                            }
                            e.out.poll();
                        }
                        if (e.out.isEmpty() && e.eof) {
                            c.close();
                        } else {
                            k.interestOps((e.eof ? 0 : TSelectionKey.OP_READ)
                                    | (e.out.isEmpty() ? 0 : TSelectionKey.OP_WRITE));
                        }
                    }
                }
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        });
        String out = finish(python("""
                import socket, sys, os, threading
                ok = []
                def one(i):
                    data = os.urandom(30000 + i)
                    s = socket.create_connection((sys.argv[1], 7100), timeout=60)
                    sender = threading.Thread(target=lambda: (s.sendall(data), s.shutdown(socket.SHUT_WR)))
                    sender.start()
                    got = b''
                    while True:
                        d = s.recv(65536)
                        if not d: break
                        got += d
                    sender.join(); s.close()
                    if got == data: ok.append(i)
                ts = [threading.Thread(target=one, args=(i,)) for i in range(30)]
                for t in ts: t.start()
                for t in ts: t.join()
                print('ok', len(ok))
                """, STACK), 120);
        assertEquals("ok 30", out.strip());
        assertEquals(30, accepted.get());
        selector.close();
        server.close();
        loop.join(60_000);
        assertFalse(loop.isAlive(), "closing the selector ends the select() under way");
    }

    /** Non-blocking connect to a Linux listener: connect() is false, OP_CONNECT comes, finishConnect() true, then OP_READ. */
    @Test
    void nonBlockingClientConnectsToLinuxThroughTheSelector() throws Exception {
        TapHarness.Peer server = python("""
                import socket
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9100)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); d = b''
                while not d.endswith(b'\\n'):
                    d += c.recv(100)
                c.sendall(b'you said ' + d); c.close()
                """);
        waitForOutput(server, "ready");
        TSocketChannel c = TSocketChannel.open();
        c.configureBlocking(false);
        TSelector selector = TSelector.open();
        assertFalse(c.connect(new InetSocketAddress(LINUX, 9100)), "a non-blocking connect only starts");
        assertTrue(c.isConnectionPending());
        TSelectionKey key = c.register(selector, TSelectionKey.OP_CONNECT);
        assertEquals(1, selector.select(60_000));
        assertTrue(key.isConnectable());
        assertTrue(c.finishConnect());
        assertTrue(c.isConnected());
        assertEquals(new InetSocketAddress(LINUX, 9100), c.getRemoteAddress());
        selector.selectedKeys().clear();
        assertEquals(5, c.write(ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.US_ASCII), 0, 5)));
        assertEquals(1, c.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.US_ASCII))));
        key.interestOps(TSelectionKey.OP_READ);
        ByteBuffer got = ByteBuffer.allocate(100);
        while (true) {
            assertEquals(1, selector.select(60_000), "OP_READ until the end of the stream");
            assertTrue(key.isReadable());
            selector.selectedKeys().clear();
            if (c.read(got) < 0) {
                break;
            }
        }
        got.flip();
        assertEquals("you said hello\n", StandardCharsets.US_ASCII.decode(got).toString());
        assertEquals(1, selector.selectNow(), "the end of the stream keeps the channel readable");
        c.close();
        assertFalse(key.isValid(), "closing the channel cancels its key");
        selector.close();
        finish(server, 30);
    }

    @Test
    void nonBlockingConnectToAClosedPortFailsInFinishConnect() throws Exception {
        TSocketChannel c = TSocketChannel.open();
        c.configureBlocking(false);
        TSelector selector = TSelector.open();
        assertFalse(c.connect(new InetSocketAddress(LINUX, 9199)));
        c.register(selector, TSelectionKey.OP_CONNECT);
        assertEquals(1, selector.select(60_000));
        ConnectException e = assertThrows(ConnectException.class, c::finishConnect);
        assertEquals("Connection refused", e.getMessage());
        assertFalse(c.isOpen(), "a failed finishConnect closes the channel");
        selector.close();
    }

    /** Blocking mode: connect, write and read park as java.net's calls do. */
    @Test
    void blockingChannelTalksToLinux() throws Exception {
        TapHarness.Peer server = python("""
                import socket
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9101)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); n = 0
                while True:
                    d = c.recv(65536)
                    if not d: break
                    n += len(d)
                c.sendall(str(n).encode()); c.close()
                """);
        waitForOutput(server, "ready");
        try (TSocketChannel c = TSocketChannel.open(new InetSocketAddress(LINUX, 9101))) {
            assertTrue(c.isBlocking());
            assertTrue(c.isConnected());
            ByteBuffer big = ByteBuffer.allocateDirect(1 << 20);
            assertEquals(1 << 20, c.write(big), "a blocking write takes everything");
            c.shutdownOutput();
            ByteBuffer got = ByteBuffer.allocate(64);
            while (c.read(got) >= 0) {
                // until the peer closes
            }
            got.flip();
            assertEquals(String.valueOf(1 << 20), StandardCharsets.US_ASCII.decode(got).toString());
        }
        finish(server, 30);
    }

    /** wakeup() ends a select() that has nothing to wait for; a select with a timeout returns 0 when it passes. */
    @Test
    void wakeupAndTimeoutEndASelect() throws Exception {
        TSelector selector = TSelector.open();
        TServerSocketChannel server = TServerSocketChannel.open();
        server.bind(new InetSocketAddress(7101));
        server.configureBlocking(false);
        server.register(selector, TSelectionKey.OP_ACCEPT);
        assertEquals(0, selector.selectNow());
        assertEquals(0, selector.select(50));
        int[] result = {-1};
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                result[0] = selector.select();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        awaitParked(t);
        selector.wakeup();
        t.join(60_000);
        assertFalse(t.isAlive(), "wakeup() ends the select()");
        assertEquals(0, result[0]);
        selector.wakeup();
        assertEquals(0, selector.select(), "a wakeup before select() makes the next one return at once");
        selector.close();
        server.close();
    }

    /**
     * A non-blocking DatagramChannel behind a Selector echoes 20 datagrams from Linux (a 1400-byte
     * one cut to the buffer's 1000 bytes, as the JDK cuts it); then a connected channel's read()
     * and write() talk to that peer only.
     */
    @Test
    void datagramChannelEchoesThroughTheSelector() throws Exception {
        TDatagramChannel ch = TDatagramChannel.open();
        ch.bind(new InetSocketAddress(7200));
        ch.configureBlocking(false);
        assertNull(ch.receive(ByteBuffer.allocate(10)), "non-blocking receive with nothing there");
        TSelector selector = TSelector.open();
        ch.register(selector, TSelectionKey.OP_READ);
        TapHarness.Peer peer = python("""
                import socket, sys
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(60)
                s.bind(('0.0.0.0', 9200))
                for i in range(20):
                    s.sendto(b'x' * 1400 if i == 7 else ('datagram %d' % i).encode(), (sys.argv[1], 7200))
                    d, a = s.recvfrom(5000)
                    print(len(d), d[:12].decode(), a[1], flush=True)
                d, a = s.recvfrom(5000)
                print('connected:', d.decode(), flush=True)
                s.sendto(b'reply', (sys.argv[1], 7200))
                """, STACK);
        int echoed = 0;
        while (echoed < 20) {
            int ready = selector.select(60_000);
            assertTrue(ready > 0, "a datagram arrives (" + echoed + " echoed; udp " + h.stack.stats() + "); the peer: "
                    + peer.outputSoFar());
            selector.selectedKeys().clear();
            ByteBuffer b = ByteBuffer.allocate(1000);
            InetSocketAddress from;
            while ((from = (InetSocketAddress) ch.receive(b)) != null) {
                assertEquals(new InetSocketAddress(LINUX, 9200), from);
                b.flip();
                assertEquals(b.remaining(), ch.send(b, from));
                echoed++;
                b.clear();
            }
        }
        selector.close();
        ch.configureBlocking(true);
        ch.connect(new InetSocketAddress(LINUX, 9200));
        assertEquals(5, ch.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII))));
        ByteBuffer r = ByteBuffer.allocate(100);
        assertEquals(5, ch.read(r));
        assertEquals("reply", new String(r.array(), 0, 5, StandardCharsets.US_ASCII));
        ch.close();
        String out = finish(peer, 60);
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            want.append(i == 7 ? "1000 xxxxxxxxxxxx 7200\n" : (i < 10 ? 10 : 11) + " datagram " + i + " 7200\n");
        }
        want.append("connected: hello\n");
        assertEquals(want.toString(), out);
    }
}
