package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's "done when", first half: Debian's gdb (the real one, in batch mode) against the HTTP
 * example booted by `kiln run --gdb`: it attaches to the running server, breaks at a Java
 * file:line when a request comes in, shows the stack with Java files and lines, reads locals,
 * steps a Java line, detaches, and the VM serves on; a second session interrupts the idle server
 * with Ctrl-C (SIGINT to gdb, which sends 0x03) and detaches again. Every wait is for an event
 * (a line of output, a process ending); the bounds only guard against hangs.
 */
class GdbSessionTest {
    private static final int HANG_GUARD_SECONDS = 300;
    @TempDir Path dir;

    @Test
    void gdbBreaksAtAJavaLineStepsAndDetachesWhileTheVmServesOn() throws Exception {
        Tools.require("gdb", "curl");
        ServiceImages.requireNetFlags();
        Path image = dir.resolve("http.kiln");
        Path example = Path.of(System.getProperty("kiln.home")).resolve("examples/http-server");
        var b = KilnProcess.run("build", "-g", example.toString(), "-o", image.toString());
        assertEquals(0, b.exitStatus(), b.toString());
        List<String> source = Files.readAllLines(example.resolve("src/httpserver/HttpServer.java"));
        int line = source.indexOf("            stats.connectionOpened();") + 1;
        assertTrue(line > 0, "the example changed: no `stats.connectionOpened();` in HttpServer.java");

        int port = Tools.freePort();
        ProcessBuilder pb = new ProcessBuilder(ServiceImages.kiln("run", "--gdb", "127.0.0.1:0", "-p", port + ":80",
                image.toString())).redirectErrorStream(true);
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        NetNs.Bg kiln = new NetNs.Bg(pb.start());
        try {
            kiln.await("listening on port 80", 120_000);
            Matcher m = Pattern.compile("kiln: gdb: listening on (127\\.0\\.0\\.1:\\d+)").matcher(kiln.output());
            assertTrue(m.find(), kiln.output());
            String remote = m.group(1);

            // Session 1: a breakpoint at a Java line, hit by a request sent once gdb continues.
            Gdb first = Gdb.start(dir, image, "directory " + dir.resolve("http.kiln.src"), "target remote " + remote,
                    "break HttpServer.java:" + line, "echo resuming\\n", "continue", "bt", "info locals", "next", "detach");
            // gdb prints this just before it continues (batch mode prints no "Continuing."); a request
            // that arrives before the guest runs again waits for it, and then meets the breakpoint
            first.await("resuming");
            Tools.Result[] served = new Tools.Result[1];
            Thread client = Thread.ofPlatform().start(() -> {
                try {
                    served[0] = Tools.run(HANG_GUARD_SECONDS, "curl", "-sS", "-m", "240", "http://127.0.0.1:" + port + "/");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            String s1 = first.finish();
            System.out.println("[gdb] session 1:\n" + s1);
            assertTrue(s1.contains("Breakpoint 1 at 0x"), s1);
            assertTrue(Pattern.compile("Breakpoint 1, meth_h_HttpServer_main \\(.*\\) at httpserver/HttpServer.java:" + line)
                    .matcher(s1).find(), s1);
            assertTrue(s1.contains("#0  meth_h_HttpServer_main") && s1.contains("at httpserver/HttpServer.java:" + line),
                    "the stack names the Java file and line:\n" + s1);
            assertTrue(s1.contains("dev/kiln/libos/teavm/EventLoop.java:"), "libos' frames too:\n" + s1);
            assertTrue(s1.contains("teavm_local_"), "the locals:\n" + s1);
            assertTrue(Pattern.compile("(?m)^" + (line + 1) + "\\t").matcher(s1).find(),
                    "next steps to the next Java line:\n" + s1);
            assertTrue(s1.contains("[Inferior 1 (Remote target) detached]"), s1);
            client.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            assertTrue(served[0] != null && served[0].status() == 0 && served[0].output().contains("<h1>Hello from Kiln</h1>"),
                    "the request held at the breakpoint is answered after the detach: " + (served[0] == null ? "none"
                            : served[0].output()) + "\n--- kiln:\n" + kiln.output());

            // Session 2: Ctrl-C on the running (idle) server, then detach; it still serves. SIGINT to
            // gdb is what Ctrl-C in its terminal does (gdb sends 0x03 to the stub); it is sent once
            // the stub has taken gdb's continue, when gdb waits for the target to stop.
            int continues = count(kiln.output(), "kiln: gdb: guest continues");
            Gdb second = Gdb.start(dir, image, "target remote " + remote, "continue", "bt 3", "detach");
            awaitCount(kiln, "kiln: gdb: guest continues", continues + 1);
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(second.process().pid())).start().waitFor());
            String s2 = second.finish();
            System.out.println("[gdb] session 2:\n" + s2);
            assertTrue(s2.contains("received signal SIGINT"), s2);
            assertTrue(s2.contains("#0  "), s2);
            assertTrue(s2.contains("[Inferior 1 (Remote target) detached]"), s2);
            Tools.Result after = Tools.run(HANG_GUARD_SECONDS, "curl", "-sS", "-m", "120", "http://127.0.0.1:" + port + "/");
            assertEquals(0, after.status(), after.output() + "\n--- kiln:\n" + kiln.output());
            assertTrue(after.output().contains("<h1>Hello from Kiln</h1>"), after.output());
            assertTrue(kiln.output().contains("kiln: gdb: debugger detached"), kiln.output());
            assertEquals(List.of(2), seccompModes(kiln.process.pid(), "kiln-gdb-"),
                    "the stub's thread runs under its seccomp filter (docs/security.md, gdb)");

            // Session 3: kiln debug (gdb with Kiln's commands): the Java stack of the green thread
            // serving a request, read from TeaVM's shadow stack through the Java debug descriptor.
            List<String> routes = Files.readAllLines(example.resolve("src/httpserver/Routes.java"));
            int handle = routes.indexOf("        boolean index = r.path.equals(\"/\") || r.path.equals(\"/index.html\");") + 1;
            assertTrue(handle > 0, "the example changed: no `boolean index = ...` in Routes.java");
            List<String> debug = new ArrayList<>(ServiceImages.kiln("debug", image.toString(), "--remote", remote, "--batch",
                    "-ex", "break Routes.java:" + handle, "-ex", "echo resuming\\n", "-ex", "continue", "-ex", "kiln-java-bt",
                    "-ex", "kiln-java-threads", "-ex", "detach"));
            ProcessBuilder kd = new ProcessBuilder(debug).directory(dir.toFile()).redirectErrorStream(true);
            kd.environment().put("KILN_HOME", System.getProperty("kiln.home"));
            Process third = kd.start();
            Gdb viaKiln = new Gdb(third, new ProcessOutput(third, "kiln-debug-output"));
            viaKiln.await("resuming");
            Tools.Result stats = Tools.run(HANG_GUARD_SECONDS, "curl", "-sS", "-m", "240", "http://127.0.0.1:" + port + "/api/stats");
            String s3 = viaKiln.finish();
            System.out.println("[gdb] session 3 (kiln debug):\n" + s3);
            assertTrue(s3.contains("at httpserver/Routes.java:" + handle), s3);
            assertTrue(s3.contains("    at httpserver.HttpConnection.serve(HttpConnection.java:"), "the Java stack:\n" + s3);
            assertTrue(s3.contains("    at dev.kiln.libos.teavm.EventLoop.loop(EventLoop.java:"), "the Java stack:\n" + s3);
            int accept = source.indexOf("            Socket s = server.accept();") + 1;
            assertTrue(accept > 0, "the example changed: no `Socket s = server.accept();` in HttpServer.java");
            assertTrue(s3.contains("\"main\" (waiting)\n") && s3.contains("    at java.net.ServerSocket.accept(")
                    && s3.contains("    at httpserver.HttpServer.main(HttpServer.java:" + accept + ")"),
                    "the waiting main thread's Java stack, left on its Fiber when it suspended:\n" + s3);
            assertTrue(stats.status() == 0 && stats.output().contains("\"requests_served\":"), stats.output());
        } finally {
            kiln.stop();
        }
    }

    /** Waits for the n-th such line of kiln's output (an event; the bound only guards against a hang). */
    private static void awaitCount(NetNs.Bg kiln, String line, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (count(kiln.output(), line) < n) {
            if (System.nanoTime() > end || !kiln.process.isAlive()) {
                throw new AssertionError("waited in vain for '" + line + "' #" + n + " in:\n" + kiln.output());
            }
            Thread.sleep(50);
        }
    }

    /** The seccomp modes (/proc .../status) of the process's threads whose name starts so; 2 is filter mode. */
    private static List<Integer> seccompModes(long pid, String prefix) throws Exception {
        List<Integer> modes = new ArrayList<>();
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                if (!Files.readString(task.resolve("comm")).strip().startsWith(prefix)) continue;
                String status = Files.readString(task.resolve("status"));
                int mode = Integer.parseInt(status.lines().filter(l -> l.startsWith("Seccomp:")).findFirst()
                        .orElseThrow().substring("Seccomp:".length()).strip());
                if (!modes.contains(mode)) modes.add(mode);
            }
        }
        return modes;
    }

    private static int count(String text, String line) {
        return (int) text.lines().filter(line::equals).count();
    }

    /** Debian's gdb in batch mode, its output collected as it comes. */
    private record Gdb(Process process, ProcessOutput out) {
        static Gdb start(Path dir, Path image, String... commands) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("gdb", "-batch", "-nx"));
            for (String c : commands) {
                cmd.add("-ex");
                cmd.add(c);
            }
            cmd.add(image.toString());
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            return new Gdb(p, new ProcessOutput(p, "gdb-output"));
        }

        void await(String text) throws InterruptedException {
            String failure = out.await(text, TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            if (failure != null) throw new AssertionError(failure);
        }

        String finish() throws InterruptedException {
            if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("gdb did not finish:\n" + out.text());
            }
            out.drain(5000);
            return out.text();
        }
    }
}
