package dev.kiln.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.io.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/api/openapi.yaml is the API's description for everyone else; the daemon's route table
 * and the api records are the truth. This test holds them together: the same routes both
 * ways, every route answered by the real daemon (not "no route"), and every record of
 * dev.kiln.engine.api described by a schema with exactly its fields.
 */
class OpenApiTest {
    static TestDaemon d;
    static Map<String, Object> spec;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        Path file = Path.of(System.getProperty("kiln.openapi"));
        spec = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        d = TestDaemon.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (d != null) d.close();
    }

    @SuppressWarnings("unchecked")
    static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        for (var p : paths.entrySet()) {
            for (String key : ((Map<String, Object>) p.getValue()).keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key)) {
                    routes.add(key.toUpperCase() + " " + p.getKey());
                }
            }
        }
        return routes;
    }

    @Test
    void theFileIsOpenApi31() {
        assertEquals("3.1.0", spec.get("openapi"));
    }

    @Test
    void theDocumentedRoutesAreExactlyTheServedOnes() {
        Set<String> served = new TreeSet<>(d.daemon.routes());
        Set<String> documented = documentedRoutes();
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertTrue(undocumented.isEmpty() && notServed.isEmpty(),
                "served but not in openapi.yaml: " + undocumented + "; in openapi.yaml but not served: " + notServed);
    }

    @Test
    void everyDocumentedRouteIsAnsweredByTheDaemon() throws Exception {
        HttpClient http = new HttpClient();
        http.start();
        try {
            for (String route : documentedRoutes()) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1).replace("{ref}", "probe-nonexistent");
                var req = http.newRequest("http://kiln" + path).method(method).transport(new Transport.TCPUnix(d.socket));
                if (path.equals("/v1/events")) req.param("until", Instant.now().minusSeconds(1).toString());
                if (method.equals("POST")) req.body(new StringRequestContent("application/json", "{}"));
                ContentResponse r = req.timeout(60, java.util.concurrent.TimeUnit.SECONDS).send();
                String body = r.getContentAsString();
                assertNotEquals(405, r.getStatus(), route + ": " + body);
                assertTrue(!body.contains("no route for"), route + " is not served: " + body);
                if (path.contains("probe-nonexistent")) {
                    assertEquals(404, r.getStatus(), route + ": " + body);
                    assertTrue(body.contains("no such VM: probe-nonexistent"), route + ": " + body);
                }
            }
        } finally {
            http.stop();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiRecordHasASchemaWithExactlyItsFields() throws Exception {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
        Map<String, Class<?>> records = new TreeMap<>();
        for (Class<?> c : apiClasses()) {
            if (!c.isRecord()) continue;
            String name = c.getEnclosingClass() == null ? c.getSimpleName()
                    : c.getEnclosingClass().getSimpleName().replace("Report", "") + c.getSimpleName();
            records.put(name, c);
        }
        List<String> problems = new ArrayList<>();
        for (var r : records.entrySet()) {
            Map<String, Object> schema = (Map<String, Object>) schemas.get(r.getKey());
            if (schema == null) {
                problems.add("no schema " + r.getKey() + " for " + r.getValue().getName());
                continue;
            }
            Set<String> fields = Arrays.stream(r.getValue().getRecordComponents()).map(rc -> rc.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> documented = new TreeSet<>(((Map<String, Object>) schema.get("properties")).keySet());
            if (!fields.equals(documented)) problems.add(r.getKey() + ": record " + fields + ", schema " + documented);
        }
        for (var s : schemas.entrySet()) {
            boolean object = "object".equals(((Map<String, Object>) s.getValue()).get("type"));
            if (object && !records.containsKey(s.getKey())) problems.add("schema " + s.getKey() + " has no record");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(records.size() >= 15, "found the api records: " + records.keySet());
    }

    /** Every class compiled into dev/kiln/engine/api. */
    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(OpenApiTest.class.getClassLoader().getResource("dev/kiln/engine/api").toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".class")) classes.add(Class.forName("dev.kiln.engine.api." + n.substring(0, n.length() - 6)));
            }
        }
        return classes;
    }
}
