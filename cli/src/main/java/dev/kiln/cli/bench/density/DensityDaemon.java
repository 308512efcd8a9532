package dev.kiln.cli.bench.density;

import dev.kiln.engine.client.DaemonUnreachableException;
import dev.kiln.engine.client.KilnClient;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The density benchmark's own kiln daemon: a child process started as the launcher starts one
 * (this JVM's java, flags and class path), on a state directory and socket under a temporary
 * directory, in a network namespace of its own (`unshare --net`, which execs the daemon: the
 * process's pid is the daemon's). Its bridge (kiln0, the default subnet), its taps and its VMs
 * live there, apart from the host's network and from any other daemon. The namespace has no
 * name: once the daemon ends, however it ends, the kernel destroys it with the bridge in it.
 *
 * <p>{@link #close} stops it with SIGTERM (a clean stop: it destroys its VMs and deletes its
 * bridge), with SIGKILL if it has not ended within a minute, then deletes the directory.
 */
public final class DensityDaemon implements AutoCloseable {
    private static final long READY_TIMEOUT_MS = 120_000;
    private static final long STOP_TIMEOUT_S = 60;
    private final Path dir;
    private final Process process;
    private final KilnClient client;
    private boolean closed;

    private DensityDaemon(Path dir, Process process, KilnClient client) {
        this.dir = dir;
        this.process = process;
        this.client = client;
    }

    /**
     * Starts the daemon and returns once its API answers (it exited or did not answer within
     * two minutes: an IOException with the end of its log).
     *
     * @param mainClass the kiln command's main class (the daemon is `MAIN daemon ...`)
     */
    public static DensityDaemon start(String mainClass) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kiln-density");
        Path socket = dir.resolve("kiln.sock");
        List<String> cmd = new ArrayList<>(List.of("unshare", "--net"));
        // as ./kiln starts a daemon: with C2 (a CLI command's C1-only start is for short-lived commands)
        cmd.addAll(thisJvm().stream().filter(a -> !a.startsWith("-XX:TieredStopAtLevel")).toList());
        cmd.addAll(List.of(mainClass, "daemon", "--host", "unix://" + socket, "--state-dir", dir.resolve("state").toString(),
                "--shutdown-timeout", "0"));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("daemon.log").toFile()).redirectErrorStream(true).start();
        KilnClient client = KilnClient.of(socket);
        DensityDaemon d = new DensityDaemon(dir, p, client);
        try {
            d.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** java, this JVM's own options (heap, GC, native access) and class path: the start of a kiln command line. */
    public static List<String> thisJvm() {
        List<String> jvm = new ArrayList<>();
        jvm.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) jvm.add(a); // no debugger or agent of ours
        }
        jvm.add("-cp");
        jvm.add(System.getProperty("java.class.path"));
        return jvm;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT_MS * 1_000_000L;
        long pause = 5;
        while (true) {
            try {
                client.info();
                return;
            } catch (DaemonUnreachableException e) {
                if (!process.isAlive()) {
                    throw new IOException("the benchmark's daemon exited at once (status " + process.exitValue() + "): " + logTail(5));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the benchmark's daemon (pid " + process.pid() + ") did not answer within "
                            + READY_TIMEOUT_MS / 1000 + " s: " + logTail(5));
                }
            }
            Thread.sleep(pause); // its socket's first answer, backing off
            pause = Math.min(pause * 2, 100);
        }
    }

    public KilnClient client() {
        return client;
    }

    public long pid() {
        return process.pid();
    }

    public Path socket() {
        return client.socket();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The daemon's network namespace, for threads that setns(2) into it to reach the VMs on its bridge. */
    public Path netns() {
        return Path.of("/proc", Long.toString(process.pid()), "ns", "net");
    }

    /** The daemon's resident memory now (VmRSS: its heap, its threads' stacks and every guest's touched memory). */
    public long residentBytes() throws IOException {
        return ProcessMemory.residentBytes(process.pid());
    }

    /** The last lines of the daemon's own log, joined with " | ". */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(dir.resolve("daemon.log"), StandardCharsets.UTF_8);
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the daemon (SIGTERM, then SIGKILL after a minute) and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
                System.err.println("kiln: the benchmark's daemon did not stop within " + STOP_TIMEOUT_S + " s: killing it");
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("kiln: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
