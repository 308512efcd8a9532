package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * User-mode networking through passt: `kiln run -p HOSTPORT:80 examples/http-server` serving
 * curl on the host's 127.0.0.1:HOSTPORT, with no tap and no namespace; asked for by root with
 * `--net passt`, and what `-p` does for a user who is not root (uid 65534, given a /dev/kvm of
 * its own in a mount namespace of its commands), in `kiln run` and in that user's daemon.
 */
class PasstNetworkTest {
    @Test
    void rootAsksForPasstWithNetPasst() throws Exception {
        Tools.require("passt", "curl");
        Path image = ServiceImages.image("examples/http-server");
        int port = Tools.freePort();
        List<String> cmd = ServiceImages.kiln("run", "--net", "passt", "-p", port + ":80", image.toString());
        serveAndCurl(cmd, port);
    }

    @Test
    void aUserWithoutRootPublishesThroughPasst() throws Exception {
        try (AsNobody nobody = new AsNobody()) {
            int port = Tools.freePort();
            String output = serveAndCurl(nobody.kiln("run", "-p", port + ":80", nobody.image.toString()), port);
            assertTrue(output.contains("through passt"), output);
        }
    }

    /** A user's daemon (uid 65534) publishes a VM's port through passt, and its health check goes through that port. */
    @Test
    void aUsersDaemonPublishesThroughPasst() throws Exception {
        try (AsNobody nobody = new AsNobody()) {
            Path socket = nobody.home.resolve("kiln.sock");
            ProcessBuilder pb = new ProcessBuilder(nobody.kiln("daemon", "--host", "unix://" + socket, "--state-dir",
                    nobody.home.resolve("state").toString(), "--shutdown-timeout", "0")).redirectErrorStream(true);
            pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
            NetNs.Bg daemon = new NetNs.Bg(pb.start());
            try {
                daemon.await("ready (pid", 120_000);
                java.util.Map<String, String> env = java.util.Map.of("KILN_HOST", "unix://" + socket);
                int port = Tools.freePort();
                KilnProcess run = KilnProcess.run(env, "run", "-d", "--name", "web", "-p", port + ":80", "--health", "http:80/",
                        "--health-interval", "200ms", nobody.image.toString());
                assertEquals(0, run.exitStatus(), run + "\n--- daemon:\n" + daemon.output());
                ProcessBuilder events = new ProcessBuilder(ServiceImages.kiln("events", "--since", "10m", "--filter", "vm=web"))
                        .redirectErrorStream(true);
                events.environment().putAll(env);
                Process e = events.start();
                try {
                    assertEquals(null, new ProcessOutput(e, "passt-events").await("(health=healthy, name=web)", 120_000),
                            daemon.output());
                } finally {
                    e.destroy();
                }
                Tools.Result page = Tools.run(90, "curl", "-sS", "-m", "60", "http://127.0.0.1:" + port + "/");
                assertTrue(page.output().contains("<h1>Hello from Kiln</h1>"), page.output());
                KilnProcess inspect = KilnProcess.run(env, "inspect", "web");
                assertTrue(inspect.stdout().contains("through passt; 127.0.0.1:" + port + "->80/tcp"), inspect.toString());
                KilnProcess network = KilnProcess.run(env, "run", "-d", "--network", "shop", nobody.image.toString());
                assertEquals(125, network.exitStatus());
                assertTrue(network.stderr().contains("project networks need the daemon's bridge"), network.stderr());
            } finally {
                daemon.stop();
            }
        }
    }

    /**
     * uid 65534 with what its kiln reads where it may read it (the classes, the jars, the image,
     * a home) and a /dev/kvm it may open: a node of the same device, owned by it, bound over
     * /dev/kvm in a mount namespace that only its commands see. The host's /dev/kvm is never
     * changed, so runs of this test in parallel (several checkouts on one machine) cannot undo
     * each other's access or leave a grant behind, as saving and restoring an ACL on it could.
     */
    private static final class AsNobody implements AutoCloseable {
        final Path dir, home, image, kvm;
        final List<String> classpath = new ArrayList<>();

        AsNobody() throws Exception {
            Tools.require("passt", "curl", "setpriv", "unshare", "mount", "mknod", "stat");
            assertTrue(dev.kiln.vmm.hostnet.NetworkNamespace.isRoot(), "prerequisite missing: the test runs as root to become uid 65534");
            Path built = ServiceImages.image("examples/http-server");
            dir = Files.createTempDirectory("kiln-passt-user");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            home = Files.createDirectory(dir.resolve("home"));
            Files.setOwner(home, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path from = Path.of(entry);
                if (!Files.exists(from)) continue;
                Path to = dir.resolve("cp" + i++ + (Files.isDirectory(from) ? "" : ".jar"));
                copyReadable(from, to);
                classpath.add(to.toString());
            }
            image = dir.resolve("http-server.elf");
            Files.copy(built, image);
            Files.setPosixFilePermissions(image, PosixFilePermissions.fromString("rw-r--r--"));
            Tools.Result device = Tools.run(30, "stat", "-c", "0x%t 0x%T", "/dev/kvm"); // major and minor, hex
            assertEquals(0, device.status(), "stat /dev/kvm: " + device.output());
            String[] majorMinor = device.output().strip().split(" ");
            kvm = dir.resolve("kvm");
            Tools.Result node = Tools.run(30, "mknod", "-m", "600", kvm.toString(), "c", majorMinor[0], majorMinor[1]);
            assertEquals(0, node.status(), "mknod of a /dev/kvm for uid 65534 in " + dir + ": " + node.output());
            Files.setOwner(kvm, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        }

        /** kiln ARGS as uid 65534. */
        List<String> kiln(String... args) {
            // every step execs the next, so the process is kiln's JVM (a SIGTERM to it is a SIGTERM to kiln)
            List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
                    "sh", "-c", "mount --bind -- \"$1\" /dev/kvm && shift && exec \"$@\"", "sh", kvm.toString(),
                    "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env",
                    "HOME=" + home, "XDG_STATE_HOME=" + home.resolve("state"), "XDG_RUNTIME_DIR=" + home.resolve("run")));
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", String.join(java.io.File.pathSeparator, classpath), Main.class.getName()));
            cmd.addAll(List.of(args));
            return cmd;
        }

        @Override
        public void close() throws Exception {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** Starts kiln, waits for the server's line, curls it, stops kiln; kiln's output. */
    private static String serveAndCurl(List<String> cmd, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        NetNs.Bg kiln = new NetNs.Bg(pb.start());
        try {
            kiln.await("listening on port 80", 120_000);
            // passt listens on the host port before the guest runs: one try must do.
            Tools.Result page = Tools.run(90, "curl", "-sS", "-m", "60", "http://127.0.0.1:" + port + "/");
            assertEquals(0, page.status(), page.output() + "\n--- kiln:\n" + kiln.output());
            assertTrue(page.output().contains("<h1>Hello from Kiln</h1>"), page.output());
            assertTrue(kiln.output().contains("through passt (user-mode networking); 127.0.0.1:" + port + " -> 10.0.0.2:80"),
                    kiln.output());
        } finally {
            kiln.process.destroy();
            if (!kiln.process.waitFor(60, TimeUnit.SECONDS)) kiln.process.destroyForcibly();
        }
        return kiln.output();
    }

    private static void copyReadable(Path from, Path to) throws Exception {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        try (var all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                    Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(p, t);
                    Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }
}
