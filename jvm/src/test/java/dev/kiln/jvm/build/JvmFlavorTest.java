package dev.kiln.jvm.build;

import dev.kiln.jvm.qemu.QemuRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End-to-end tests of the jvm flavor: each builds a real image (cached kernel, cached jlink
 * runtime) from a jar compiled here and boots it in real QEMU (TCG on machines whose KVM does not
 * run guest kernel code fast). Missing prerequisites fail the tests, naming what is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JvmFlavorTest {
    // Hang guards, not deadlines: a microVM under TCG boots in seconds alone, far slower on a loaded machine.
    static final Duration VM_TIMEOUT = Duration.ofSeconds(300);

    @TempDir
    Path dir;

    JvmImageBuilder builder;

    @BeforeAll
    void prerequisites() throws IOException {
        List<String> missing = new java.util.ArrayList<>();
        try {
            QemuRunner.findQemu();
        } catch (IOException e) {
            missing.add("qemu-system-x86_64 (apt-get install qemu-system-x86)");
        }
        if (!Files.isRegularFile(KernelBuilder.SOURCE_TARBALL)) {
            missing.add(KernelBuilder.SOURCE_TARBALL + " (apt-get install linux-source-6.1)");
        }
        if (!KernelBuilder.onPath("curl")) {
            missing.add("curl (apt-get install curl)");
        }
        if (!missing.isEmpty()) {
            fail("the jvm-flavor tests need: " + String.join(", ", missing) + " (./run-tests installs them)");
        }
        builder = JvmImageBuilder.withDefaultCache(System.err);
        new KernelBuilder(KilnCache.root(), System.err).ensure(); // once; builds only on a fresh machine
    }

    record Run(QemuRunner.Result result, String console) {}

    Run boot(Path image, List<QemuRunner.PortMapping> publish) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        QemuRunner.Result r = QemuRunner.run(image, new QemuRunner.Options(publish, VM_TIMEOUT,
                QemuRunner.Accel.AUTO, false, ps, System.err, null));
        String console = out.toString(StandardCharsets.UTF_8);
        System.err.printf("[test] %s: status %d, first line after %d ms, VM gone after %d ms (%s)%n  console: %s%n",
                image.getFileName(), r.status(), r.firstLineNanos() / 1_000_000, r.totalNanos() / 1_000_000, r.accel(),
                console.strip().replace("\n", "\n  console: "));
        return new Run(r, console);
    }

    Path jar(String name, String main, String source) throws IOException {
        return JarMaker.make(dir.resolve(name + ".jar"), main, Map.of(main.replace('.', '/') + ".java", source));
    }

    Path image(Path jar, List<String> args) throws IOException {
        return builder.build(new JvmImageBuilder.Request(jar, null, null, 256, args, Map.of("GREETING_SUFFIX", "!"),
                Set.of(), List.of(), dir.resolve(jar.getFileName().toString().replace(".jar", ".kiln")))).image();
    }

    @Test
    void helloPrintsFromInsideTheMicroVmWithTheHostsClockAndNoShell() throws IOException {
        Path jar = jar("hello", "Hello", """
                public class Hello {
                    public static void main(String[] args) throws Exception {
                        System.out.println("hello from " + java.net.InetAddress.getLocalHost().getHostName()
                            + System.getenv("GREETING_SUFFIX"));
                        System.out.println("clock " + System.currentTimeMillis());
                        System.out.println("pid " + ProcessHandle.current().pid());
                    }
                }
                """);
        Path img = image(jar, List.of());
        // The image holds no shell, no coreutils, no busybox: the only programs are the JDK's.
        List<Cpio.Entry> entries;
        try (InputStream in = JvmImage.read(img).openInitramfsCpio()) {
            entries = Cpio.read(in);
        }
        assertFalse(entries.stream().anyMatch(e -> e.name().equals("bin/sh") || e.name().endsWith("/sh")
                || e.name().contains("busybox") || e.name().startsWith("bin") || e.name().startsWith("usr")),
                "the initramfs must not contain a shell or /bin");
        List<String> executables = entries.stream().filter(e -> e.isRegular() && (e.mode() & 0111) != 0
                && !e.name().endsWith(".so") && !e.name().contains(".so.")).map(Cpio.Entry::name).toList();
        assertTrue(Set.of("jvm/bin/java", "jvm/lib/jspawnhelper", "jvm/lib/jexec").containsAll(executables),
                "unexpected executables: " + executables);
        assertTrue(entries.stream().anyMatch(e -> e.name().equals("lib/x86_64-linux-gnu/libc.so.6")));
        assertTrue(entries.stream().anyMatch(e -> e.name().equals("lib64/ld-linux-x86-64.so.2")));

        long before = System.currentTimeMillis();
        Run r = boot(img, List.of());
        long after = System.currentTimeMillis();
        assertEquals(0, r.result().status(), r.console());
        assertTrue(r.result().reported());
        List<String> lines = r.console().lines().toList();
        assertEquals("hello from hello!", lines.get(0), r.console());
        long guestClock = Long.parseLong(lines.get(1).substring("clock ".length()));
        assertTrue(guestClock >= before - 2000 && guestClock <= after + 2000,
                "guest clock " + guestClock + " not within the host's [" + before + ", " + after + "]");
        assertEquals("pid 1", lines.get(2), "the JVM is PID 1");
    }

    @Test
    void exitStatusOfSystemExitBecomesKilnRunsAfterShutdownHooks() throws IOException {
        Path jar = jar("exiter", "Exiter", """
                public class Exiter {
                    public static void main(String[] args) {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook ran")));
                        System.out.println("exiting with " + args[0]);
                        System.exit(Integer.parseInt(args[0]));
                    }
                }
                """);
        Run r = boot(image(jar, List.of("42")), List.of());
        assertEquals(42, r.result().status(), r.console());
        assertTrue(r.console().contains("exiting with 42"), r.console());
        assertTrue(r.console().contains("hook ran"), "shutdown hooks run before the report: " + r.console());
    }

    @Test
    void uncaughtExceptionInMainIsStatusOne() throws IOException {
        Path jar = jar("thrower", "Thrower", """
                public class Thrower {
                    public static void main(String[] args) {
                        throw new IllegalStateException("boom");
                    }
                }
                """);
        Run r = boot(image(jar, List.of()), List.of());
        assertEquals(1, r.result().status(), r.console());
        assertTrue(r.console().contains("IllegalStateException: boom"), r.console());
    }

    @Test
    void jdepsFindsJavaSqlAndJavaLogging() throws IOException {
        Path jar = jar("sqlapp", "SqlApp", """
                import java.sql.*;
                import java.util.logging.*;
                public class SqlApp {
                    public static void main(String[] args) throws Exception {
                        Logger log = Logger.getLogger("sqlapp");
                        log.setUseParentHandlers(false);
                        Handler h = new StreamHandler(System.out, new SimpleFormatter() {
                            @Override public String format(LogRecord r) { return r.getLevel() + " " + r.getMessage() + "\\n"; }
                        });
                        log.addHandler(h);
                        log.info("drivers: " + java.util.Collections.list(DriverManager.getDrivers()).size());
                        try {
                            DriverManager.getConnection("jdbc:none:x");
                        } catch (SQLException e) {
                            log.info("sql state " + e.getSQLState());
                        }
                        Timestamp t = new Timestamp(0);
                        log.info("timestamp " + t.getTime());
                        h.flush();
                    }
                }
                """);
        JvmImageBuilder.Result built = builder.build(new JvmImageBuilder.Request(jar, null, null, 256, List.of(), Map.of(),
                Set.of(), List.of(), dir.resolve("sqlapp.kiln")));
        assertTrue(built.modules().containsAll(Set.of("java.base", "java.sql", "java.logging")), built.modules().toString());
        List<String> manifestModules = JvmImage.read(built.image()).manifest().modules();
        assertTrue(manifestModules.containsAll(List.of("java.sql", "java.logging")), manifestModules.toString());
        Run r = boot(built.image(), List.of());
        assertEquals(0, r.result().status(), r.console());
        assertTrue(r.console().contains("INFO drivers: 0"), r.console());
        assertTrue(r.console().contains("INFO sql state 08001"), r.console());
        assertTrue(r.console().contains("INFO timestamp 0"), r.console());
    }

    @Test
    void httpServerAnswersCurlThroughPublishedPort() throws Exception {
        Path jar = jar("web", "Web", """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                public class Web {
                    public static void main(String[] args) throws Exception {
                        HttpServer s = HttpServer.create(new InetSocketAddress(8080), 0);
                        s.createContext("/", x -> {
                            byte[] b = ("hello over http from " + java.net.InetAddress.getLocalHost().getHostName() + "\\n").getBytes();
                            x.sendResponseHeaders(200, b.length);
                            x.getResponseBody().write(b);
                            x.close();
                        });
                        s.createContext("/stop", x -> {
                            x.sendResponseHeaders(200, -1);
                            x.close();
                            new Thread(() -> System.exit(7)).start();
                        });
                        s.start();
                        System.out.println("listening on 8080");
                    }
                }
                """);
        Path img = builder.build(new JvmImageBuilder.Request(jar, null, "web", 256, List.of(), Map.of(), Set.of(),
                List.of(), dir.resolve("web.kiln"))).image();
        assertTrue(JvmImage.read(img).manifest().modules().contains("jdk.httpserver"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int hostPort = port;
        CompletableFuture<Run> vm = CompletableFuture.supplyAsync(() -> {
            try {
                return boot(img, List.of(new QemuRunner.PortMapping(hostPort, 8080)));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        String body = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && !vm.isDone()) {
            String[] res = curl("http://127.0.0.1:" + port + "/");
            if (res[0].equals("0") && res[1].startsWith("hello over http")) {
                body = res[1];
                break;
            }
            Thread.sleep(500);
        }
        try {
            assertEquals("hello over http from web\n", body, "curl never got the answer");
            curl("http://127.0.0.1:" + port + "/stop");
            Run r = vm.get(300, TimeUnit.SECONDS);
            assertEquals(7, r.result().status(), r.console());
            assertTrue(r.console().contains("listening on 8080"), r.console());
        } finally {
            vm.cancel(true);
        }
    }

    @Test
    void sigtermFromTheHostReachesTheAppsShutdownHooks() throws Exception {
        Path jar = jar("sleeper", "Sleeper", """
                public class Sleeper {
                    public static void main(String[] args) throws Exception {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("terminated")));
                        System.out.println("ready");
                        Thread.sleep(600_000);
                    }
                }
                """);
        Path img = image(jar, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<QemuRunner.Running> running = new CompletableFuture<>();
        CompletableFuture<QemuRunner.Result> vm = CompletableFuture.supplyAsync(() -> {
            try {
                return QemuRunner.run(img, new QemuRunner.Options(List.of(), VM_TIMEOUT, QemuRunner.Accel.AUTO, false,
                        ps, System.err, null, running::complete));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        QemuRunner.Running r = running.get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!out.toString(StandardCharsets.UTF_8).contains("ready") && System.nanoTime() < deadline && !vm.isDone()) {
            Thread.sleep(200);
        }
        try {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("ready"), out.toString(StandardCharsets.UTF_8));
            r.signal(15);
            QemuRunner.Result res = vm.get(300, TimeUnit.SECONDS);
            String console = out.toString(StandardCharsets.UTF_8);
            System.err.println("[test] sleeper: status " + res.status() + ", console: " + console.strip());
            assertEquals(128 + 15, res.status(), console);
            assertTrue(console.contains("terminated"), console);
        } finally {
            r.kill();
        }
    }

    static String[] curl(String url) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("curl", "-s", "--max-time", "5", url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return new String[] {String.valueOf(p.exitValue()), out};
    }
}
