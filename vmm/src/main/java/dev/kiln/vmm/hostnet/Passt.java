package dev.kiln.vmm.hostnet;

import dev.kiln.image.StaticIp;
import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.vmm.device.net.PasstBackend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One VM's user-mode network through passt (Debian's `passt`: user-mode networking made for
 * VMs, as podman uses it): no root, no tap, no namespace. passt runs as a child process with
 * a unix socket in a private directory, forwards each published port from the host's
 * 127.0.0.1 to the guest ({@code -t 127.0.0.1/HOSTPORT:GUESTPORT}) and connections the guest
 * makes to the host's network; the guest's address, prefix and gateway are given to passt
 * (it answers ARP for them; no DHCP, the boot info carries them). Started with --one-off:
 * passt ends when our socket closes, also when this process dies however it dies.
 */
public final class Passt implements AutoCloseable {
    private static final String BOUND = "UNIX domain socket bound at ";
    private final Process process;
    private final Path dir;
    private final PasstBackend backend;
    private boolean closed;

    private Passt(Process process, Path dir, PasstBackend backend) {
        this.process = process;
        this.dir = dir;
        this.backend = backend;
    }

    /**
     * Starts passt for a guest at {@code guest} (its gateway: the guest's view of the host),
     * publishing the mappings, and connects to it. Fails with passt's own words if it cannot
     * start (a port in use, passt missing).
     */
    public static Passt start(List<PortRelay.Mapping> mappings, StaticIp guest, int mtu, Consumer<String> log) throws IOException {
        if (guest.gateway() == 0) throw new IllegalArgumentException("passt needs the guest's gateway");
        Path dir = Files.createTempDirectory("kiln-passt", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("passt.sock");
        if (NetworkNamespace.isRoot()) {
            // Started by root, passt runs as nobody (it refuses to stay root) and binds the socket after that: the
            // private directory must be nobody's. Root connects whatever the directory's owner.
            Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        }
        List<String> cmd = new ArrayList<>(List.of("passt", "--foreground", "--stderr", "--one-off", "--socket", socket.toString(),
                "-4", "--address", StaticIp.text(guest.address()), "--netmask", String.valueOf(guest.prefixLen()),
                "--gateway", StaticIp.text(guest.gateway()), "--mtu", String.valueOf(mtu), "--no-dhcp", "--no-ndp",
                "--no-dhcpv6", "--no-ra", "--udp-ports", "none"));
        if (mappings.isEmpty()) cmd.addAll(List.of("--tcp-ports", "none"));
        for (PortRelay.Mapping m : mappings) cmd.addAll(List.of("--tcp-ports", "127.0.0.1/" + m.hostPort() + ":" + m.guestPort()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            deleteQuietly(dir, socket);
            throw new IOException("cannot start passt (Debian package passt): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        StringBuilder said = new StringBuilder();
        CompletableFuture<Boolean> bound = new CompletableFuture<>();
        Thread.ofPlatform().name("kiln-passt-log").daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("Failed to send") || line.isBlank()) continue; // no syslog here: passt says so per line
                    if (!bound.isDone()) {
                        said.append(line).append('\n');
                        if (line.startsWith(BOUND)) bound.complete(true);
                    } else {
                        log.accept("passt: " + line);
                    }
                }
            } catch (IOException ignored) {
                // passt ended
            }
            bound.complete(false);
        });
        try {
            boolean ok;
            try {
                ok = bound.get(60, TimeUnit.SECONDS); // a hang guard: passt binds at once
            } catch (Exception e) {
                ok = false;
            }
            if (!ok) {
                p.destroyForcibly();
                throw new IOException("passt did not start: " + said.toString().strip().replace('\n', ';'));
            }
            int fd = Errno.check(Libc.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0),
                    "socket(AF_UNIX)");
            int r = Libc.connectUnix(fd, socket.toString());
            if (r < 0) {
                Libc.close(fd);
                throw new IOException("connecting to passt's socket " + socket + ": " + Errno.describe(-r));
            }
            return new Passt(p, dir, new PasstBackend(fd, "passt " + socket));
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            deleteQuietly(dir, socket);
            throw e;
        }
    }

    /** The net device's backend on passt's socket. */
    public PasstBackend backend() {
        return backend;
    }

    private static void deleteQuietly(Path dir, Path socket) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory: /tmp's cleaning takes what is left
        }
    }

    /** Closes the socket (passt then ends: --one-off), waits for passt, removes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        backend.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dir, dir.resolve("passt.sock"));
    }
}
