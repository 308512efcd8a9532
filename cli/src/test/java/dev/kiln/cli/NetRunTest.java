package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `kiln run` with a network, in a new JVM as a user runs it: -p (the VM's own namespace, a
 * relay from 127.0.0.1), --net tap=NAME (a tap this test makes in a namespace of its own),
 * and the errors for bad or impossible requests. The guest is guest/tests/netecho.c (ARP and
 * ping); until images serve TCP, the relayed TCP connection ends at a listener this test
 * starts inside the VM's namespace on the guest's address.
 */
class NetRunTest {
    @BeforeAll
    static void prerequisites() {
        if (!"root".equals(System.getProperty("user.name"))) fail("prerequisite missing: must run as root");
        if (!Files.exists(Path.of("/dev/net/tun"))) fail("prerequisite missing: /dev/net/tun");
        for (String tool : List.of("ip", "ping", "nsenter", "python3")) {
            if (Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin").noneMatch(d -> Files.isExecutable(Path.of(d, tool)))) {
                fail("prerequisite missing: " + tool);
            }
        }
    }

    @Test
    void publishRelaysIntoTheVmsOwnNamespaceAndEverythingGoesAtTheEnd() throws Exception {
        int hostPort = freePort();
        int guestPort = 7000 + ThreadLocalRandom.current().nextInt(1000);
        Background kiln = Background.start(kilnCommand("run", "--stats", "-p", hostPort + ":" + guestPort,
                KilnProcess.guest("tests/netecho.elf").toString(), "--", "600")); // until SIGTERM; 600 s is a hang guard
        Process listener = null;
        String netInode = null;
        try {
            kiln.await("netecho up", 60);
            assertTrue(kiln.stdout().contains("ip=10.0.0.2/24"), kiln.toString());
            Path ns = namespaceOf(kiln.process.pid());
            netInode = Files.readSymbolicLink(ns).toString();
            // The guest answers ping through the rings, inside its namespace. -w: ping waits for every
            // reply however late (-W gives up two round trips after the last request: slow reads as lost).
            String ping = run(90, "nsenter", "--net=" + ns, "ping", "-c", "3", "-w", "60", "10.0.0.2");
            assertTrue(ping.contains("3 received"), ping);
            // The host namespace has no such interface or subnet.
            assertFalse(run(10, "ip", "-o", "addr").contains("10.0.0.1/24 ") && run(10, "ip", "-o", "link").contains(" kiln0:"),
                    "kiln's tap must not be in the host namespace");

            // A TCP listener on the guest's address inside the namespace (the address on lo, so it is local there).
            run(10, "nsenter", "--net=" + ns, "ip", "addr", "add", "10.0.0.2/32", "dev", "lo");
            listener = new ProcessBuilder("nsenter", "--net=" + ns, "python3", "-c", ECHO_SERVER, String.valueOf(guestPort))
                    .redirectErrorStream(true).start();
            awaitLine(listener.getInputStream(), "listening");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort), 60_000);
                s.setSoTimeout(60_000);
                byte[] msg = "through the relay\n".getBytes(StandardCharsets.US_ASCII);
                s.getOutputStream().write(msg);
                s.shutdownOutput();
                byte[] got = s.getInputStream().readAllBytes();
                assertEquals("echo: through the relay\n", new String(got, StandardCharsets.US_ASCII));
            }
        } finally {
            if (listener != null) {
                listener.destroyForcibly();
                listener.waitFor(10, TimeUnit.SECONDS);
            }
            kiln.process.destroy(); // SIGTERM
            kiln.process.waitFor(60, TimeUnit.SECONDS);
        }
        assertEquals(143, kiln.process.exitValue(), kiln.toString());
        assertTrue(kiln.stderr().contains("kiln: stats: exits"), kiln.toString());
        assertTrue(kiln.stderr().contains("net: rx "), kiln.toString());
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort)); // the listener is gone
        }
        assertFalse(anyoneHolds(netInode), "the VM's namespace " + netInode + " outlived kiln");
    }

    @Test
    void netAttachesATapInKilnsNamespace() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String ns = "kiln-nr-" + Long.toHexString(r.nextLong() & 0xffffffffL);
        String tap = "kr" + Long.toHexString(r.nextLong() & 0xffffffffL);
        String subnet = "10." + (64 + r.nextInt(128)) + "." + r.nextInt(256) + ".";
        run(10, "ip", "netns", "add", ns);
        try {
            run(10, "ip", "-n", ns, "tuntap", "add", "dev", tap, "mode", "tap");
            run(10, "ip", "-n", ns, "addr", "add", subnet + "1/24", "dev", tap);
            run(10, "ip", "-n", ns, "link", "set", tap, "up");
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
            cmd.addAll(kilnCommand("run", "--timeout", "180", "--net", "tap=" + tap + ",mac=02:4b:49:00:00:42,mtu=1400",
                    "--ip", subnet + "2/24," + subnet + "1", KilnProcess.guest("tests/netecho.elf").toString(), "--", "150", "3"));
            Background kiln = Background.start(cmd);
            try {
                kiln.await("netecho up", 60);
                assertTrue(kiln.stdout().contains("mac=02:4b:49:00:00:42 ip=" + subnet + "2/24 mtu=1400"), kiln.toString());
                String ping = run(90, "ip", "netns", "exec", ns, "ping", "-c", "3", "-w", "60", subnet + "2");
                assertTrue(ping.contains("3 received"), ping);
                assertTrue(kiln.process.waitFor(60, TimeUnit.SECONDS), "netecho ends after 3 replies");
                assertEquals(0, kiln.process.exitValue(), kiln.toString());
                assertTrue(kiln.stdout().contains("icmp=3"), kiln.toString());
            } finally {
                kiln.process.destroyForcibly();
            }
        } finally {
            run(10, "ip", "netns", "del", ns);
        }
    }

    /**
     * A guest that breaks the ring ABI, in a new JVM: the net device's I/O thread, confined to
     * its seccomp filter, meets the error first (message, stopping the VM, kicking the vCPU
     * thread): kiln ends with 159 and the device's message, not killed by SIGSYS (also 159,
     * without the message).
     */
    @Test
    void aRingAbiViolationEndsKilnWithTheNetDevicesMessage() throws Exception {
        var r = KilnProcess.run("run", "-p", freePort() + ":80", KilnProcess.guest("tests/nethostile.elf").toString(),
                "--", "tx-flags");
        assertEquals(159, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("kiln: stopped on a guest error: net tx descriptor 0: flags 0x1, expected 0x0"),
                r.toString());
    }

    @Test
    void impossibleRequestsAreClearErrors() throws Exception {
        String hello = KilnProcess.guest("tests/hello.elf").toString();
        expectError(KilnProcess.run("run", "-p", "8080", hello), "-p: bad port mapping '8080'");
        expectError(KilnProcess.run("run", "-p", "8080:0", hello), "ports are 1..65535");
        expectError(KilnProcess.run("run", "--net", "tap", hello), "--net takes tap=NAME");
        expectError(KilnProcess.run("run", "--net", "mac=02:00:00:00:00:01", hello), "--net needs tap=NAME");
        expectError(KilnProcess.run("run", "--net", "tap=x,speed=9", hello), "unknown key 'speed'");
        expectError(KilnProcess.run("run", "--net", "tap=x,mtu=60", hello), "MTU 60 is outside 68..2034");
        expectError(KilnProcess.run("run", "--net", "tap=x,mtu=500", hello),
                "--net: MTU 500 is too small for DHCP (RFC 2131 needs 576): give the VM a static address (kiln run --ip)");
        expectError(KilnProcess.run("run", "--ip", "10.0.0.2/24", hello), "--ip needs a network");
        expectError(KilnProcess.run("run", "-p", "8080:80", "--ip", "10.0.0.2", hello), "is not A.B.C.D/PREFIX");
        expectError(KilnProcess.run("run", "-p", "8080:80", "--net", "tap=t0", hello), "do not go together");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            expectError(KilnProcess.run("run", "-p", taken.getLocalPort() + ":80", hello),
                    "127.0.0.1:" + taken.getLocalPort() + " is in use");
        }
    }

    private static void expectError(KilnProcess r, String text) {
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains(text), "expected \"" + text + "\" in " + r);
    }

    private static final String ECHO_SERVER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "s.bind(('10.0.0.2', int(sys.argv[1]))); s.listen(1); print('listening', flush=True)",
            "c, _ = s.accept(); data = b''",
            "while True:",
            "    b = c.recv(4096)",
            "    if not b: break",
            "    data += b",
            "c.sendall(b'echo: ' + data); c.close()");

    private static List<String> kilnCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** The /proc/PID/fd link of kiln's handle on the VM's namespace: the one net namespace descriptor it holds. */
    private static Path namespaceOf(long pid) throws IOException {
        String own = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            List<Path> ns = fds.filter(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("net:[") && !target.equals(own);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
            if (ns.size() != 1) throw new AssertionError("kiln holds " + ns.size() + " network namespace descriptors");
            return ns.get(0);
        }
    }

    /** Does any process still have this namespace as its own or hold a descriptor of it? */
    private static boolean anyoneHolds(String inode) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(x -> x.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    if (Files.readSymbolicLink(p.resolve("ns/net")).toString().equals(inode)) return true;
                    try (Stream<Path> fds = Files.list(p.resolve("fd"))) {
                        for (Path fd : (Iterable<Path>) fds::iterator) {
                            try {
                                if (Files.readSymbolicLink(fd).toString().equals(inode)) return true;
                            } catch (IOException ignored) {
                                // the descriptor closed meanwhile
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended meanwhile
                }
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private static String run(int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " timed out");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new AssertionError(String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + out);
        return out;
    }

    private static void awaitLine(InputStream in, String text) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            sb.append((char) c);
            if (sb.toString().contains(text)) return;
        }
        throw new AssertionError("no \"" + text + "\" in: " + sb);
    }

    /** A kiln process whose output goes to files the test reads while it runs. */
    private record Background(Process process, Path out, Path err) {
        static Background start(List<String> command) throws IOException {
            Path out = Files.createTempFile("kiln-out", ".txt"), err = Files.createTempFile("kiln-err", ".txt");
            out.toFile().deleteOnExit();
            err.toFile().deleteOnExit();
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
            return new Background(pb.start(), out, err);
        }

        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        void await(String text, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!stdout().contains(text)) {
                if (!process.isAlive()) throw new AssertionError("kiln ended: " + this);
                if (System.nanoTime() > deadline) throw new AssertionError("no \"" + text + "\": " + this);
                Thread.sleep(50);
            }
        }

        @Override
        public String toString() {
            try {
                return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
