package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jvm-flavor images under a real daemon process: QEMU children it supervises. The images are
 * built once for the class (the README's hello-jvm example, and a server that waits to be
 * stopped); they boot under TCG on this machine, so every wait is for an event, with a generous
 * guard against hangs only.
 */
class JvmDaemonTest {
    @TempDir static Path dir;
    static Path hello, server;
    static DaemonProcess d;

    /** Answers HTTP on 8080 until SIGTERM, whose shutdown hook says so (the JVM then exits 143). */
    private static final String SERVER = """
            import java.net.ServerSocket;
            public class Server {
                public static void main(String[] args) throws Exception {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("server: stopping")));
                    try (ServerSocket s = new ServerSocket(8080)) {
                        System.out.println("server: serving");
                        while (true) {
                            try (var c = s.accept()) {
                                c.getInputStream().read(new byte[1024]);
                                c.getOutputStream().write("HTTP/1.0 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n".getBytes());
                            }
                        }
                    }
                }
            }
            """;

    @BeforeAll
    static void buildImagesAndStartADaemon() throws Exception {
        hello = build(Path.of(System.getProperty("kiln.home"), "examples/hello-jvm/Hello.java"), "Hello");
        server = build(Files.writeString(dir.resolve("Server.java"), SERVER), "Server");
        d = new DaemonProcess().start();
    }

    @AfterAll
    static void stopTheDaemon() throws Exception {
        if (d != null) d.close();
    }

    @Test
    void theHelloExampleRunsDetachedAndItsExitIsRecorded() throws Exception {
        ok("run", "-d", "--name", "hello", hello.toString());
        d.awaitOutput("Hello from a Kiln jvm microVM, Java 25!", "logs", "-f", "hello");
        assertEquals("0\n", ok("wait", "hello").stdout());
        KilnProcess ps = ok("ps", "-a");
        assertTrue(ps.stdout().matches("(?s).*Exited \\(0\\)[^\n]*hello\n.*"), ps.toString());
        KilnProcess logs = ok("logs", "hello");
        assertTrue(logs.stderr().contains("(exit code 0)"), logs.toString());
    }

    @Test
    void aServerIsHealthyThroughItsPublishedPortAndStopsWithinTheGraceWith143() throws Exception {
        int port = Tools.freePort();
        ok("run", "-d", "--name", "server", "-p", port + ":8080", "--health", "http:8080/", "--health-interval", "1s",
                server.toString());
        d.awaitOutput("kiln: health: healthy", "logs", "-f", "server");
        // a grace long enough for any machine: the app ends by itself on SIGTERM long before it
        KilnProcess stop = ok("stop", "-t", "600", "server");
        assertTrue(stop.stderr().contains("server ended within the grace period: exited with status 143"), stop.toString());
        assertEquals("143\n", ok("wait", "server").stdout());
        KilnProcess logs = ok("logs", "server");
        assertTrue(logs.stdout().contains("server: serving\n") && logs.stdout().contains("server: stopping\n"), logs.toString());
    }

    @Test
    void killDestroysQemuAndOptionsBakedIntoTheImageAreRefused() throws Exception {
        ok("run", "-d", "--name", "killed", server.toString());
        d.awaitOutput("server: serving", "logs", "-f", "killed");
        ok("kill", "killed");
        assertEquals("137\n", ok("wait", "killed").stdout());

        for (String[] bad : new String[][] {{"--mem", "128"}, {"-e", "A=b"}, {"--network", "x"}}) {
            String[] args = new String[bad.length + 3];
            args[0] = "run";
            args[1] = "-d";
            System.arraycopy(bad, 0, args, 2, bad.length);
            args[args.length - 1] = hello.toString();
            KilnProcess r = d.kiln(args);
            assertEquals(125, r.exitStatus(), r.toString());
            assertTrue(r.stderr().startsWith("kiln: error: ") && r.stderr().lines().count() == 1, r.toString());
        }
    }

    private static KilnProcess ok(String... args) throws Exception {
        KilnProcess r = d.kiln(args);
        assertEquals(0, r.exitStatus(), "kiln " + String.join(" ", args) + ":\n" + r + "\n--- daemon:\n" + d.output());
        return r;
    }

    private static Path build(Path source, String mainClass) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes-" + mainClass));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, rc, "javac of " + source);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Path jar = dir.resolve(mainClass + ".jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(mainClass + ".class"));
            out.write(Files.readAllBytes(classes.resolve(mainClass + ".class")));
            out.closeEntry();
        }
        Path image = dir.resolve(mainClass.toLowerCase() + ".kiln");
        KilnProcess b = KilnProcess.run("build", "--flavor", "jvm", jar.toString(), "-o", image.toString());
        assertEquals(0, b.exitStatus(), b.toString());
        return image;
    }
}
