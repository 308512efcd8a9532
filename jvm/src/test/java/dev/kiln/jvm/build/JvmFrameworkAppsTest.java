package dev.kiln.jvm.build;

import dev.kiln.jvm.qemu.QemuRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Framework jars as their users build them, in the jvm flavor: a Spring Boot web app (the
 * spring-boot-maven-plugin's nested BOOT-INF layout, Tomcat, Jackson) and a shaded Javalin 6 app,
 * both built from Maven Central by {@link TestApps} (cached by content), built into images whose
 * AOT cache was trained through the app's startup ({@code --train-app}: under TCG a shaded Javalin
 * answered after 18 s with it, 66 s without) and served through a published port to curl. Also the class-path analysis itself on a war's layout
 * and a JDK service, without a VM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JvmFrameworkAppsTest {
    // Hang guards, not deadlines: Spring Boot under TCG took 93 s to its first answer at load 8, 233 s at load 40.
    static final Duration VM_TIMEOUT = Duration.ofMinutes(15);
    static final long ANSWER_GUARD_SECONDS = 600;

    @TempDir
    Path dir;

    JvmImageBuilder builder;

    @BeforeAll
    void prerequisites() throws IOException {
        try {
            QemuRunner.findQemu();
        } catch (IOException e) {
            fail("the framework-app tests need qemu-system-x86_64 (apt-get install qemu-system-x86)");
        }
        if (!KernelBuilder.onPath("curl")) {
            fail("the framework-app tests need curl (apt-get install curl)");
        }
        builder = JvmImageBuilder.withDefaultCache(System.err);
    }

    @Test
    void springBootWebAppFromItsNestedJarsServesJsonThroughAPublishedPort() throws Exception {
        Path jar = TestApps.jar("spring-web", "spring-web.jar");
        JvmImageBuilder.Result built = builder.build(new JvmImageBuilder.Request(jar, null, "spring-web", 1024,
                List.of(), Map.of(), Set.of(), List.of(), dir.resolve("spring-web.kiln"), true));
        Map<String, String> why = built.moduleReasons();
        // What Spring Boot web needs at run time (found by removing modules one at a time on the host):
        // java.desktop (java.beans.PropertyEditorSupport), java.instrument, java.management, java.naming.
        assertTrue(why.getOrDefault("java.desktop", "").startsWith("java.beans: "), why.toString());
        for (String m : List.of("java.instrument", "java.management", "java.naming")) {
            assertTrue(why.containsKey(m), m + " missing: " + why);
        }
        serve(built.image(), 8080, "spring-web");
    }

    @Test
    void shadedJavalinAppServesJsonThroughAPublishedPort() throws Exception {
        Path jar = TestApps.jar("javalin", "javalin-app.jar");
        JvmImageBuilder.Result built = builder.build(new JvmImageBuilder.Request(jar, null, "javalin", 512,
                List.of(), Map.of(), Set.of(), List.of(), dir.resolve("javalin.kiln"), true));
        assertTrue(built.moduleReasons().getOrDefault("java.desktop", "").contains("javalin-app"),
                built.moduleReasons().toString());
        serve(built.image(), 7070, "javalin");
    }

    @Test
    void aWarsNestedJarsAndItsJdkServicesBringTheirModules() throws Exception {
        // WEB-INF/classes uses java.beans; WEB-INF/lib/driver-1.2.jar uses java.sql and registers a
        // javax.script engine factory by its service file alone (no class names javax.script).
        Path beans = JarMaker.make(dir.resolve("web.jar"), null, Map.of("web/Bean.java", """
                package web;
                public class Bean { public Object info() throws Exception { return java.beans.Introspector.getBeanInfo(Bean.class); } }
                """));
        Path driver = JarMaker.make(dir.resolve("driver.jar"), null, Map.of("drv/Uses.java", """
                package drv;
                public class Uses { public static Object t() { return new java.sql.Timestamp(0); } }
                """));
        Path launcher = JarMaker.make(dir.resolve("launcher.jar"), "boot.Main", Map.of("boot/Main.java", """
                package boot;
                public class Main { public static void main(String[] a) { System.out.println("launcher"); } }
                """));
        Path war = dir.resolve("app.war");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "boot.Main");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war), mf)) {
            copyEntries(launcher, "", out);
            copyEntries(beans, "WEB-INF/classes/", out);
            out.putNextEntry(new JarEntry("WEB-INF/lib/driver-1.2.jar"));
            out.write(Files.readAllBytes(withService(driver, "javax.script.ScriptEngineFactory", "drv.Uses")));
            out.closeEntry();
        }
        ModuleChooser.Choice c = ModuleChooser.choose(List.of(war), Set.of("jdk.zipfs"), Files.createDirectory(dir.resolve("w")));
        Map<String, String> why = c.reasons();
        assertEquals("java.beans: app", why.get("java.desktop"), why.toString());
        assertEquals("java.sql: driver", why.get("java.sql"), why.toString());
        assertEquals("service javax.script.ScriptEngineFactory: driver", why.get("java.scripting"), why.toString());
        assertEquals("--add-modules", why.get("jdk.zipfs"), why.toString());
        assertEquals("required by java.sql", why.get("java.transaction.xa"), why.toString());
        assertTrue(c.describe().startsWith("java.base, "), c.describe());
    }

    /** Boots the image with GUEST published, asks it over curl, then stops it through /stop (status 42). */
    void serve(Path image, int guestPort, String host) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        CompletableFuture<QemuRunner.Result> vm = CompletableFuture.supplyAsync(() -> {
            try {
                return QemuRunner.run(image, new QemuRunner.Options(List.of(new QemuRunner.PortMapping(port, guestPort)),
                        VM_TIMEOUT, QemuRunner.Accel.AUTO, false, ps, System.err, null));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        String base = "http://127.0.0.1:" + port;
        try {
            String hello = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_GUARD_SECONDS);
            while (System.nanoTime() < deadline && !vm.isDone()) {
                String[] r = JvmFlavorTest.curl(base + "/hello?name=kiln");
                if (r[0].equals("0") && r[1].contains("greeting")) {
                    hello = r[1];
                    break;
                }
                Thread.sleep(1000);
            }
            System.err.printf("[test] %s: first answer %.1f s after the VM started%n", host, (System.nanoTime() - t0) / 1e9);
            assertNotNull(hello, "no answer from " + host + ":\n" + console.toString(StandardCharsets.UTF_8));
            assertTrue(hello.contains("\"greeting\":\"hello kiln\"") && hello.contains("\"host\":\"" + host + "\""), hello);
            String order = curlPost(base + "/orders", "{\"item\":\"tea\",\"quantity\":2,\"notes\":[\"hot\",\"green\"]}");
            assertTrue(order.contains("\"total\":6") && order.contains("\"notes\":2") && order.contains("\"item\":\"tea\""), order);
            JvmFlavorTest.curl(base + "/stop");
            QemuRunner.Result r = vm.get(VM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            System.err.printf("[test] %s: status %d, VM gone %.1f s after it started%n", host, r.status(), r.totalNanos() / 1e9);
            assertEquals(42, r.status(), console.toString(StandardCharsets.UTF_8));
        } finally {
            vm.cancel(true);
        }
    }

    static String curlPost(String url, String json) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("curl", "-s", "--max-time", "60", "-H", "Content-Type: application/json",
                "--data", json, url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(90, TimeUnit.SECONDS);
        return out;
    }

    private static void copyEntries(Path jar, String prefix, JarOutputStream out) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : j.stream().toList()) {
                if (e.isDirectory() || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(prefix + e.getName()));
                try (var in = j.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static Path withService(Path jar, String service, String provider) throws IOException {
        Path out = jar.resolveSibling("svc-" + jar.getFileName());
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream o = new JarOutputStream(Files.newOutputStream(out), mf)) {
            copyEntries(jar, "", o);
            o.putNextEntry(new JarEntry("META-INF/services/" + service));
            o.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            o.closeEntry();
        }
        return out;
    }
}
