package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `kiln compose` on examples/compose with a real daemon running in a network namespace this
 * test makes (the daemon's bridge lives there): up -d builds both services, starts kv, waits for
 * its health check, starts front; a request to front crosses to kv, found by its service name
 * with InetAddress.getByName (the image's stub resolver asking the daemon's resolver); ps and logs show the project; down removes the project's VMs,
 * their taps and leases, and nothing else (a VM outside the project keeps running). Then up
 * in the foreground follows the logs, and SIGTERM (as Ctrl-C) stops the project.
 */
class ComposeTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("kiln.home"), "examples", "compose", "compose.yaml");

    @Test
    void upPsLogsDownOfTheExampleWithARequestCrossingServices() throws Exception {
        Tools.require("curl", "ip");
        try (NetNs ns = new NetNs()) {
            String bridge = "kb" + ns.suffix, project = "t" + ns.suffix;
            DaemonProcess d = new DaemonProcess("--bridge", bridge).inside(ns);
            try {
                d.start();
                String bystander = ok(d, "run", "-d", "--name", "bystander", "--network", "other", "-l", "role=bystander",
                        KilnProcess.guest("tests/ticker.elf").toString(), "--", "1000").stdout().strip();

                KilnProcess up = ok(d, "compose", "-f", EXAMPLE.toString(), "-p", project, "up", "-d");
                String kv = project + "-kv-1", front = project + "-front-1";
                List<String> steps = up.stdout().lines().toList();
                assertEquals(List.of("VM " + kv + " started", "VM " + kv + " healthy", "VM " + front + " started"), steps,
                        "kv first, front once kv is healthy:\n" + up);
                d.awaitOutput("front listening on port 80", "logs", "-f", front);

                Tools.Result first = ns.run(90, "curl", "-sS", "-m", "60", "http://127.0.0.1:8080/");
                Tools.Result second = ns.run(90, "curl", "-sS", "-m", "60", "http://127.0.0.1:8080/");
                assertTrue(first.output().matches("visit 1, counted by kv at 10\\.89\\.0\\.\\d+:7000\n"), first.output());
                assertTrue(second.output().matches("visit 2, counted by kv at 10\\.89\\.0\\.\\d+:7000\n"), second.output());
                String kvAddress = first.output().substring(first.output().indexOf(" at ") + 4, first.output().lastIndexOf(':'));
                assertTrue(ok(d, "inspect", kv).stdout().contains("\"guest " + kvAddress + "/16"), "front reached kv's own address");

                KilnProcess ps = ok(d, "compose", "-p", project, "ps");
                List<String> rows = ps.stdout().lines().toList();
                assertEquals(3, rows.size(), ps.stdout());
                assertTrue(rows.get(0).startsWith("NAME") && rows.get(0).contains("SERVICE"), ps.stdout());
                assertTrue(rows.get(1).startsWith(kv + " ") && rows.get(1).contains(" kv ") && rows.get(1).contains("Up "), ps.stdout());
                assertTrue(rows.get(2).startsWith(front + " ") && rows.get(2).contains("127.0.0.1:8080->80/tcp"), ps.stdout());
                assertFalse(ps.stdout().contains("bystander"), ps.stdout());
                String byLabel = ok(d, "ps", "--format", "json", "--filter", "label=dev.kiln.compose.project=" + project).stdout();
                assertEquals(2, byLabel.lines().count(), byLabel);
                assertTrue(byLabel.contains("\"dev.kiln.compose.service\":\"kv\"") && byLabel.contains("\"tier\":\"front\""), byLabel);
                assertEquals(List.of(bystander.substring(0, 12)), ok(d, "ps", "-q", "--filter", "label=role=bystander").stdout().lines().toList());

                KilnProcess logs = ok(d, "compose", "-p", project, "logs");
                assertTrue(logs.stdout().contains("kv-1     | kv: visits = 2\n"), logs.stdout());
                assertTrue(logs.stdout().contains("front-1  | front: visit 2, counted by kv at " + kvAddress + ":7000\n"), logs.stdout());
                assertTrue(logs.stderr().contains("kv-1     | kiln: health: healthy"), logs.stderr());
                d.awaitOutput("front-1  | front: visit 2, counted by kv at " + kvAddress, "compose", "-p", project, "logs", "-f");
                KilnProcess onlyKv = ok(d, "compose", "-p", project, "logs", "kv");
                assertFalse(onlyKv.stdout().contains("front"), onlyKv.stdout());

                // up again: nothing changed, nothing is replaced
                KilnProcess again = ok(d, "compose", "-f", EXAMPLE.toString(), "-p", project, "up", "-d");
                assertEquals(List.of("VM " + kv + " running", "VM " + kv + " healthy", "VM " + front + " running"), again.stdout().lines().toList(),
                        again.toString());
                assertEquals(3, taps(ns, bridge).size(), "kv, front and the bystander");

                KilnProcess down = ok(d, "compose", "-p", project, "down", "-t", "0");
                assertTrue(down.stdout().contains("VM " + front + " removed\n") && down.stdout().contains("VM " + kv + " removed\n"), down.toString());
                assertTrue(down.stdout().indexOf(front + " removed") < down.stdout().indexOf(kv + " removed"), "the reverse of up's order:\n" + down);
                assertEquals("", ok(d, "compose", "-p", project, "ps", "-a").stdout().lines().skip(1).reduce("", String::concat));
                List<String> all = ok(d, "ps", "-a", "--format", "json").stdout().lines().toList();
                assertEquals(1, all.size(), "only the bystander is left: " + all);
                assertTrue(all.get(0).contains("\"name\":\"bystander\"") && all.get(0).contains("\"status\":\"running\""), all.get(0));
                List<String> taps = taps(ns, bridge);
                assertEquals(List.of("kiln" + bystander.substring(0, 10)), taps, "only the bystander's tap is left");
                String leases = Files.readString(d.stateDir.resolve("network/addresses.json"));
                assertFalse(leases.contains("\"" + kvAddress + "\""), "kv's address was released: " + leases);
                Tools.Result gone = ns.run(90, "curl", "-sS", "-m", "10", "http://127.0.0.1:8080/");
                assertTrue(gone.status() != 0, "nothing listens on 8080 any more: " + gone.output());
            } finally {
                d.close();
            }
        }
    }

    @Test
    void upInTheForegroundFollowsTheLogsAndStopsTheProjectOnSigterm() throws Exception {
        Tools.require("ip");
        try (NetNs ns = new NetNs()) {
            String project = "f" + ns.suffix;
            DaemonProcess d = new DaemonProcess("--bridge", "kb" + ns.suffix).inside(ns);
            try {
                d.start();
                ProcessBuilder pb = new ProcessBuilder(ServiceImages.kiln("compose", "-f", EXAMPLE.toString(), "-p", project, "up",
                        "-t", "0"));
                pb.environment().putAll(d.env());
                pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
                Process up = pb.redirectErrorStream(true).start();
                ProcessOutput out = new ProcessOutput(up, "compose-up");
                assertNull(out.await("front-1  | front listening on port 80", 600_000), out.text());
                up.toHandle().destroy(); // SIGTERM: the JVM runs the same shutdown hook as for Ctrl-C's SIGINT
                assertTrue(up.waitFor(120, TimeUnit.SECONDS), out.text());
                out.drain(2000);
                assertTrue(out.text().contains("kiln: stopping project " + project), out.text());
                String ps = ok(d, "compose", "-p", project, "ps", "-a").stdout();
                assertEquals(2, ps.lines().filter(l -> l.contains("Exited (137)")).count(), ps);
                ok(d, "compose", "-p", project, "down");
            } finally {
                d.close();
            }
        }
    }

    /**
     * A service_healthy dependency whose check fails (kv probed on a port it does not listen on)
     * turns unhealthy: up says so in one line, exits 1 and never starts the service that needed it.
     */
    @Test
    void upStopsWhenAServiceHealthyDependencyTurnsUnhealthy() throws Exception {
        Tools.require("ip");
        Path example = EXAMPLE.getParent();
        Path dir = Files.createTempDirectory("kiln-compose-unhealthy");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n"
                + "  kv:\n    build: " + example.resolve("kv") + "\n    command: [\"7000\"]\n"
                + "    healthcheck: {test: tcp:7001, interval: 100ms, timeout: 1s, retries: 2}\n"
                + "  front:\n    build: " + example.resolve("front") + "\n    command: kv 7000\n"
                + "    depends_on: {kv: {condition: service_healthy}}\n");
        try (NetNs ns = new NetNs()) {
            String project = "u" + ns.suffix;
            DaemonProcess d = new DaemonProcess("--bridge", "kb" + ns.suffix).inside(ns);
            try {
                d.start();
                KilnProcess up = d.kiln("compose", "-f", file.toString(), "-p", project, "up", "-d");
                assertEquals(1, up.exitStatus(), up.toString());
                assertTrue(up.stderr().endsWith("kiln: error: dependency " + project + "-kv-1 is unhealthy (kiln logs " + project + "-kv-1)\n"),
                        up.stderr());
                assertEquals(List.of("VM " + project + "-kv-1 started"), up.stdout().lines().toList(), up.toString());
                String ps = ok(d, "compose", "-p", project, "ps", "-a").stdout();
                assertTrue(ps.contains("(unhealthy)") && !ps.contains("front"), ps);
                ok(d, "compose", "-p", project, "down", "-t", "0");
            } finally {
                d.close();
            }
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }

    @Test
    void aBadFileIsOneLineWithItsLineAndNoDaemonIsStarted() throws Exception {
        Path dir = Files.createTempDirectory("kiln-compose-bad");
        Path file = dir.resolve("compose.yaml");
        Path socket = dir.resolve("kiln.sock");
        // were a daemon started, its state would stay in dir (and the socket's existence fails the test)
        Map<String, String> env = Map.of("KILN_HOST", "unix://" + socket, "KILN_STATE_DIR", dir.resolve("state").toString());
        try {
            Files.writeString(file, "services:\n  web:\n    image: web.elf\n    volumes: [./data:/data]\n");
            KilnProcess r = KilnProcess.run(env, "compose", "-f", file.toString(), "up", "-d");
            assertEquals(125, r.exitStatus(), r.toString());
            assertEquals("kiln: error: " + file + ":4: services.web.volumes: not supported by Kiln\n", r.stderr());

            Files.writeString(file, "services:\n  web:\n    restart: always\n    image: web.elf\n");
            r = KilnProcess.run(env, "compose", "-f", file.toString(), "up", "-d");
            assertEquals(125, r.exitStatus(), r.toString());
            assertEquals("kiln: error: " + file + ":4: services.web.image: no such file " + dir.resolve("web.elf") + "\n", r.stderr());
            assertFalse(Files.exists(socket), "a daemon was started for a project that cannot come up");
        } finally {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static KilnProcess ok(DaemonProcess d, String... args) throws Exception {
        KilnProcess r = d.kiln(args);
        assertEquals(0, r.exitStatus(), "kiln " + String.join(" ", args) + ":\n" + r);
        return r;
    }

    private static List<String> taps(NetNs ns, String bridge) throws Exception {
        return ns.ns.ip("-o", "link", "show", "master", bridge).lines().map(l -> l.split(":? +|@")[1].replace(":", "")).toList();
    }
}
