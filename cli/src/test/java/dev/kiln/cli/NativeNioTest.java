package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

/**
 * java.nio.channels in a native image, for real: cli/src/test/nio/NioSuite.java is built into an
 * image (what `kiln build` runs) and booted with {@code ip netns exec NS kiln run --net tap=NAME
 * --ip GUEST/24 IMAGE -- MODE} in a namespace this test creates with a tap in it (random names and
 * subnet); Linux there (python3) is the peer: a one-thread Selector echo server serving 40 clients
 * at once, and a non-blocking SocketChannel client connecting to a Linux listener.
 */
class NativeNioTest {
    static final Path KILN_HOME = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();
    static Path image;

    @TempDir
    static Path tmp;

    private NetworkNamespace ns;
    private String tapName;
    private String hostIp;
    private String guestIp;
    private Process kiln;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ByteArrayOutputStream kilnOutput = new ByteArrayOutputStream();
    private final List<Process> peers = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        NativeSocketTest.requirePrerequisites("ip", "python3");
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d",
                classes.toString(), KILN_HOME.resolve("cli/src/test/nio/NioSuite.java").toString())
                .inheritIO().start();
        assertEquals(0, javac.waitFor(), "javac NioSuite");
        image = NativeImageBuilder.fromEnvironment(System.err::println).build(AppInput.resolve(classes, "NioSuite")).image();
    }

    @BeforeEach
    void network() throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int b = 64 + r.nextInt(128);
        int c = r.nextInt(256);
        hostIp = "10." + b + "." + c + ".1";
        guestIp = "10." + b + "." + c + ".2";
        tapName = "knio" + Long.toHexString(r.nextLong() & 0xfffffffL);
        ns = NetworkNamespace.create("kiln-nio-");
        try {
            ns.ip("tuntap", "add", "dev", tapName, "mode", "tap");
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
                kiln.destroy();
                if (!kiln.waitFor(60, TimeUnit.SECONDS)) {
                    kiln.destroyForcibly();
                }
                for (Thread t : readers) {
                    t.join(60_000);
                }
                System.out.print("[kiln run] " + text(kilnOutput));
            }
        } finally {
            ns.close();
        }
    }

    private void boot(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--timeout", "120", "--net", "tap=" + tapName, "--ip", guestIp + "/24", image.toString(), "--"));
        cmd.addAll(List.of(args));
        kiln = new ProcessBuilder(cmd).start();
        readers.add(collect(kiln.getInputStream(), console));
        readers.add(collect(kiln.getErrorStream(), kilnOutput));
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

    private static String text(ByteArrayOutputStream b) {
        synchronized (b) {
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    private void awaitConsole(String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!text(console).contains(text)) {
            if (!kiln.isAlive() || System.nanoTime() > end) {
                fail("the image did not print '" + text + "': " + text(console) + text(kilnOutput));
            }
            Thread.sleep(10);
        }
    }

    private int exitStatus(int seconds) throws InterruptedException {
        if (!kiln.waitFor(seconds, TimeUnit.SECONDS)) {
            fail("kiln run did not end in " + seconds + " s: " + text(console) + text(kilnOutput));
        }
        for (Thread t : readers) {
            t.join(60_000);
        }
        return kiln.exitValue();
    }

    private Process start(String... cmd) throws IOException {
        Process p = ns.start(cmd);
        peers.add(p);
        return p;
    }

    private static String finish(Process p, int seconds) throws Exception {
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
            String text = new String(f.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            return text;
        }
    }

    @Test
    void selectorEchoServerServesFortyClientsAtOnce() throws Exception {
        boot("echo", "7");
        awaitConsole("nio ready on 7");
        String out = finish(start("python3", "-c", """
                import socket, sys, os, threading
                ok = []
                def one(i):
                    data = os.urandom(20000 + 97 * i)
                    s = socket.create_connection((sys.argv[1], 7), timeout=60)
                    sender = threading.Thread(target=lambda: (s.sendall(data), s.shutdown(socket.SHUT_WR)))
                    sender.start()
                    got = b''
                    while True:
                        d = s.recv(65536)
                        if not d: break
                        got += d
                    sender.join(); s.close()
                    if got == data: ok.append(i)
                ts = [threading.Thread(target=one, args=(i,)) for i in range(40)]
                for t in ts: t.start()
                for t in ts: t.join()
                print('ok', len(ok))
                s = socket.create_connection((sys.argv[1], 7), timeout=60); s.sendall(b'stop\\n'); s.close()
                """, guestIp), 180);
        assertEquals("ok 40", out.strip());
        assertEquals(0, exitStatus(60), "the server returns from main after 'stop'");
        assertTrue(text(console).contains("stopping after 41 connections, 40 closed"), text(console));
    }

    @Test
    void nonBlockingClientConnectsToALinuxPeer() throws Exception {
        Process server = start("python3", "-c", """
                import socket
                l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                l.bind(('0.0.0.0', 9300)); l.listen(1); print('ready', flush=True)
                c, _ = l.accept(); d = b''
                while not d.endswith(b'\\n'):
                    d += c.recv(100)
                c.sendall(b'linux got: ' + d); c.close()
                """);
        InputStream sin = server.getInputStream();
        StringBuilder line = new StringBuilder();
        int ch;
        while ((ch = sin.read()) >= 0 && ch != '\n') {
            line.append((char) ch);
        }
        assertEquals("ready", line.toString());
        boot("client", hostIp, "9300");
        assertEquals(0, exitStatus(120), text(console) + text(kilnOutput));
        assertEquals("""
                connect returned false, pending true
                select 1 connectable true
                finishConnect true connected true
                answer: linux got: hello from a non-blocking channel
                read calls with data >= 1: true
                key valid after close: false
                """, text(console));
    }
}
