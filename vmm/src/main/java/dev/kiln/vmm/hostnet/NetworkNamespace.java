package dev.kiln.vmm.hostnet;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace made with iproute2 (`ip netns add`), deleted on close. Code can
 * run inside it on a dedicated thread ({@link #callInside}): setns(2) changes the namespace of
 * the calling thread only, so the JVM's other threads stay where they are. File descriptors
 * opened there (a tap) keep belonging to the namespace after the thread ends.
 */
public final class NetworkNamespace implements AutoCloseable {
    private static final Path NETNS_DIR = Path.of("/var/run/netns");
    private final String name;
    private boolean closed;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** Creates a namespace named prefix + random hex (unique, so parallel runs never collide). */
    public static NetworkNamespace create(String prefix) throws IOException {
        String name = prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        run(10, "ip", "netns", "add", name);
        NetworkNamespace ns = new NetworkNamespace(name);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (IOException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** Runs `ip -n NAME args...`, failing on a non-zero exit. */
    public String ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(10, cmd.toArray(new String[0]));
    }

    /** Starts `ip netns exec NAME cmd...` with stdout and stderr merged. */
    public Process start(String... cmd) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(cmd));
        return new ProcessBuilder(full).redirectErrorStream(true).start();
    }

    /** Runs a command inside the namespace, failing on a non-zero exit or after timeoutSeconds. */
    public String exec(int timeoutSeconds, String... cmd) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(cmd));
        return run(timeoutSeconds, full.toArray(new String[0]));
    }

    /** Calls c on a fresh platform thread that has entered this namespace with setns(2). */
    public <T> T callInside(Callable<T> c) throws IOException {
        FutureTask<T> task = new FutureTask<>(() -> {
            String path = NETNS_DIR.resolve(name).toString();
            int fd = Errno.check(Libc.open(path, Libc.O_RDONLY | Libc.O_CLOEXEC), "open(" + path + ")");
            try {
                Errno.check(Libc.setns(fd, Libc.CLONE_NEWNET), "setns(" + name + ")");
            } finally {
                Libc.close(fd);
            }
            return c.call();
        });
        Thread t = Thread.ofPlatform().name("netns-" + name).daemon().start(task);
        try {
            T result = task.get(30, TimeUnit.SECONDS);
            t.join();
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("inside " + name + ": " + cause, cause);
        } catch (Exception e) {
            throw new IOException("inside " + name + ": " + e, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            run(10, "ip", "netns", "del", name);
        }
    }

    /** Runs a host command with a timeout; returns its output, or throws with the output. */
    static String run(int timeoutSeconds, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }

    /** True if this process may create namespaces and taps: effective uid 0. */
    public static boolean isRoot() {
        return Libc.geteuid() == 0;
    }

    static boolean exists(String name) {
        return Files.exists(NETNS_DIR.resolve(name));
    }
}
