package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * `kiln daemon` as a real process (this build's classes in a new JVM, as the launcher starts
 * it) on a test's own state directory and socket; started, SIGKILLed and started again.
 */
final class DaemonProcess implements AutoCloseable {
    final Path dir;
    final Path stateDir;
    final Path socket;
    private final List<String> extraArgs;
    private NetNs netns;
    private NetNs.Bg current;

    /** A daemon on a new temporary directory, readable by other users (the socket's own mode is what keeps them out). */
    DaemonProcess(String... extraArgs) throws IOException {
        this(Files.createTempDirectory("kiln-daemon-test"), extraArgs);
    }

    DaemonProcess(Path dir, String... extraArgs) throws IOException {
        this.dir = dir;
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.stateDir = dir.resolve("state");
        this.socket = dir.resolve("kiln.sock");
        this.extraArgs = List.of(extraArgs);
    }

    String host() {
        return "unix://" + socket;
    }

    Map<String, String> env() {
        return Map.of("KILN_HOST", host());
    }

    /**
     * Runs the daemon inside ns (its bridge, taps and published ports live there); the verbs
     * still reach it through its socket, a file.
     */
    DaemonProcess inside(NetNs ns) {
        this.netns = ns;
        return this;
    }

    /**
     * Starts it and waits for its "ready" line. In the test's own namespace, a daemon outside
     * one gets --bridge none (per-VM namespaces): a bridge in the host's namespace is not the
     * tests' to make.
     */
    DaemonProcess start() throws Exception {
        List<String> args = new ArrayList<>(List.of("daemon", "--host", host(), "--state-dir", stateDir.toString(),
                "--shutdown-timeout", "0"));
        if (netns == null && !extraArgs.contains("--bridge")) args.addAll(List.of("--bridge", "none"));
        args.addAll(extraArgs);
        List<String> cmd = ServiceImages.kiln(args.toArray(new String[0]));
        if (netns != null) cmd = netns.inside(cmd.toArray(new String[0]));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        current = new NetNs.Bg(pb.start());
        current.await("ready (pid", 120_000);
        return this;
    }

    long pid() {
        return current.process.pid();
    }

    String output() {
        return current.output();
    }

    /** SIGKILL: the daemon gets no chance to record anything. */
    void kill() throws InterruptedException {
        current.process.destroyForcibly();
        if (!current.process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the daemon survived SIGKILL");
    }

    /** SIGTERM, the clean stop, and waits for the daemon's end; its state directory stays. */
    void stop() {
        current.stop();
    }

    /** A verb of the kiln command against this daemon. */
    KilnProcess kiln(String... args) throws IOException, InterruptedException {
        return KilnProcess.run(env(), args);
    }

    /** Runs a verb that streams (logs -f, compose logs -f) until it printed {@code text}, then ends it. */
    void awaitOutput(String text, String... verb) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ServiceImages.kiln(verb)).redirectErrorStream(true);
        pb.environment().putAll(env());
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        Process p = pb.start();
        try {
            String missing = new ProcessOutput(p, "await-" + verb[0]).await(text, 120_000);
            if (missing != null) {
                throw new AssertionError("kiln " + String.join(" ", verb) + ": " + missing + "\n--- daemon:\n" + output());
            }
        } finally {
            p.destroy();
        }
    }

    @Override
    public void close() throws Exception {
        if (current != null && current.process.isAlive()) current.stop();
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a file held open by a process still going away: /tmp is cleaned later
        }
    }
}
