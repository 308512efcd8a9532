package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.engine.logs.LogLimits;
import dev.kiln.engine.metrics.MetricsAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /metrics of a real daemon holding real VMs of guest/tests/stats.c: one publishing a
 * valid page, one whose names meet once Prometheus' rules apply, one spinning without a
 * hypercall, and every hostile mode (garbage on the page, a page rewritten with random bytes
 * without pause). Every scrape must stay valid text format (a strict reader and Prometheus'
 * own promtool), the valid VM's figures must be exactly what it published whatever its
 * neighbours write, and a scrape must cost a guest no exit.
 */
class MetricsTest {
    private static final List<String> HOSTILE = List.of("odd", "magic", "count", "name", "dupe", "negative", "kind", "heap",
            "unsigned", "churn");

    @TempDir
    Path dir;

    @Test
    void hostileStatsPagesNeverBreakMetricsAndSpoilOnlyTheirOwnFigures() throws Exception {
        TestDaemon d = TestDaemon.start(dir, LogLimits.DEFAULT, 30_000);
        try {
            List<String> modes = new ArrayList<>(List.of("good", "clash", "busy"));
            modes.addAll(HOSTILE);
            for (String m : modes) {
                d.client.create(TestDaemon.request(m, "stats", List.of(m)));
                d.client.start(m);
            }
            for (String m : modes) awaitPublished(d, m);

            ExpositionText e = null;
            long scrapeNanos = 0;
            for (int i = 0; i < 40; i++) { // the churning page is rewritten all along
                long t0 = System.nanoTime();
                String scraped = d.client.metrics();
                scrapeNanos += System.nanoTime() - t0;
                e = ExpositionText.parse(scraped);
            }
            System.out.printf("GET /metrics of %d VMs through the socket: %.2f ms a scrape (mean of 40, a figure, not a bound)%n",
                    modes.size(), scrapeNanos / 40 / 1e6);
            String text = d.client.metrics();
            e = ExpositionText.parse(text);
            promtoolAccepts(text);

            // the valid page, exactly, whatever the others wrote
            assertEquals(1.0, e.value("kiln_vm_guest_stats_available", "good"));
            assertEquals(42.0, e.value("kiln_app_requests_total", "good"));
            assertEquals(-3.0, e.value("kiln_app_queue_depth", "good"));
            assertEquals(0.0, e.value("kiln_vm_guest_app_metrics_refused", "good"));
            assertEquals(2.0, e.value("kiln_vm_guest_gc_collections_total", "good"));
            assertEquals(2000e-9, e.value("kiln_vm_guest_gc_pause_seconds_total", "good"), 1e-15);
            assertEquals(1000.0, e.value("kiln_vm_guest_heap_used_bytes", "good"));
            assertEquals(4096.0, e.value("kiln_vm_guest_heap_limit_bytes", "good"));
            assertEquals(3.0, e.value("kiln_vm_guest_threads", "good"));
            assertEquals(2.0, e.value("kiln_vm_guest_tcp_connections_open", "good"));
            assertEquals(10.0, e.value("kiln_vm_guest_tcp_connections_accepted_total", "good"));
            assertEquals(1.0, e.value("kiln_vm_guest_tcp_resets_total", "good"));
            assertEquals(5.0, e.value("kiln_vm_guest_tcp_retransmitted_segments_total", "good"));
            assertEquals(7.0, e.value("kiln_vm_guest_udp_received_datagrams_total", "good"));
            assertEquals(8.0, e.value("kiln_vm_guest_udp_sent_datagrams_total", "good"));

            // names that meet: clash's gauge requests beside good's counter; of hits and hits_total (one series) the
            // first stays; the gauge hits_created is the gauge hits
            assertEquals(5.0, e.value("kiln_app_requests", "clash"));
            assertEquals(7.0, e.value("kiln_app_hits_total", "clash"));
            assertEquals(11.0, e.value("kiln_app_hits", "clash"));
            assertEquals(1.0, e.value("kiln_vm_guest_app_metrics_refused", "clash"));

            for (String m : HOSTILE) {
                if (!m.equals("churn")) { // random bytes never make the magic, but that is the guest's to say
                    assertEquals(0.0, e.value("kiln_vm_guest_stats_available", m), m);
                    assertEquals(List.of(), e.seriesOf(m, "kiln_vm_guest_gc"), m);
                    assertEquals(List.of(), e.seriesOf(m, "kiln_app_"), m);
                }
            }
            String id = d.client.inspect("good").id();
            String digest = d.client.inspect("good").definition().imageDigest();
            for (String m : modes) {
                assertEquals(1.0, e.value("kiln_vm_up", m), m);
                assertEquals(0.0, e.value("kiln_vm_scrape_error", m), m + ": " + d.log);
                assertEquals(0.0, e.value("kiln_vm_restarts_total", m), m);
                assertNotNull(e.value("kiln_vm_start_time_seconds", m), m);
                assertNull(e.value("kiln_vm_health_status", m, "status", "healthy"), "no health check, no health: " + m);
                double limit = e.value("kiln_vm_memory_limit_bytes", m), touched = e.value("kiln_vm_memory_touched_bytes", m);
                assertEquals(8 << 20, limit, m);
                assertTrue(touched > 0 && touched <= limit, m + ": touched " + touched + " of " + limit);
                assertTrue(e.value("kiln_vm_exits_total", m, "reason", "io") > 0, m);
                assertTrue(e.value("kiln_vm_hypercalls_total", m, "kind", "console_write") >= 1, m);
                assertTrue(e.value("kiln_vm_console_bytes_total", m) >= "published\n".length(), m);
                assertNotNull(e.value("kiln_vm_vcpu_seconds_total", m), m);
                assertEquals(List.of(), e.seriesOf(m, "kiln_vm_net_"), "no net device: " + m);
            }
            ExpositionText.Series up = e.samples.keySet().stream()
                    .filter(s -> s.name().equals("kiln_vm_up") && s.labels().get("name").equals("good")).findFirst().orElseThrow();
            assertEquals(id, up.labels().get("id"));
            assertEquals(digest, up.labels().get("image"));
            assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);

            // a scrape costs no exit: the busy guest makes no hypercall, and its exits stay as they are
            double exits = totalExits(e, "busy");
            for (int i = 0; i < 10; i++) assertEquals(exits, totalExits(ExpositionText.parse(d.client.metrics()), "busy"));
            // an idle guest exits only for its own yields (io); a scrape that kicked its vCPU would add interrupt exits
            double idleInterrupts = e.value("kiln_vm_exits_total", "good", "reason", "interrupt");
            for (int i = 0; i < 10; i++) {
                assertEquals(idleInterrupts, ExpositionText.parse(d.client.metrics()).value("kiln_vm_exits_total", "good", "reason", "interrupt"));
            }
            // and its vCPU's CPU time grows while it spins (waited for, not timed)
            double cpu = e.value("kiln_vm_vcpu_seconds_total", "busy");
            long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestDaemon.HANG_GUARD_SECONDS);
            while (ExpositionText.parse(d.client.metrics()).value("kiln_vm_vcpu_seconds_total", "busy") <= cpu) {
                assertTrue(System.nanoTime() < guard, "the spinning guest's vCPU time did not grow");
                Thread.sleep(10);
            }

