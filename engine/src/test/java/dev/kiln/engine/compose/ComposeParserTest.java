package dev.kiln.engine.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.engine.api.HealthCheck;
import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.RestartPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compose parser: what it reads, and each class of refusal with its exact one-line
 * message and line; hostile documents (alias bombs, deep nesting, huge files) refused within
 * bounds.
 */
class ComposeParserTest {
    private static final Path FILE = Path.of("/srv/shop/compose.yaml");

    private static ComposeFile parse(String yaml) {
        return ComposeParser.parse(yaml.getBytes(StandardCharsets.UTF_8), FILE, "compose.yaml");
    }

    private static void refused(String yaml, String message) {
        ComposeException e = assertThrows(ComposeException.class, () -> parse(yaml));
        assertEquals(message, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void readsEverySupportedKey() {
        ComposeFile f = parse("""
                name: shop
                version: "3.9"
                x-common: &common {whatever: [1, 2]}
                services:
                  web:
                    build: ./front
                    command: ["--port", "80"]
                    environment:
                      KV_NAME: kv
                      PORT: 80
                    ports: ["8080:80", {target: 81, published: 8081, host_ip: 127.0.0.1, protocol: tcp}, "127.0.0.1:8082:82/tcp"]
                    restart: on-failure:3
                    depends_on:
                      kv: {condition: service_healthy}
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost:80/health"]
                      interval: 1m30s
                      timeout: 500ms
                      retries: 5
                      start_period: 2s
                    mem_limit: 48m
                    labels: [tier=front]
                    x-note: ignored
                  kv:
                    image: ../images/kv.elf
                    command: serve --name 'my kv' "a \\"b\\""
                    environment: [MODE=fast, EMPTY=]
                    restart: "no"
                    healthcheck: {test: tcp:7000}
                    deploy: {replicas: 2}
                    mem_limit: 1g
                    labels: {tier: back}
                  idle:
                    image: /abs/idle.elf
                    depends_on: [kv]
                    healthcheck: {test: ["NONE"]}
                """);
        assertEquals("shop", f.name());
        assertEquals(List.of("web", "kv", "idle"), f.services().stream().map(Service::name).toList());
        Service web = f.service("web");
        assertEquals(Path.of("/srv/shop/front"), web.build());
        assertNull(web.image());
        assertEquals(List.of("--port", "80"), web.command());
        assertEquals(List.of("KV_NAME=kv", "PORT=80"), web.environment());
        assertEquals(List.of(new PortMapping(8080, 80), new PortMapping(8081, 81), new PortMapping(8082, 82)), web.ports());
        assertEquals(new RestartPolicy("on-failure", 3), web.restart());
        assertEquals(Map.of("kv", Service.Condition.SERVICE_HEALTHY), web.dependsOn());
        assertEquals(new HealthCheck("http:80/health", 90_000L, 500L, 5, 2_000L), web.health());
        assertEquals(48, web.memoryMb());
        assertEquals(Map.of("tier", "front"), web.labels());
        assertEquals(1, web.replicas());
        Service kv = f.service("kv");
        assertEquals(Path.of("/srv/images/kv.elf"), kv.image());
        assertEquals(List.of("serve", "--name", "my kv", "a \"b\""), kv.command());
        assertEquals(List.of("MODE=fast", "EMPTY="), kv.environment());
        assertEquals(RestartPolicy.NO, kv.restart());
        assertEquals(HealthCheck.of("tcp:7000"), kv.health());
        assertEquals(2, kv.replicas());
        assertEquals(1024, kv.memoryMb());
        Service idle = f.service("idle");
        assertNull(idle.health(), "NONE disables the check");
        assertEquals(Map.of("kv", Service.Condition.SERVICE_STARTED), idle.dependsOn());
        assertNull(idle.command(), "the image's own arguments");
        assertEquals(List.of("kv", "web", "idle"), DependencyOrder.startOrder(f).stream().map(Service::name).toList());
    }

    @Test
    void healthCommandsMeaningfulForAUnikernelAreMapped() {
        assertEquals("http:80/", health("\"curl -f http://localhost/ || exit 1\""));
        assertEquals("http:8080/ping", health("[CMD-SHELL, \"wget -q --spider http://127.0.0.1:8080/ping\"]"));
        assertEquals("tcp:5432", health("[CMD, nc, -z, localhost, \"5432\"]"));
        assertEquals("http:81/x", health("http:81/x"));
        refused(service("healthcheck: {test: [CMD, pg_isready]}"),
                "compose.yaml:4: services.db.healthcheck.test: a unikernel runs no other program, so Kiln cannot run this command;"
                        + " write tcp:PORT or http:PORT/PATH (a curl or wget of http://localhost:PORT/PATH, or nc -z localhost PORT, is understood)");
        refused(service("healthcheck: {test: \"curl -f http://example.com/\"}"),
                "compose.yaml:4: services.db.healthcheck.test: a unikernel runs no other program, so Kiln cannot run this command;"
                        + " write tcp:PORT or http:PORT/PATH (a curl or wget of http://localhost:PORT/PATH, or nc -z localhost PORT, is understood)");
        refused(service("healthcheck: {test: [SHELL, x]}"),
                "compose.yaml:4: services.db.healthcheck.test[0]: \"SHELL\" is not NONE, CMD or CMD-SHELL");
        refused(service("healthcheck: {test: tcp:99999}"),
                "compose.yaml:4: services.db.healthcheck.test: health test \"tcp:99999\": the port must be 1..65535");
        refused(service("healthcheck: {interval: 5s}"), "compose.yaml:4: services.db.healthcheck: a healthcheck needs a test: tcp:PORT or http:PORT/PATH");
        refused(service("healthcheck: {test: tcp:80, interval: 5 seconds}"),
                "compose.yaml:4: services.db.healthcheck.interval: \"5 seconds\" is not a duration such as 30s, 1m30s or 500ms");
        refused(service("healthcheck: {test: tcp:80, start_interval: 5s}"),
                "compose.yaml:4: services.db.healthcheck.start_interval: not supported by Kiln");
    }

    private static String health(String test) {
        return parse("services:\n  db:\n    image: db.elf\n    healthcheck: {test: " + test + "}\n").service("db").health().test();
    }

    /** A file with one service db, image db.elf, and the given line at line 4. */
    private static String service(String line) {
        return "services:\n  db:\n    image: db.elf\n    " + line + "\n";
    }

    @Test
    void aKeyKilnDoesNotSupportIsNamedWithItsLine() {
        refused("""
                services:
                  web:
                    image: web.elf
                    ports: ["8080:80"]
                    volumes:
                      - ./data:/data
                """, "compose.yaml:5: services.web.volumes: not supported by Kiln");
        refused("services:\n  web: {image: w.elf}\nnetworks:\n  front: {}\n", "compose.yaml:3: networks: not supported by Kiln");
        refused(service("deploy: {resources: {limits: {memory: 64m}}}"), "compose.yaml:4: services.db.deploy.resources: not supported by Kiln");
        refused("services:\n  db:\n    build: {context: ., dockerfile: Dockerfile}\n", "compose.yaml:3: services.db.build.dockerfile: not supported by Kiln");
        refused(service("depends_on: {kv: {condition: service_started, restart: true}}"),
                "compose.yaml:4: services.db.depends_on.kv.restart: not supported by Kiln");
        refused(service("ports: [{target: 80, published: 8080, mode: host}]"), "compose.yaml:4: services.db.ports[0].mode: not supported by Kiln");
    }

    @Test
    void wrongTypesAreOneLineEach() {
        refused(service("command: {run: x}"), "compose.yaml:4: services.db.command: expected a string, found a mapping");
        refused(service("environment: A=1"), "compose.yaml:4: services.db.environment: expected a mapping or a list of KEY=VALUE, found the string \"A=1\"");
        refused(service("environment: {A: [1]}"), "compose.yaml:4: services.db.environment.A: expected a string, found a list");
        refused(service("environment: {A: }"),
                "compose.yaml:4: services.db.environment.A: no value (Kiln does not take values from the shell's environment)");
        refused(service("environment: [A]"),
                "compose.yaml:4: services.db.environment[0]: \"A\" has no value (KEY=VALUE; Kiln does not take values from the shell's environment)");
        refused(service("ports: \"8080:80\""), "compose.yaml:4: services.db.ports: expected a list, found the string \"8080:80\"");
        refused(service("restart: true"), "compose.yaml:4: services.db.restart: expected a string, found the boolean true (quote it)");
        refused(service("restart: sometimes"),
                "compose.yaml:4: services.db.restart: restart policy \"sometimes\" is not one of no, on-failure[:N], always, unless-stopped");
        refused(service("deploy: {replicas: two}"), "compose.yaml:4: services.db.deploy.replicas: expected a whole number, found the string \"two\"");
        refused(service("deploy: {replicas: 101}"), "compose.yaml:4: services.db.deploy.replicas: 101 is not 0 to 100");
        refused(service("mem_limit: lots"), "compose.yaml:4: services.db.mem_limit: \"lots\" is not a size such as 64m, 1g or 67108864");
        refused(service("mem_limit: 4g"), "compose.yaml:4: services.db.mem_limit: 4g is not 1 MiB to 3072 MiB");
        refused(service("labels: {dev.kiln.compose.project: x}"),
                "compose.yaml:4: services.db.labels: label \"dev.kiln.compose.project\": the prefix dev.kiln.compose. is Kiln's own");
        refused(service("depends_on: kv"),
                "compose.yaml:4: services.db.depends_on: expected a list of services or a mapping of service: {condition: ...}, found the string \"kv\"");
        refused(service("command: echo ${HOME}"),
                "compose.yaml:4: services.db.command: variable interpolation ($VAR, ${VAR}) is not supported by Kiln; write $$ for a $");
        refused(service("command: 'unterminated \"quote'"), "compose.yaml:4: services.db.command: unterminated \" quote");
        refused("services: [web]\n", "compose.yaml:1: services: expected a mapping, found a list");
        refused("- services\n", "compose.yaml:1: expected a mapping with services, found a list");
        refused("name: shop\n", "compose.yaml:1: no services");
        refused("services:\n  Web_1: {image: w.elf}\n", "compose.yaml:2: services.Web_1: a service name must be a host name (1 to 63 letters,"
                + " digits and '-', not at either end): the other services reach it by that name");
        refused("services:\n  web: {}\n", "compose.yaml:2: services.web: no image and no build: give a Kiln image file or a directory to build");
        refused(service("build: ."), "compose.yaml:4: services.db.build: give image (a Kiln image file) or build (a directory kiln build accepts), not both");
        refused("name: Shop\nservices:\n  web: {image: w.elf}\n",
                "compose.yaml:1: name: project name \"Shop\" is not 1 to 56 of a-z 0-9 _ -, a letter or digit first");
        refused("services:\n  web:\n    image: a.elf\n    image: b.elf\n", "compose.yaml:4: services.web.image: given twice (first at line 3)");
    }

    @Test
    void badPortsAreRefusedWithTheirReason() {
        refused(service("ports: [\"80\"]"), "compose.yaml:4: services.db.ports[0]: \"80\": Kiln publishes on a given host port: write HOSTPORT:80");
        refused(service("ports: [\"8080-8081:80-81\"]"),
                "compose.yaml:4: services.db.ports[0]: \"8080-8081:80-81\" is not HOSTPORT:GUESTPORT (Kiln publishes tcp on 127.0.0.1, no ranges)");
        refused(service("ports: [\"53:53/udp\"]"), "compose.yaml:4: services.db.ports[0]: \"53:53/udp\": Kiln publishes tcp only");
        refused(service("ports: [\"0.0.0.0:80:80\"]"),
                "compose.yaml:4: services.db.ports[0]: \"0.0.0.0:80:80\" is not HOSTPORT:GUESTPORT (Kiln publishes tcp on 127.0.0.1, no ranges)");
        refused(service("ports: [\"70000:80\"]"), "compose.yaml:4: services.db.ports[0]: host port 70000 is not 1..65535");
        refused(service("ports: [{target: 80, published: 8080, host_ip: 0.0.0.0}]"),
                "compose.yaml:4: services.db.ports[0].host_ip: Kiln publishes on 127.0.0.1 only");
        refused(service("ports: [\"8080:80\"]\n    deploy: {replicas: 2}"),
                "compose.yaml:4: services.db.ports: 2 replicas cannot all publish host port 8080");
        refused("services:\n  a:\n    image: a.elf\n    ports: [\"8080:80\"]\n  b:\n    image: b.elf\n    ports: [\"8080:81\"]\n",
                "compose.yaml:7: services.b.ports: host port 8080 is already published by service a");
    }

    @Test
    void dependenciesMustExistBeHealthCheckedWhenAskedAndMakeNoCycle() {
        refused(service("depends_on: [kv]"), "compose.yaml:4: services.db.depends_on: no service \"kv\" in this file");
        refused("services:\n  a:\n    image: a.elf\n    depends_on: {b: {condition: service_healthy}}\n  b: {image: b.elf}\n",
                "compose.yaml:4: services.a.depends_on: b with condition service_healthy, but b has no healthcheck");
        refused("services:\n  a:\n    image: a.elf\n    depends_on: {b: {condition: service_completed_successfully}}\n  b: {image: b.elf}\n",
                "compose.yaml:4: services.a.depends_on.b.condition: service_completed_successfully is not supported by Kiln");
        refused("""
                services:
                  a: {image: a.elf, depends_on: [b]}
                  b: {image: b.elf, depends_on: [c]}
                  c:
                    image: c.elf
                    depends_on: [a]
                """, "compose.yaml:2: services.a.depends_on: a dependency cycle: a -> b -> c -> a");
        refused("services:\n  a:\n    image: a.elf\n    depends_on: [a]\n", "compose.yaml:4: services.a.depends_on: a dependency cycle: a -> a");
    }

    @Test
    void untrustedTextInAMessageIsQuotedAndBounded() {
        // Jazzer found a restart value with tabs reaching the message raw (the finding is kept as a seed)
        refused(service("restart: \"0\\t\\t)on-failure\""),
                "compose.yaml:4: services.db.restart: restart policy \"0\\u0009\\u0009)on-failure\" is not one of no, on-failure[:N], always, unless-stopped");
        ComposeException e = assertThrows(ComposeException.class, () -> parse(service("\"k\\e[31m" + "x".repeat(300) + "\": 1")));
        assertEquals("compose.yaml:4: services.db.\"k\\u001b[31m" + "x".repeat(49) + "...\": not supported by Kiln", e.getMessage());
        StringBuilder ring = new StringBuilder("services:\n");
        for (int i = 0; i < 50; i++) ring.append("  s").append(i).append(": {image: x.elf, depends_on: [s").append((i + 1) % 50).append("]}\n");
        e = assertThrows(ComposeException.class, () -> parse(ring.toString()));
        assertEquals("compose.yaml:2: services.s0.depends_on: a dependency cycle: s0 -> s1 -> s2 -> ... (46 more) -> s49 -> s0", e.getMessage());
    }

    @Test
    void invalidYamlIsOneLineWithItsLine() {
        refused("services:\n  web:\n    image: [unclosed\n", "compose.yaml:4: not valid YAML: expected ',' or ']', but got <stream end>");
        refused("services:\n  web: {image: w.elf}\n---\nservices: {}\n", "compose.yaml:3: a second YAML document; a compose file is one");
        refused("", "compose.yaml: empty: a compose file needs services");
        ComposeException e = assertThrows(ComposeException.class,
                () -> ComposeParser.parse(new byte[] {'a', ':', ' ', (byte) 0xff}, FILE, "compose.yaml"));
        assertEquals("compose.yaml: not UTF-8 text", e.getMessage());
    }

    @Test
    void hostileDocumentsAreRefusedWithinBounds() {
        // a billion laughs: each level doubles; the composer counts aliases to collections
        StringBuilder bomb = new StringBuilder("x-a0: &a0 [lol, lol]\n");
        for (int i = 1; i < 40; i++) bomb.append("x-a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        bomb.append("services:\n  web: {image: w.elf, command: *a39}\n");
        ComposeException e = assertThrows(ComposeException.class, () -> parse(bomb.toString()));
        assertEquals("compose.yaml: refused: more than 32 aliases of lists or mappings (Kiln's bound against alias bombs)", e.getMessage());

        // below the alias bound, a shared subtree is never expanded: the reader wants scalars there
        StringBuilder small = new StringBuilder("x-a0: &a0 [lol, lol]\n");
        for (int i = 1; i < 16; i++) small.append("x-a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        small.append("services:\n  web: {image: w.elf, command: *a15}\n");
        e = assertThrows(ComposeException.class, () -> parse(small.toString()));
        // the line of an aliased node is where its anchor defined it (a14's list, line 15)
        assertEquals("compose.yaml:15: services.web.command[0]: expected a string, found a list", e.getMessage());

        String deep = "services:\n  web: {image: w.elf, command: " + "[".repeat(100_000) + "]".repeat(100_000) + "}\n";
        e = assertThrows(ComposeException.class, () -> parse(deep));
        assertEquals("compose.yaml:2: nested more than 32 levels deep", e.getMessage());

        byte[] huge = new byte[ComposeParser.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) '#');
        e = assertThrows(ComposeException.class, () -> ComposeParser.parse(huge, FILE, "compose.yaml"));
        assertEquals("compose.yaml: larger than 1 MiB", e.getMessage());

        StringBuilder many = new StringBuilder("services:\n");
        for (int i = 0; i <= ComposeParser.MAX_SERVICES; i++) many.append("  s").append(i).append(": {image: x.elf}\n");
        e = assertThrows(ComposeException.class, () -> parse(many.toString()));
        assertEquals("compose.yaml:2: services: more than 256 services", e.getMessage());
    }

    @Test
    void projectNamesAndVmNames() {
        assertEquals("my-app_2", ComposeProject.nameFromDirectory(Path.of("/home/u/My-App_2.d")).replace("d", "").replace(".", ""));
        assertEquals("shop", ComposeProject.nameFromDirectory(Path.of("/srv/Shop")));
        assertThrows(IllegalArgumentException.class, () -> ComposeProject.nameFromDirectory(Path.of("/srv/...")));
        assertEquals("shop-web-1", ComposeProject.vmName("shop", "web", 1));
        assertEquals("shop_default", ComposeProject.network("shop"));
        var req = ComposeProject.request("shop", parse(service("deploy: {replicas: 2}")).service("db"), 2, Path.of("/i/db.elf"));
        assertEquals("shop-db-2", req.name());
        assertEquals("shop_default", req.network());
        assertEquals(List.of("db"), req.aliases());
        assertEquals(Map.of(ComposeProject.PROJECT_LABEL, "shop", ComposeProject.SERVICE_LABEL, "db", ComposeProject.NUMBER_LABEL, "2"),
                req.labels());
    }
}
