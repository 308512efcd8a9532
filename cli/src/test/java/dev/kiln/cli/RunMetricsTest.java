package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `kiln run --metrics-addr`: the daemon's metrics for the one VM of a foreground run, while it runs. */
class RunMetricsTest {
    private static final Pattern SERVING = Pattern.compile("kiln: serving metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics\n");

    @Test
    void aForegroundRunServesItsVmsMetrics() throws Exception {
        Path guest = KilnProcess.guest("tests/stats.elf");
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(guest)));
        Process p = new ProcessBuilder(ServiceImages.kiln("run", "--metrics-addr", "127.0.0.1:0", guest.toString(), "good"))
                .redirectErrorStream(true).start();
        ProcessOutput out = new ProcessOutput(p, "run-metrics-output");
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertNull(out.await("published\n", KilnProcess.HANG_GUARD_SECONDS * 1000L));
            Matcher m = SERVING.matcher(out.text());
            assertTrue(m.find(), out.text());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
            String labels = "{id=\"\",image=\"" + digest + "\",name=\"stats\"}";
            List<String> lines = r.body().lines().toList();
            assertTrue(lines.contains("kiln_vm_up" + labels + " 1.0"), r.body());
            assertTrue(lines.contains("kiln_app_requests_total" + labels + " 42.0"), r.body());
            assertTrue(lines.contains("kiln_vm_guest_heap_used_bytes" + labels + " 1000.0"), r.body());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("kiln_vm_memory_touched_bytes" + labels + " ")), r.body());
        } finally {
            p.toHandle().destroy(); // SIGTERM: the guest sees the stop request and exits 0
            assertTrue(p.waitFor(KilnProcess.HANG_GUARD_SECONDS, TimeUnit.SECONDS), out.text());
            out.drain(60_000);
        }
        assertEquals(0, p.exitValue(), out.text());
    }

    @Test
    void metricsAddrErrorsAreOneLine() throws Exception {
        String hello = KilnProcess.guest("tests/hello.elf").toString();
        var r = KilnProcess.run("run", "--metrics-addr", "9464", hello);
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: --metrics-addr takes HOST:PORT such as 127.0.0.1:9464, not '9464'\n", r.stderr(), r.toString());
        r = KilnProcess.run("run", "-d", "--metrics-addr", "127.0.0.1:9464", hello);
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().startsWith("kiln: error: --timeout, --net, --ip, --stats, --seccomp, --accel, --kernel-log and"
                + " --metrics-addr are for a foreground kiln run, not -d"), r.toString());
    }
}
