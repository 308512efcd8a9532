package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.engine.api.CreateRequest;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Labels, what a compose project finds its VMs by: kept with the definition (and across a
 * daemon's restart), shown in the list and inspect, and the list's label filter; bad labels
 * and bad filters are refused with a 400 and one line.
 */
class LabelsTest {
    @Test
    void theListFiltersByALabelKeptWithTheDefinition() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kiln-labels-test");
        TestDaemon d = TestDaemon.start(dir, dev.kiln.engine.logs.LogLimits.DEFAULT, 30_000);
        try {
            d.client.create(labelled("shop-web-1", Map.of("dev.kiln.compose.project", "shop", "tier", "front")));
            d.client.create(labelled("shop-kv-1", Map.of("dev.kiln.compose.project", "shop")));
            d.client.create(labelled("blog-web-1", Map.of("dev.kiln.compose.project", "blog")));
            d.client.create(TestDaemon.request("plain", "hello", List.of()));

            assertEquals(List.of("shop-kv-1", "shop-web-1"), names(d.client.list(true, "dev.kiln.compose.project=shop")));
            assertEquals(List.of("blog-web-1"), names(d.client.list(true, "dev.kiln.compose.project=blog")));
            assertEquals(List.of(), names(d.client.list(true, "dev.kiln.compose.project=none")));
            assertEquals(List.of(), names(d.client.list(false, "dev.kiln.compose.project=shop")), "none of them runs");
            assertEquals(4, d.client.list(true).size());
            assertEquals(Map.of("dev.kiln.compose.project", "shop", "tier", "front"), d.client.inspect("shop-web-1").definition().labels());
            assertEquals(Map.of(), d.client.inspect("plain").definition().labels());

            ApiException bad = assertThrows(ApiException.class, () -> d.client.list(true, "no-equals-sign"));
            assertEquals(400, bad.status());
            assertEquals("label \"no-equals-sign\" is not KEY=VALUE", bad.getMessage());
            byte[] body = ("{\"image\":\"" + TestDaemon.guest("hello") + "\",\"labels\":{\"bad key\":\"v\"}}").getBytes(StandardCharsets.UTF_8);
            String raw = d.raw(("POST /v1/vms HTTP/1.1\r\nHost: k\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
            assertTrue(raw.contains("label key \\\"bad key\\\" is not 1 to 128 of a-z A-Z 0-9 . _ / -, a letter or digit first"), raw);
        } finally {
            d.client.close(); // the daemon only: its state directory stays for the next one
            d.daemon.close();
        }
        // a new daemon on the same state directory reads the labels back
        try (TestDaemon again = TestDaemon.start(dir, dev.kiln.engine.logs.LogLimits.DEFAULT, 30_000)) {
            assertEquals(List.of("shop-kv-1", "shop-web-1"), names(again.client.list(true, "dev.kiln.compose.project=shop")));
        }
    }

    private static CreateRequest labelled(String name, Map<String, String> labels) {
        CreateRequest r = TestDaemon.request(name, "hello", List.of());
        return new CreateRequest(r.name(), r.image(), r.args(), r.env(), r.memoryMb(), r.ports(), r.restart(), r.health(), null, null, labels);
    }

    private static List<String> names(List<VmSummary> vms) {
        return vms.stream().map(VmSummary::name).sorted().toList();
    }
}
