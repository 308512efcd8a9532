package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
