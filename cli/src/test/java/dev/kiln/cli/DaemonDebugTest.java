package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 2, "attach to a VM the daemon runs": `kiln debug NAME` has the daemon open the
 * VM's GDB stub (POST /v1/vms/{ref}/debug, a unix socket beside the daemon's) and runs Debian's
 * gdb against it with the symbols of the image the VM was created from: a breakpoint at a Java
 * line hit by a request, the Java stack, a detach, and the VM serves on. Then the stub's socket
 * goes with the VM, and a VM that is not running cannot be debugged. Every wait is for an event.
 */
class DaemonDebugTest {
    private static final int HANG_GUARD_SECONDS = 300;
    @TempDir Path dir;

    @Test
    void kilnDebugAttachesGdbToADaemonVmWhichServesOnAfterTheDetach() throws Exception {
        Tools.require("gdb", "curl");
        Path image = dir.resolve("http.kiln");
        Path example = Path.of(System.getProperty("kiln.home")).resolve("examples/http-server");
        var b = KilnProcess.run("build", "-g", example.toString(), "-o", image.toString());
        assertEquals(0, b.exitStatus(), b.toString());
        List<String> routes = Files.readAllLines(example.resolve("src/httpserver/Routes.java"));
        int handle = routes.indexOf("        boolean index = r.path.equals(\"/\") || r.path.equals(\"/index.html\");") + 1;
        assertTrue(handle > 0, "the example changed: no `boolean index = ...` in Routes.java");

        try (DaemonProcess d = new DaemonProcess().start()) {
            int port = Tools.freePort();
            KilnProcess run = d.kiln("run", "-d", "--name", "web", "-p", port + ":80", image.toString());
            assertEquals(0, run.exitStatus(), run.toString());
            d.awaitOutput("listening on port 80", "logs", "-f", "web");

            ProcessBuilder pb = new ProcessBuilder(ServiceImages.kiln("debug", "web", "--batch",
                    "-ex", "break Routes.java:" + handle, "-ex", "echo resuming\\n", "-ex", "continue", "-ex", "kiln-java-bt",
                    "-ex", "detach")).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(d.env());
            pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
            Process gdb = pb.start();
            ProcessOutput out = new ProcessOutput(gdb, "kiln-debug-output");
            String missing = out.await("resuming", TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            if (missing != null) throw new AssertionError(missing + "\n--- daemon:\n" + d.output());
            // gdb continues right after it printed that; a request meets the breakpoint, and is
            // answered once gdb detached
            Tools.Result held = Tools.run(HANG_GUARD_SECONDS, "curl", "-sS", "-m", "240", "http://127.0.0.1:" + port + "/");
            assertTrue(gdb.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "kiln debug did not finish:\n" + out.text());
            out.drain(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)); // gdb ended: its output ends as soon as the reader runs
            String session = out.text();
            System.out.println("[gdb] kiln debug web:\n" + session);
            assertEquals(0, gdb.exitValue(), session);
            Matcher at = Pattern.compile("kiln: debug: VM web at (/\\S+/gdb-[0-9a-f]{12}\\.sock), symbols from "
                    + Pattern.quote(image.toString())).matcher(session);
            assertTrue(at.find(), session);
            Path socket = Path.of(at.group(1));
            assertEquals(d.socket.getParent(), socket.getParent(), "the stub's socket is beside the daemon's");
            assertTrue(session.contains("at httpserver/Routes.java:" + handle), session);
            assertTrue(session.contains("    at httpserver.HttpConnection.serve(HttpConnection.java:"), "the Java stack:\n" + session);
            assertTrue(session.contains("[Inferior 1 (Remote target) detached]"), session);
            assertTrue(held.status() == 0 && held.output().contains("<h1>Hello from Kiln</h1>"),
                    "the request held at the breakpoint is answered after the detach: " + held.output());
            Tools.Result after = Tools.run(HANG_GUARD_SECONDS, "curl", "-sS", "-m", "120", "http://127.0.0.1:" + port + "/");
            assertTrue(after.status() == 0 && after.output().contains("<h1>Hello from Kiln</h1>"), after.output());
            KilnProcess logs = d.kiln("logs", "web");
            assertTrue(logs.stderr().contains("kiln: gdb: debugger attached") && logs.stderr().contains("kiln: gdb: debugger detached"),
                    "the VM's log says who attached:\n" + logs.stderr());
            assertTrue(Files.exists(socket), "the stub listens while the VM runs");
            String other = KilnProcess.guest("tests/hello.elf").toString();
            KilnProcess wrong = d.kiln("debug", "web", "--image", other, "--batch");
            assertEquals(125, wrong.exitStatus(), wrong.toString());
            assertTrue(wrong.stderr().startsWith("kiln: error: --image " + other + " is not the image the VM runs (sha256:"),
                    "symbols of another image would show the wrong functions and lines:\n" + wrong);

            KilnProcess stop = d.kiln("stop", "-t", "0", "web");
            assertEquals(0, stop.exitStatus(), stop.toString());
            assertFalse(Files.exists(socket), "the stub's socket goes with the VM's run");
            KilnProcess again = d.kiln("debug", "web", "--batch");
            assertEquals(1, again.exitStatus(), again.toString());
            assertEquals("kiln: error: VM web is not running\n", again.stderr(), again.toString());
        }
    }
}
