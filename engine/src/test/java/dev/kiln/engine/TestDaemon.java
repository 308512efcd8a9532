package dev.kiln.engine;

import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.Event;
import dev.kiln.engine.client.KilnClient;
import dev.kiln.engine.logs.LogLimits;
import dev.kiln.engine.server.SocketAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A daemon in this JVM on a temporary state directory and socket, with a client, for the
 * tests; every wait is for an answer or an event, bounded only against hangs.
 */
final class TestDaemon implements AutoCloseable {
    static final long HANG_GUARD_SECONDS = 60;
    final Path dir;
    final Path stateDir;
    final Path socket;
    final Daemon daemon;
    final KilnClient client;
    final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());

    private TestDaemon(Path dir, Daemon daemon) {
        this.dir = dir;
        this.stateDir = dir.resolve("state");
        this.socket = daemon.socket();
        this.daemon = daemon;
        this.client = KilnClient.of(socket);
    }

    static TestDaemon start() throws Exception {
        return start(Files.createTempDirectory("kiln-engine-test"), LogLimits.DEFAULT, 30_000);
    }

    /** A daemon on dir/state and dir/kiln.sock (the socket's mode as a user's daemon: 0600). */
    static TestDaemon start(Path dir, LogLimits limits, long idleTimeoutMs) throws Exception {
        return start(dir, limits, idleTimeoutMs, o -> o);
    }

    /** The same, with options changed by adjust (metrics on TCP, say). */
    static TestDaemon start(Path dir, LogLimits limits, long idleTimeoutMs,
                            java.util.function.UnaryOperator<Daemon.Options> adjust) throws Exception {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        Daemon.Options o = adjust.apply(new Daemon.Options(dir.resolve("state"), dir.resolve("kiln.sock"), new SocketAccess(null),
                limits, Duration.ZERO, idleTimeoutMs, "test", null, null));
        Daemon d = Daemon.start(o, line -> {
            log.add(line);
            System.err.println("daemon: " + line);
        });
        TestDaemon t = new TestDaemon(dir, d);
        t.log.addAll(log);
        return t;
    }

    static Path guest(String name) {
        Path p = Path.of(System.getProperty("kiln.guest.dir"), "tests", name + ".elf");
        if (!Files.isRegularFile(p)) throw new AssertionError("test guest missing (make -C guest): " + p);
        return p;
    }

    static CreateRequest request(String name, String guest, List<String> args) {
        return new CreateRequest(name, guest(guest).toString(), args, List.of(), 8, List.of(), null, null);
    }

    /** Collects events from now on in the background; take() waits for the next one that matches. */
    EventTap events() {
        return new EventTap(client);
    }

    static final class EventTap implements AutoCloseable {
        private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final Thread reader;
        private volatile boolean closed;
        final List<Event> seen = java.util.Collections.synchronizedList(new ArrayList<>());

        EventTap(KilnClient client) {
            Instant since = Instant.now().minusSeconds(1);
            reader = Thread.ofVirtual().start(() -> {
                try {
                    client.events(since, null, null, e -> {
                        seen.add(e);
                        queue.add(e);
                        return !closed;
                    });
                } catch (RuntimeException e) {
                    if (!closed) System.err.println("event stream ended: " + e);
                }
            });
        }

        Event take(Predicate<Event> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
            while (true) {
                long left = deadline - System.nanoTime();
                Event e = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (e == null) throw new AssertionError("no event " + what + " within " + HANG_GUARD_SECONDS + " s; saw " + seen);
                if (wanted.test(e)) return e;
            }
        }

        Event take(String action, String name) throws InterruptedException {
            return take(e -> action.equals(e.action()) && name.equals(e.name()), action + " of " + name);
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
        }
    }

    /** Sends raw bytes on a new connection and reads the answer until the daemon closes it. */
    String raw(byte[] request) throws IOException {
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.connect(java.net.UnixDomainSocketAddress.of(socket));
            ch.write(java.nio.ByteBuffer.wrap(request));
            byte[] answer = java.nio.channels.Channels.newInputStream(ch).readNBytes(64 * 1024);
            return new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        daemon.close();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file still held open: the temp dir cleans up later
                }
            }
        }
    }
}
