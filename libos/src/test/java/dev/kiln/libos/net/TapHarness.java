package dev.kiln.libos.net;

import dev.kiln.vmm.hostnet.NetworkNamespace;
import dev.kiln.vmm.hostnet.TapDevice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The stack on HotSpot, wired to a tap device inside a fresh network namespace, so that the
 * real Linux network stack is its peer. The namespace holds the tap (10.77.0.1/24 on the
 * Linux side); the stack is 10.77.0.2. One thread (the caller's) drives the stack: frames from
 * the tap, timers, and the test's application code, in turn. Everything is torn down on close.
 */
final class TapHarness implements AutoCloseable {
    static final String LINUX_IP = "10.77.0.1";
    static final String STACK_IP = "10.77.0.2";
    static final long STACK_MAC = 0x024b494c4e02L;

    final NetworkNamespace ns;
    final TapDevice tap;
    final NetStack stack;
    private final byte[] rx = new byte[TapDevice.MAX_FRAME];
    private final Clock clock = System::nanoTime;

    // Optional impairment done here, in the pump, in both directions (see docs/net.md).
    private Random impairRandom;
    private double reorder;
    private double javaLoss;
    private long reorderDelayNanos;
    private final ArrayDeque<long[]> heldTimes = new ArrayDeque<>();
    private final ArrayDeque<byte[]> heldIn = new ArrayDeque<>();
    private final ArrayDeque<Boolean> heldDir = new ArrayDeque<>();
    private IOException sinkError;
    private final Process capture;

    /** Fails the test, naming the missing prerequisite. */
    static void requirePrerequisites(String... commands) {
        if (!NetworkNamespace.isRoot()) {
            throw new AssertionError("prerequisite missing: these tests must run as root (they create network namespaces and tap devices)");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            throw new AssertionError("prerequisite missing: /dev/net/tun (the tun/tap driver)");
        }
        for (String c : commands) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, c))) {
                    found = true;
                }
            }
            for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
                if (Files.isExecutable(Path.of(dir, c))) {
                    found = true;
                }
            }
            if (!found) {
                throw new AssertionError("prerequisite missing: the command `" + c + "` is not installed");
            }
        }
    }

    TapHarness(NetConfig config) throws IOException {
        requirePrerequisites("ip", "tc", "curl", "ping", "python3");
        NetworkNamespace n = NetworkNamespace.create("kiln-t-");
        TapDevice t = null;
        String tapName;
        try {
            tapName = "ktap" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
            t = TapDevice.open(n, tapName);
            n.ip("addr", "add", LINUX_IP + "/24", "dev", tapName);
            n.ip("link", "set", tapName, "up");
        } catch (IOException | RuntimeException e) {
            if (t != null) {
                t.close();
            }
            n.close();
            throw e;
        }
        ns = n;
        tap = t;
        stack = new NetStack(config, clock, this::toTap);
        capture = startCapture(tapName);
    }

    /**
     * With -Dkiln.test.pcap=DIR, tcpdump records every frame on the tap into DIR (one file per
     * harness, named after the tap): the wire-level evidence when a test against Linux fails.
     */
    private Process startCapture(String tapName) throws IOException {
        String dir = System.getProperty("kiln.test.pcap");
        if (dir == null || dir.isEmpty()) {
            return null;
        }
        requirePrerequisites("tcpdump");
        Files.createDirectories(Path.of(dir));
        Path file = Path.of(dir, tapName + "-" + System.currentTimeMillis() + ".pcap");
        Peer p = start("tcpdump", "-i", tapName, "--immediate-mode", "-U", "-n", "-s", "256", "-w", file.toString());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!p.outputSoFar().contains("listening on")) {
            if (!p.process.isAlive() || System.nanoTime() - end > 0) {
                throw new IOException("tcpdump did not start: " + p.outputSoFar());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return p.process;
    }

    static NetConfig defaultConfig() {
        NetConfig c = NetConfig.staticIp(STACK_MAC, Ipv4Address.parse(STACK_IP), 24, 0);
        c.randomSeed = System.nanoTime();
        return c;
    }

    /** Reordering (and optional extra loss) applied by the pump: a held frame is released later. */
    void impair(double reorderProbability, long delayNanos, double loss, long seed) {
        impairRandom = new Random(seed);
        reorder = reorderProbability;
        reorderDelayNanos = delayNanos;
        javaLoss = loss;
    }

    private void toTap(byte[] f, int off, int len) {
        if (impairRandom != null) {
            boolean ipv4 = len >= 14 && f[off + 12] == 0x08 && f[off + 13] == 0x00; // ARP is not lost (see Impairment)
            if (ipv4 && javaLoss > 0 && impairRandom.nextDouble() < javaLoss) {
                return;
            }
            if (impairRandom.nextDouble() < reorder) {
                hold(f, off, len, false);
                return;
            }
        }
        try {
            tap.write(f, off, len);
        } catch (IOException e) {
            sinkError = e;
        }
    }

    private void hold(byte[] f, int off, int len, boolean toStack) {
        byte[] copy = new byte[len];
        System.arraycopy(f, off, copy, 0, len);
        heldTimes.add(new long[] {System.nanoTime() + reorderDelayNanos});
        heldIn.add(copy);
        heldDir.add(toStack);
    }

    private void releaseHeld(long now) throws IOException {
        while (!heldTimes.isEmpty() && heldTimes.peek()[0] <= now) {
            heldTimes.poll();
            byte[] f = heldIn.poll();
            boolean toStack = heldDir.poll();
            if (toStack) {
                stack.receive(f, f.length);
            } else {
                tap.write(f, 0, f.length);
            }
        }
    }

    /**
     * Drives the stack until step returns true (step runs the test's application code on this
     * thread, between batches of frames), or fails after timeoutMillis.
     */
    void runUntil(BooleanSupplier step, long timeoutMillis, String what) throws IOException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            int frames = 0;
            int n;
            while (frames < 256 && (n = tap.read(rx)) > 0) {
                frames++;
                if (impairRandom != null) {
                    if (javaLoss > 0 && impairRandom.nextDouble() < javaLoss) {
                        continue;
                    }
                    if (impairRandom.nextDouble() < reorder) {
                        hold(rx, 0, n, true);
                        continue;
                    }
                }
                stack.receive(rx, n);
            }
            long now = System.nanoTime();
            releaseHeld(now);
            stack.poll(now);
            if (sinkError != null) {
                throw sinkError;
            }
            if (step.getAsBoolean()) {
                return;
            }
            if (now - end > 0) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what + "\n"
                        + stack.describeConnections() + counters(stack.stats()));
            }
            if (frames == 0) {
                long wait = Math.min(stack.nextDeadline(), heldTimes.isEmpty() ? Long.MAX_VALUE : heldTimes.peek()[0]) - now;
                int ms = (int) Math.max(0, Math.min(2, wait / 1_000_000L));
                tap.awaitReadable(ms);
            }
        }
    }

    /** Every counter of the stack, name=value, for failure messages. */
    static String counters(NetStats st) {
        StringBuilder b = new StringBuilder("counters:");
        for (java.lang.reflect.Field f : NetStats.class.getFields()) {
            try {
                Object v = f.get(st);
                if (v instanceof Long l && l != 0) {
                    b.append(' ').append(f.getName()).append('=').append(l);
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return b.toString();
    }

    /** Starts a command in the namespace; its output is collected on a side thread. */
    Peer start(String... cmd) throws IOException {
        return new Peer(ns.start(cmd));
    }

    /** Starts peer.py (the Linux-side test program) in the namespace. */
    Peer peer(String... args) throws IOException {
        Path script = Path.of(System.getProperty("java.io.tmpdir"), "kiln-peer-" + ProcessHandle.current().pid() + ".py");
        if (!Files.exists(script)) {
            try (InputStream in = TapHarness.class.getResourceAsStream("/peer.py")) {
                Files.write(script, in.readAllBytes());
            }
            script.toFile().deleteOnExit();
        }
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
        cmd.addAll(List.of(args));
        return start(cmd.toArray(new String[0]));
    }

    /** A process in the namespace; runUntil(peer::finished) keeps the stack going meanwhile. */
    static final class Peer {
        final Process process;
        private final StringBuilder out = new StringBuilder();
        private final Thread reader;

        Peer(Process p) {
            process = p;
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (InputStream in = p.getInputStream()) {
                    byte[] b = new byte[8192];
                    int n;
                    while ((n = in.read(b)) > 0) {
                        synchronized (out) {
                            out.append(new String(b, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
        }

        boolean finished() {
            return !process.isAlive();
        }

        /**
         * Everything the process printed, once its output reached end of file (what it printed so
         * far while it still runs). The reader thread
         * ends at that event; on a loaded machine it can take seconds after the process exits
         * (2 s were not enough: bulkStackToLinux saw an empty line), so the bound only guards
         * against a hang.
         */
        String output() {
            if (process.isAlive()) {
                return outputSoFar(); // a failure report about a peer that did not end
            }
            try {
                reader.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                throw new AssertionError("the peer ended but its output did not reach end of file within 60 s;"
                        + " so far: " + outputSoFar());
            }
            synchronized (out) {
                return out.toString();
            }
        }

        /** What the process printed so far (it may still run). */
        String outputSoFar() {
            synchronized (out) {
                return out.toString();
            }
        }

        int exitCode() {
            return process.exitValue();
        }

        void kill() {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException {
        if (capture != null) {
            capture.destroy(); // SIGTERM: tcpdump flushes its file
            try {
                capture.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            tap.close();
        } finally {
            ns.close();
        }
    }
}