            // a VM that ended: up 0, its run's figures gone, the others untouched
            d.client.stop("good", 0);
            ExpositionText after = ExpositionText.parse(d.client.metrics());
            assertEquals(0.0, after.value("kiln_vm_up", "good"));
            assertEquals(List.of(), after.seriesOf("good", "kiln_app_"));
            assertEquals(List.of(), after.seriesOf("good", "kiln_vm_exits"));
            assertEquals(7.0, after.value("kiln_app_hits_total", "clash"));
        } finally {
            d.close();
        }
    }

    @Test
    void theDaemonServesMetricsOnTcpWhenAskedAndNothingElseThere() throws Exception {
        TestDaemon d = TestDaemon.start(dir, LogLimits.DEFAULT, 30_000, o -> o.withMetricsAddr(MetricsAddress.parse("127.0.0.1:0")));
        HttpClient http = HttpClient.newHttpClient();
        try {
            d.client.create(TestDaemon.request("good", "stats", List.of("good")));
            d.client.start("good");
            awaitPublished(d, "good");
            int port = d.daemon.metricsPort();
            assertTrue(d.log.stream().anyMatch(l -> l.equals("serving metrics on http://127.0.0.1:" + port + "/metrics")), d.log.toString());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
            assertEquals(42.0, ExpositionText.parse(r.body()).value("kiln_app_requests_total", "good"));

            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode(), post.body());
            for (String path : List.of("/v1/vms", "/v1/vms/good/stop", "/v1/info", "/")) {
                HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, other.statusCode(), path + ": " + other.body());
            }
            assertEquals(1.0, ExpositionText.parse(d.client.metrics()).value("kiln_vm_up", "good"), "nothing there stopped it");
        } finally {
            http.close();
            d.close();
        }
    }

    @Test
    void aBadMetricsAddressIsOneLine() {
        for (String bad : List.of("9464", "127.0.0.1", "127.0.0.1:", ":9464", "127.0.0.1:65536", "127.0.0.1:x", "::1:9464")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> MetricsAddress.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--metrics-addr takes HOST:PORT such as 127.0.0.1:9464, not '" + bad + "'"),
                    e.getMessage());
        }
        assertEquals(9464, MetricsAddress.parse("[::1]:9464").getPort());
        assertTrue(MetricsAddress.parse("[::1]:9464").getAddress().isLoopbackAddress());
        assertTrue(MetricsAddress.parse("0.0.0.0:1").getAddress().isAnyLocalAddress(), "any address the user gives");
    }

    private static double totalExits(ExpositionText e, String vm) {
        return e.value("kiln_vm_exits_total", vm, "reason", "io") + e.value("kiln_vm_exits_total", vm, "reason", "interrupt")
                + e.value("kiln_vm_exits_total", vm, "reason", "other");
    }

    /** Waits for the guest's "published" line in its log. */
    private static void awaitPublished(TestDaemon d, String vm) {
        boolean[] seen = new boolean[1];
        d.client.logs(vm, true, null, null, entry -> {
            if (entry.log().contains("published")) seen[0] = true;
            return !seen[0];
        });
        assertTrue(seen[0], vm + " did not publish: " + d.client.inspect(vm).state());
    }

    /** Prometheus' own linter of the text format (Debian package prometheus). */
    private static void promtoolAccepts(String text) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            throw new AssertionError("prerequisite missing: the command `promtool` is not installed (Debian package prometheus)");
        }
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, p.exitValue(), "promtool check metrics:\n" + out);
    }
}
