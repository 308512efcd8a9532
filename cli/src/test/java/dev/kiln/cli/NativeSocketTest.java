package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * java.net in a native image, for real: cli/src/test/sockets/SocketSuite.java is built into an
 * image with the native builder (what `kiln build` runs) and run with
 * {@code ip netns exec NS kiln run --net tap=NAME --ip GUEST/24 IMAGE -- MODE} in a namespace
 * this test creates with a tap in it (random names and subnet, deleted afterwards); Linux in
 * that namespace (python3, curl) is the peer. The semantics program also runs on
 * HotSpot in the same namespace, against the same peers: the image must print what HotSpot prints.
 */
class NativeSocketTest {
    static final Path KILN_HOME = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();
    static Path classes;
    static Path image;

    @TempDir
    static Path tmp;

    private NetworkNamespace ns;
    private String tapName;
    private String hostIp;
    private String guestIp;
    private Process kiln;
    /** The guest's console (kiln run's stdout). */
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    /** kiln's own messages and --stats (its stderr). */
    private final ByteArrayOutputStream kilnOutput = new ByteArrayOutputStream();
    private final List<Process> peers = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        requirePrerequisites("ip", "python3", "curl");
        classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d",
                classes.toString(), KILN_HOME.resolve("cli/src/test/sockets/SocketSuite.java").toString())
                .inheritIO().start();
        assertEquals(0, javac.waitFor(), "javac SocketSuite");
        // ~/.cache/kiln/native, as `kiln build`: keyed by content, so later runs and fresh clones reuse the image.
        NativeImageBuilder builder = NativeImageBuilder.fromEnvironment(System.err::println);
        image = builder.build(AppInput.resolve(classes, "SocketSuite")).image();
    }

    static void requirePrerequisites(String... tools) {
        if (!NetworkNamespace.isRoot()) {
            fail("prerequisite missing: these tests must run as root (network namespaces, tap devices)");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            fail("prerequisite missing: /dev/net/tun (the tun/tap driver)");
        }
        for (String tool : tools) {
            boolean found = false;
            for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
                found |= Files.isExecutable(Path.of(dir, tool));
            }
            if (!found) {
                fail("prerequisite missing: the command `" + tool + "` is not installed");
            }
        }
    }

    @BeforeEach
    void network() throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int b = 64 + r.nextInt(128);
        int c = r.nextInt(256);
        hostIp = "10." + b + "." + c + ".1";
        guestIp = "10." + b + "." + c + ".2";
        tapName = "kso" + Long.toHexString(r.nextLong() & 0xffffffffL);
        ns = NetworkNamespace.create("kiln-so-");
        try {
            ns.ip("tuntap", "add", "dev", tapName, "mode", "tap"); // persistent: kiln run attaches it by name
            ns.ip("addr", "add", hostIp + "/24", "dev", tapName);
            ns.ip("link", "set", tapName, "up");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : peers) {
            p.destroyForcibly();
        }
        try {
            if (kiln != null) {
                kiln.destroy(); // SIGTERM: kiln stops the VM and prints its statistics (--stats)
                if (!kiln.waitFor(60, TimeUnit.SECONDS)) {
                    kiln.destroyForcibly();
                }
                awaitReaders();
                System.out.print("[kiln run] " + kilnOutput());
            }
        } finally {
            ns.close(); // the tap goes with its namespace
        }
    }

    /** kiln run --net tap=NAME --ip GUEST/24 IMAGE -- ARGS inside the namespace; its output is the console. */
    private void boot(String... args) throws IOException {
        bootWith("", args);
    }

    /** As boot, with more --net options (",mtu=500"). */
    private void bootWith(String netOptions, String... args) throws IOException {
        bootWith(netOptions, List.of(), args);
    }

    /** As boot, with more --net options and more kiln run options. */
    private void bootWith(String netOptions, List<String> runOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--timeout", "120", "--stats", "--net", "tap=" + tapName + netOptions, "--ip", guestIp + "/24"));
        cmd.addAll(runOptions);
        cmd.addAll(List.of(image.toString(), "--"));
        cmd.addAll(List.of(args));
        kiln = new ProcessBuilder(cmd).start();
        readers.clear();
        readers.add(collect(kiln.getInputStream(), console));
        readers.add(collect(kiln.getErrorStream(), kilnOutput));
    }

    /** After kiln ended: its output readers reach the end of their streams. */
    private void awaitReaders() throws InterruptedException {
        for (Thread t : readers) {
            t.join(60_000);
        }
    }

    private static Thread collect(InputStream in, ByteArrayOutputStream to) {
        return Thread.ofPlatform().daemon().start(() -> {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // kiln ended
            }
        });
    }

    private String kilnOutput() {
        synchronized (kilnOutput) {
            return kilnOutput.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits for kiln run to end by itself; its exit status. */
    private int exitStatus(int seconds) throws InterruptedException {
        if (!kiln.waitFor(seconds, TimeUnit.SECONDS)) {
            fail("kiln run did not end in " + seconds + " s: " + console() + kilnOutput());
        }
        awaitReaders(); // the last output is in
        return kiln.exitValue();
    }

    private String console() {
        synchronized (console) {
            return console.toString(StandardCharsets.UTF_8);
        }
    }

    private void awaitConsole(String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!console().contains(text)) {
            if (!kiln.isAlive() || System.nanoTime() > end) {
                fail("the image did not print '" + text + "': " + console() + kilnOutput());
            }
            Thread.sleep(10);
        }
    }

    private Process start(String... cmd) throws IOException {
        Process p = ns.start(cmd);
        peers.add(p);
        return p;
    }

    private static String finish(Process p, int seconds) throws Exception {
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            CompletableFuture<byte[]> f = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("peer did not finish in " + seconds + " s: " + new String(f.get(), StandardCharsets.UTF_8));
            }
            out = f.get(60, TimeUnit.SECONDS);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    private void awaitLine(Process p, String line) throws IOException {
        StringBuilder sb = new StringBuilder();
        InputStream in = p.getInputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                if (sb.toString().equals(line)) {
                    return;
                }
                sb.setLength(0);
            } else {
                sb.append((char) c);
            }
        }
        fail("peer ended before printing '" + line + "'");
    }

    @Test
    void serversAnswerHundredConcurrentClientsCurlAndUdp() throws Exception {
        boot("servers");
        awaitConsole("servers ready");
        long t0 = System.nanoTime();
        String echo = finish(start("python3", "-c", """
                import socket, sys, os, threading
                ok = []
                def one(i):
                    data = os.urandom(20000 + i)
                    s = socket.create_connection((sys.argv[1], 7), timeout=30)
                    s.sendall(data)
                    s.shutdown(socket.SHUT_WR)
                    got = b''
                    while True:
                        d = s.recv(65536)
                        if not d: break
                        got += d
                    s.close()
                    if got == data: ok.append(i)
                ts = [threading.Thread(target=one, args=(i,)) for i in range(100)]
                for t in ts: t.start()
                for t in ts: t.join()
                print('ok', len(ok))
                """, guestIp), 90);
        System.out.printf("[sockets] 100 concurrent echo connections (2 MB) in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals("ok 100", echo.strip());

        String curl = finish(start("curl", "-sS", "-m", "60", "http://" + guestIp + "/one", "http://" + guestIp + "/two"), 90);
        assertEquals("hello from a Kiln image: GET /one HTTP/1.1\nhello from a Kiln image: GET /two HTTP/1.1\n", curl);

        String udp = finish(start("python3", "-c", """
                import socket, sys
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(60)
                ok = 0
                for i in range(50):
                    m = ('datagram %d ' % i).encode() * (i + 1)
                    s.sendto(m, (sys.argv[1], 9))
                    d, a = s.recvfrom(4096)
                    ok += d == m and a == (sys.argv[1], 9)
                print('ok', ok)
                """, guestIp), 90);
        assertEquals("ok 50", udp.strip());
        assertFalse(console().contains("connection:") || console().contains("accept:"), console());
    }

    /**
     * A request whose handler recurses without bound gets its StackOverflowError (a 500 here),
     * twice, and the server goes on answering the next requests on the same connection.
     */
    @Test
    void aRequestThatRecursesTooDeeplyGetsItsErrorAndTheServerGoesOn() throws Exception {
        boot("servers");
        awaitConsole("servers ready");
        String base = "http://" + guestIp + "/recurse/";
        String curl = finish(start("curl", "-sS", "-m", "60", "-w", "%{http_code}\n", base + "100",
                base + "100000000", base + "100000000", base + "2000"), 90);
        assertEquals("depth 100\n200\njava.lang.StackOverflowError\n500\njava.lang.StackOverflowError\n500\n"
                + "depth 2000\n200\n", curl);
        String again = finish(start("curl", "-sS", "-m", "60", "http://" + guestIp + "/after"), 90);
        assertEquals("hello from a Kiln image: GET /after HTTP/1.1\n", again);
        assertTrue(kiln.isAlive(), "the server ended: " + console() + kilnOutput());
    }

    /**
     * The image's MTU is the device's (struct kiln_net_info): 68 (RFC 791's minimum: TCP with an
     * MSS of 28), 500, 1500 and 2034 (the largest a 2048-byte buffer holds), each with Linux's tap
     * at 1500 and at the same MTU. The image serves 200 KB; Linux reads it to the end, intact.
     */
    @ParameterizedTest(name = "VM MTU {0}, Linux tap MTU {1}")
    @CsvSource({"68, 1500", "68, 68", "500, 1500", "500, 500", "1500, 1500", "2034, 1500", "2034, 2034"})
    void twoHundredKilobytesThroughEveryMtu(int vmMtu, int linuxMtu) throws Exception {
        ns.ip("link", "set", tapName, "mtu", Integer.toString(linuxMtu));
        int n = 200_000;
        bootWith(",mtu=" + vmMtu, "blob", "9", Integer.toString(n));
        awaitConsole("blob ready");
        Process peer = start("python3", "-c", """
                import hashlib, socket, sys
                s = socket.create_connection((sys.argv[1], 9), timeout=60)
                h, n = hashlib.sha256(), 0
                while True:
                    d = s.recv(65536)
                    if not d: break
                    h.update(d); n += len(d)
                print(n, h.hexdigest())
                """, guestIp);
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 7 + i / 251);
        }
        String expected = n + " " + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        assertEquals(expected, finish(peer, 120).strip(), console() + kilnOutput());
        assertTrue(kiln.isAlive(), "the image still serves: " + console() + kilnOutput());
    }

    @Test
    void clientSendsAMegabyteAndReadsUntilEof() throws Exception {
        Process server = start("python3", "-c", """
                import socket
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9000)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); h = 0xcbf29ce484222325; n = 0
                while True:
                    d = c.recv(65536)
                    if not d: break
                    n += len(d)
                    for v in d:
                        h = ((h ^ v) * 0x100000001b3) & 0xffffffffffffffff
                c.sendall(('%d:%x' % (n, h)).encode()); c.close()
                """);
        awaitLine(server, "ready");
        boot("client", hostIp);
        int status = exitStatus(60);
        String out = console().strip();
        assertTrue(out.matches("sent 1048576 fnv ([0-9a-f]+) peer 1048576:\\1 eof -1"), console() + kilnOutput());
        assertEquals(0, status, console() + kilnOutput());
    }

    /**
     * InetAddress.getByName of names in an image: libos's stub resolver asks dnsmasq (a hosts file
     * of its own, authoritative for kiln.test) on the tap's host address, given to the VM with
     * kiln run --dns; an unknown name fails with HotSpot's (glibc's) wording.
     */
    @Test
    void namesResolveThroughTheDnsServerKilnRunAnnounces() throws Exception {
        requirePrerequisites("dnsmasq");
        Path hosts = tmp.resolve("hosts-" + tapName);
        Files.writeString(hosts, "10.1.2.3 web.kiln.test\n10.1.2.4 multi.kiln.test\n10.1.2.5 multi.kiln.test\n");
        Process dnsmasq = start("dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts", "--addn-hosts=" + hosts,
                "--local=/kiln.test/", "--listen-address=" + hostIp, "--bind-interfaces", "--port=53",
                "--pid-file=" + tmp.resolve("dnsmasq-" + tapName + ".pid"), "--user=root", "--log-facility=-");
        // It logs "dnsmasq[PID]: started, version ..." once it listens (and little after: no query log).
        java.io.BufferedReader log = new java.io.BufferedReader(new java.io.InputStreamReader(dnsmasq.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = log.readLine(); line == null || !line.contains(": started, version"); line = log.readLine()) {
            if (line == null) {
                fail("dnsmasq ended before it started listening (status " + dnsmasq.waitFor() + ")");
            }
        }
        bootWith("", List.of("--dns", hostIp), "resolve", "web.kiln.test", "multi.kiln.test", "WEB.kiln.test",
                "nosuch.kiln.test");
        assertEquals(0, exitStatus(120), console() + kilnOutput());
        assertEquals("""
                web.kiln.test -> 10.1.2.3 (web.kiln.test)
                multi.kiln.test -> 10.1.2.4,10.1.2.5 (multi.kiln.test)
                WEB.kiln.test -> 10.1.2.3 (WEB.kiln.test)
                nosuch.kiln.test: UnknownHostException: nosuch.kiln.test: Name or service not known
                """, console(), kilnOutput());
        assertTrue(dnsmasq.isAlive(), "dnsmasq ended early");
    }

    @Test
    void lastWriteBeforeTheProgramEndsReachesThePeer() throws Exception {
        Process server = start("python3", "-c", """
                import socket, time
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                l.bind(('0.0.0.0', 9000)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); n = 0
                c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                time.sleep(0.5)  # the image has ended by now: its stack still holds what it wrote
                while True:
                    d = c.recv(65536)
                    if not d: break
                    n += len(d)
                print('received', n)
                """);
        awaitLine(server, "ready");
        boot("oneshot", hostIp);
        assertEquals(0, exitStatus(30), console() + kilnOutput());
        assertEquals("oneshot closed\n", console());
        assertEquals("received 300000", finish(server, 60).strip());
    }

    @Test
    void semanticsMatchHotSpot() throws Exception {
        String peerProgram = """
                import socket, struct, threading, time
                def listen(port):
                    l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    l.bind(('0.0.0.0', port)); l.listen(1); return l
                late, reset, quiet = listen(9001), listen(9002), listen(9003)
                def serve_late():
                    c, _ = late.accept(); c.recv(1); c.sendall(b'late\\n'); c.close()
                def serve_reset():
                    c, _ = reset.accept(); c.recv(1)
                    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)); c.close()
                def serve_quiet():
                    c, _ = quiet.accept(); c.recv(10); c.close()
                ts = [threading.Thread(target=f) for f in (serve_late, serve_reset, serve_quiet)]
                for t in ts: t.start()
                print('ready', flush=True)
                for t in ts: t.join()
                """;
        // HotSpot, on Linux's stack in the same namespace
        Process peer = start("python3", "-c", peerProgram);
        awaitLine(peer, "ready");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String hotspot = finish(start(java, "-cp", classes.toString(), "SocketSuite", "semantics", hostIp), 120);
        finish(peer, 60);
        assertTrue(hotspot.contains("semantics done"), hotspot);
        // the image
        peer = start("python3", "-c", peerProgram);
        awaitLine(peer, "ready");
        boot("semantics", hostIp);
        int status = exitStatus(60);
        System.out.println("[hotspot]\n" + hotspot + "[image]\n" + console());
        assertEquals(hotspot, console(), "the image prints what HotSpot prints");
        assertEquals(0, status, console() + kilnOutput());
        finish(peer, 60);
    }
}
