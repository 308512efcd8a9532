package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.engine.api.ApiJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus server (Debian's package) scrapes a real daemon's --metrics-addr every
 * second, while the HTTP example serves requests in it; a PromQL query through Prometheus' HTTP
 * API then returns the VM's series, labelled with its name, id and image, with the count of
 * requests the client sent (the example counts them with Kiln's metrics API, on its stats page).
 * Everything runs in a network namespace of the test's own: the daemon, its bridge and the VM,
 * Prometheus on 127.0.0.1:9090, the client.
 */
class PrometheusScrapeTest {
    private static final String SUBNET = "10.78.0.0/24";
    private static final String METRICS = "127.0.0.1:9464";
    private static final String PROMETHEUS = "127.0.0.1:9090";
    private static final int REQUESTS = 25;
    private static final long GUARD_MS = 120_000;

    @Test
    void aRealPrometheusScrapesTheDaemonAndCountsTheRequestsTheClientSent() throws Exception {
        Tools.require("prometheus", "curl", "ip");
        String image = ServiceImages.image("examples/http-server").toString();
        Path work = Files.createTempDirectory("kiln-prometheus-test");
        try (NetNs ns = new NetNs()) {
            DaemonProcess d = new DaemonProcess("--bridge", "kb" + ns.suffix, "--bridge-subnet", SUBNET,
                    "--metrics-addr", METRICS).inside(ns);
            try {
                d.start();
                assertTrue(d.output().contains("serving metrics on http://" + METRICS + "/metrics"), d.output());
                ok(d, "run", "-d", "--name", "web", "-p", "8080:80", image);
                d.awaitOutput("listening on port 80", "logs", "-f", "web");
                JsonNode inspect = ApiJson.mapper().readTree(ok(d, "inspect", "web").stdout()).get(0);
                String id = inspect.get("id").asText();
                String digest = inspect.get("definition").get("imageDigest").asText();

                Path config = work.resolve("prometheus.yml");
                Files.writeString(config, """
                        global:
                          scrape_interval: 1s
                          evaluation_interval: 1s
                        scrape_configs:
                          - job_name: kiln
                            static_configs:
                              - targets: ['%s']
                        """.formatted(METRICS));
                NetNs.Bg prometheus = ns.start(List.of("prometheus", "--config.file=" + config,
                        "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=" + PROMETHEUS));
                try {
                    prometheus.await("Server is ready to receive web requests.", GUARD_MS);
                    JsonNode up = awaitValue(ns, prometheus, "kiln_vm_up{name=\"web\"}", "1");
                    assertEquals(id, up.get("metric").get("id").asText(), up.toString());
                    assertEquals(digest, up.get("metric").get("image").asText(), up.toString());
                    assertEquals("kiln", up.get("metric").get("job").asText(), up.toString());

                    for (int i = 0; i < REQUESTS; i++) {
                        Tools.Result r = ns.run(90, "curl", "-sS", "-m", "60", "-o", "/dev/null", "-w", "%{http_code}",
                                "http://127.0.0.1:8080/");
                        assertEquals("200", r.output(), "request " + i);
                    }
                    JsonNode requests = awaitValue(ns, prometheus, "kiln_app_http_requests_total{name=\"web\"}",
                            String.valueOf(REQUESTS));
                    assertEquals(id, requests.get("metric").get("id").asText(), requests.toString());
                    assertEquals(digest, requests.get("metric").get("image").asText(), requests.toString());

                    // the guest's and the monitor's own figures of that traffic, as Prometheus stored them
                    assertTrue(number(query(ns, "kiln_vm_guest_tcp_connections_accepted_total{name=\"web\"}")) >= REQUESTS);
                    assertTrue(number(query(ns, "kiln_vm_net_receive_packets_total{name=\"web\"}")) >= 3 * REQUESTS);
                    assertTrue(number(query(ns, "kiln_vm_net_transmit_bytes_total{name=\"web\"}")) > 0);
                    assertTrue(number(query(ns, "kiln_vm_memory_touched_bytes{name=\"web\"}")) > 0);
                    assertEquals(1.0, number(query(ns, "kiln_vm_guest_stats_available{name=\"web\"}")));
                } finally {
                    prometheus.stop();
                }
            } finally {
                d.close();
            }
        } finally {
            try (var all = Files.walk(work)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Queries Prometheus until the expression has one series with the value expected (it
     * appears at the next scrape after the event); the guard only stops a hang.
     */
    private static JsonNode awaitValue(NetNs ns, NetNs.Bg prometheus, String promql, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GUARD_MS);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = query(ns, promql);
            if (last != null && last.get("value").get(1).asText().equals(expected)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError(promql + " did not reach " + expected + "; last answer: " + last
                + "\n--- prometheus:\n" + prometheus.output());
    }

    /** The one series an instant query returns, or null if none. */
    private static JsonNode query(NetNs ns, String promql) throws Exception {
        Tools.Result r = ns.run(90, "curl", "-sS", "-m", "60", "-G", "http://" + PROMETHEUS + "/api/v1/query",
                "--data-urlencode", "query=" + promql);
        assertEquals(0, r.status(), r.output());
        JsonNode answer = ApiJson.mapper().readTree(r.output());
        assertEquals("success", answer.get("status").asText(), r.output());
        JsonNode result = answer.get("data").get("result");
        assertTrue(result.size() <= 1, promql + " matched more than one series: " + result);
        return result.isEmpty() ? null : result.get(0);
    }

    private static double number(JsonNode series) {
        assertTrue(series != null, "no such series");
        return Double.parseDouble(series.get("value").get(1).asText());
    }

    private static KilnProcess ok(DaemonProcess d, String... args) throws Exception {
        KilnProcess r = d.kiln(args);
        assertEquals(0, r.exitStatus(), "kiln " + String.join(" ", args) + ":\n" + r);
        return r;
    }
}
