package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The "done when": `kiln run -p HOSTPORT:80 examples/http-server` serves curl on
 * 127.0.0.1:HOSTPORT (a free port rather than 8080: other test runs share this machine); then
 * the HTTP checks of HttpServerExampleTest (keep-alive, pipelining, status codes) against the image.
 */
class PublishedPortTest {
    @Test
    void kilnRunPublishesTheHttpServerOnLoopback() throws Exception {
        ServiceImages.requireNetFlags();
        Tools.require("curl");
        ServiceImages.image("examples/http-server"); // fails naming what is missing, if anything
        int port = Tools.freePort();
        String example = java.nio.file.Path.of(System.getProperty("kiln.home")).resolve("examples/http-server").toString();
        ProcessBuilder pb = new ProcessBuilder(ServiceImages.kiln("run", "-p", port + ":80", example)).redirectErrorStream(true);
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        NetNs.Bg kiln = new NetNs.Bg(pb.start());
        try {
            kiln.await("listening on port 80", 60_000);
            // kiln binds the published port before it boots the guest: one try must do.
            Tools.Result page = Tools.run(90, "curl", "-sS", "-m", "60", "http://127.0.0.1:" + port + "/");
            assertEquals(0, page.status(), page.output() + "\n--- kiln:\n" + kiln.output());
            assertTrue(page.output().contains("<h1>Hello from Kiln</h1>"), page.output());
            Tools.Result json = Tools.run(90, "curl", "-sS", "-m", "60", "http://127.0.0.1:" + port + "/api/stats");
            assertTrue(json.output().contains("\"requests_served\":"), json.output());
            assertMonitorThreadsConfined(kiln.process.pid(), port);
            // The HTTP semantics checked on HotSpot, now against the image (through the relay):
            // TeaVM's compiled code must behave like HotSpot's, which is not a given.
            HttpServerExampleTest.assertKeepAlive(port);
            HttpServerExampleTest.assertPipelining(port);
            HttpServerExampleTest.assertStatusCodes(port);
            Tools.Result reuse = Tools.run(30, "curl", "-sS", "-o", "/dev/null", "-w", "%{num_connects}\\n",
                    "http://127.0.0.1:" + port + "/?[1-20]");
            assertEquals(19, reuse.output().lines().filter("0"::equals).count(), "curl reuses one connection:\n" + reuse.output());
        } finally {
            kiln.process.destroy();
            if (!kiln.process.waitFor(60, TimeUnit.SECONDS)) {
                kiln.process.destroyForcibly();
            }
        }
        System.out.println("[svc] kiln run -p " + port + ":80 examples/http-server served curl on 127.0.0.1:" + port);
    }

    /**
     * With a relayed connection open, the kernel reports every monitor thread of the kiln
     * process (vCPU, net I/O, acceptor, both relay directions) in seccomp filter mode (2) and
     * its main thread in none (0): the filters are on by default (docs/security.md).
     */
    private static void assertMonitorThreadsConfined(long pid, int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            HttpServerExampleTest.readResponse(s.getInputStream()); // both relay threads now exist
            Map<String, Integer> modes = new TreeMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks) {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String status = Files.readString(task.resolve("status"));
                    int mode = Integer.parseInt(status.lines().filter(l -> l.startsWith("Seccomp:")).findFirst()
                            .orElseThrow().substring("Seccomp:".length()).strip());
                    modes.merge(name, mode, Math::max);
                }
            }
            for (String kind : List.of("kiln-vcpu-", "kiln-net-", "kiln-publish-", "kiln-relay", "kiln-relay-back")) {
                List<Integer> found = modes.entrySet().stream().filter(e -> e.getKey().startsWith(kind))
                        .map(Map.Entry::getValue).distinct().toList();
                assertEquals(List.of(2), found, kind + " threads' seccomp mode; all threads: " + modes);
            }
            assertEquals(0, modes.get("java"), "the main thread runs unconfined; all threads: " + modes);
        }
    }
}
