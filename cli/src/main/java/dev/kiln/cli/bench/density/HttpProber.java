package dev.kiln.cli.bench.density;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;

/**
 * Asks every guest for `GET /` over its address on the daemon's bridge, from inside the
 * daemon's network namespace: a few platform threads each setns(2) into it first (setns moves
 * the calling thread only, so the sockets they open are the namespace's), then take the
 * addresses in turn. A guest answers when its reply's status line says 200; one that refuses or
 * does not answer is asked again until its deadline (it may still be coming up), so that a
 * missing answer is a guest that never served, not a race.
 */
public final class HttpProber {
    private static final int CONNECT_TIMEOUT_MS = 5_000, READ_TIMEOUT_MS = 10_000, RETRY_PAUSE_MS = 50;
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: density\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** What one guest answered: null when it served, else why not. */
    public record Outcome(InetAddress address, String failure) {
        public boolean answered() {
            return failure == null;
        }
    }

    private HttpProber() {}

    /**
     * Probes every address, threads at a time; each gets until perVmMillis after its first try,
     * and none is asked again after totalMillis from the start (a bridge that reaches no guest
     * must not keep the benchmark going for an hour).
     *
     * @param answered called with the count of answers so far, after each answer
     */
    public static List<Outcome> probe(Path netns, List<InetAddress> addresses, int port, int threads, long perVmMillis,
                                      long totalMillis, IntConsumer answered) throws InterruptedException {
        long end = System.nanoTime() + totalMillis * 1_000_000L;
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(addresses.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        Thread[] workers = new Thread[Math.max(1, Math.min(threads, addresses.size()))];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = Thread.ofPlatform().name("density-probe-" + t).daemon().start(() -> {
                String entered = enter(netns);
                for (int i; (i = next.getAndIncrement()) < addresses.size(); ) {
                    InetAddress a = addresses.get(i);
                    Outcome o = entered != null ? new Outcome(a, entered) : probeOne(a, port, Math.min(System.nanoTime() + perVmMillis * 1_000_000L, end));
                    outcomes.set(i, o);
                    if (o.answered()) answered.accept(served.incrementAndGet());
                }
            });
        }
        for (Thread w : workers) w.join();
        return java.util.stream.IntStream.range(0, addresses.size()).mapToObj(outcomes::get).toList();
    }

    /** Moves the calling thread into the namespace; null on success, else why not. */
    private static String enter(Path netns) {
        int fd = Libc.open(netns.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (fd < 0) return "cannot open " + netns + ": " + Errno.describe(-fd);
        try {
            int r = Libc.setns(fd, Libc.CLONE_NEWNET);
            return r < 0 ? "cannot enter " + netns + ": " + Errno.describe(-r) : null;
        } finally {
            Libc.close(fd);
        }
    }

    /** Asks until it answers or until the deadline (System.nanoTime()). */
    private static Outcome probeOne(InetAddress a, int port, long deadline) {
        String last;
        while (true) {
            try {
                String status = get(a, port);
                if (status.startsWith("HTTP/1.1 200 ") || status.startsWith("HTTP/1.0 200 ")) return new Outcome(a, null);
                last = "answered " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() - deadline > 0) return new Outcome(a, last);
            try {
                Thread.sleep(RETRY_PAUSE_MS); // a guest not listening yet: ask again shortly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(a, "interrupted; last: " + last);
            }
        }
    }

    /** One request on a new connection; its status line. */
    private static String get(InetAddress a, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            s.getOutputStream().write(REQUEST);
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) >= 0 && b != '\n' && line.length() < 200; ) line.append((char) b);
            in.readAllBytes(); // the rest, until the guest closes (Connection: close)
            if (line.isEmpty()) throw new IOException("the connection closed without an answer");
            return line.toString().strip();
        }
    }
}
