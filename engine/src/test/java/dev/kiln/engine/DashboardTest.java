package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.dashboard.DashboardServer;
import dev.kiln.engine.logs.LogLimits;
import dev.kiln.engine.metrics.MetricsAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's address of a real daemon with a real VM (guest/tests/stats.c, which publishes
 * two application metrics): its JSON carries the VM's lifecycle, the monitor's figures and the
 * app's metrics; the page and uPlot are served from the classpath under a Content-Security-Policy
 * that allows this origin only; and nothing there can change a VM: every method but GET and HEAD
 * is refused on every path, the VM still running after all of them.
 */
class DashboardTest {
    @TempDir
    Path dir;

    @Test
    void servesThePageAndTheVmsAndRefusesEveryMethodThatIsNotARead() throws Exception {
        TestDaemon d = TestDaemon.start(dir, LogLimits.DEFAULT, 30_000,
                o -> o.withDashboardAddr(MetricsAddress.parse("--dashboard-addr", "127.0.0.1:8090", "127.0.0.1:0")));
        HttpClient http = HttpClient.newHttpClient();
        try {
            d.client.create(TestDaemon.request("good", "stats", List.of("good")));
            d.client.start("good");
            awaitPublished(d, "good");
            int port = d.daemon.dashboardPort();
            String base = "http://127.0.0.1:" + port;
            assertTrue(d.log.contains("serving the dashboard on " + base + "/"), d.log.toString());

            HttpResponse<String> vms = get(http, base + "/api/vms");
            assertEquals(200, vms.statusCode(), vms.body());
            assertEquals("application/json", vms.headers().firstValue("Content-Type").orElse(null));
            JsonNode good = null;
            for (JsonNode vm : ApiJson.mapper().readTree(vms.body()).get("vms")) {
                if (vm.get("name").asText().equals("good")) good = vm;
            }
            assertTrue(good != null, vms.body());
            assertEquals(VmStatus.RUNNING.json(), good.get("status").asText(), vms.body());
            assertEquals(0, good.get("restarts").asInt());
            assertTrue(good.get("figures").get("memoryTouchedBytes").asLong() > 0, vms.body());
            assertEquals(d.client.inspect("good").id(), good.get("id").asText());
            // what stats.c good publishes: requests 42 (a counter), queue_depth -3 (a gauge)
            assertEquals("[{\"name\":\"requests\",\"kind\":\"counter\",\"value\":42},{\"name\":\"queue_depth\",\"kind\":\"gauge\",\"value\":-3}]",
                    good.get("app").toString());

            HttpResponse<String> logs = get(http, base + "/api/vms/good/logs?tail=5");
            assertEquals(200, logs.statusCode(), logs.body());
            assertTrue(logs.body().contains("\"log\":\"published\\n\""), logs.body());
            assertEquals(400, get(http, base + "/api/vms/good/logs?tail=0").statusCode());
            assertEquals(404, get(http, base + "/api/vms/nosuchvm/logs").statusCode());
            assertEquals(404, get(http, base + "/v1/vms").statusCode(), "the API is not on the dashboard's address");

            for (String asset : List.of("/", "/dashboard.js", "/dashboard.css", "/uplot/uPlot.iife.min.js", "/uplot/uPlot.min.css")) {
                HttpResponse<String> r = get(http, base + asset);
                assertEquals(200, r.statusCode(), asset);
                assertEquals(DashboardServer.CONTENT_SECURITY_POLICY, r.headers().firstValue("Content-Security-Policy").orElse(null), asset);
                assertTrue(DashboardServer.CONTENT_SECURITY_POLICY.startsWith("default-src 'self';"));
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), asset);
                assertTrue(r.body().length() > 100, asset);
            }
            assertTrue(get(http, base + "/uplot/uPlot.iife.min.js").body().contains("uPlot"), "the webjar's uPlot");
            String page = get(http, base + "/").body();
            assertTrue(!page.contains("http://") && !page.contains("https://") && !page.contains("//cdn"), "the page loads nothing from elsewhere:\n" + page);
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(base + "/api/vms"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());

            String id = good.get("id").asText();
            for (String path : List.of("/", "/api/vms", "/api/vms/good", "/api/vms/" + id + "/logs", "/api/vms/good/stop",
                    "/v1/vms/good/stop", "/v1/vms/good/kill", "/v1/vms/good")) {
                for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(405, r.statusCode(), method + " " + path + ": " + r.body());
                    assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(null), method + " " + path);
                }
            }
            assertEquals(VmStatus.RUNNING, d.client.inspect("good").state().status(), "nothing on the dashboard stopped it");

            // a page elsewhere reaching 127.0.0.1 through a DNS name it controls is not answered
            assertEquals("HTTP/1.1 421 Misdirected Request", rawGet(port, "evil.example:" + port));
            assertEquals("HTTP/1.1 200 OK", rawGet(port, "localhost:" + port));
        } finally {
            http.close();
            d.close();
        }
    }

    @Test
    void aBadDashboardAddressIsOneLineNamingTheFlag() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MetricsAddress.parse("--dashboard-addr", "127.0.0.1:8090", "8090"));
        assertEquals("--dashboard-addr takes HOST:PORT such as 127.0.0.1:8090, not '8090'", e.getMessage());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line of a GET / with this Host header (HttpClient will not send a Host of one's choice). */
    private static String rawGet(int port, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("GET /api/vms HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    private static void awaitPublished(TestDaemon d, String vm) {
        boolean[] seen = new boolean[1];
        d.client.logs(vm, true, null, null, entry -> {
            if (entry.log().contains("published")) seen[0] = true;
            return !seen[0];
        });
        assertTrue(seen[0], vm + " did not publish: " + d.client.inspect(vm).state());
    }
}
