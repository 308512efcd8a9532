package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.VmSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every verb of the daemon, as a user types it, against `kiln daemon` running as a real
 * process with real VMs (the C test guests): what they print, their exit statuses, and the
 * daemon surviving a SIGKILL with its VMs and logs.
 */
class EngineCliTest {
    static DaemonProcess d;

    @BeforeAll
    static void start() throws Exception {
        d = new DaemonProcess().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (d != null) d.close();
    }

    static String guest(String name) {
        return KilnProcess.guest("tests/" + name + ".elf").toString();
    }

    private static KilnProcess ok(DaemonProcess daemon, String... args) throws Exception {
        KilnProcess r = daemon.kiln(args);
        assertEquals(0, r.exitStatus(), "kiln " + String.join(" ", args) + ":\n" + r);
        return r;
    }

    @Test
    void everyVerbAsAUserTypesIt() throws Exception {
        KilnProcess run = ok(d, "run", "-d", "--name", "tick", guest("ticker"), "--", "50");
        assertTrue(run.stdout().strip().matches("[0-9a-f]{64}"), "run -d prints the id:\n" + run);
        String id = run.stdout().strip();
        ok(d, "run", "-d", "--name", "five", guest("ticker"), "--", "10", "5", "7");

        // logs -f of a VM that prints five lines and exits 7: all of them, then it ends by itself
        KilnProcess follow = ok(d, "logs", "-f", "five");
        assertEquals("tick 1\ntick 2\ntick 3\ntick 4\ntick 5\n", follow.stdout());
        assertTrue(follow.stderr().contains("kiln: the VM ended after") && follow.stderr().contains("exited with status 7"),
                follow.stderr());
        assertEquals("7\n", ok(d, "wait", "five").stdout());

        KilnProcess ps = ok(d, "ps");
        List<String> lines = ps.stdout().lines().toList();
        assertTrue(lines.getFirst().matches("VM ID +IMAGE +CREATED +STATUS +PORTS +NAMES"), ps.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(id.substring(0, 12)) && l.contains("Up ") && l.endsWith("tick")), ps.stdout());
        assertFalse(ps.stdout().contains("five"), "ps shows running VMs only:\n" + ps.stdout());
        KilnProcess all = ok(d, "ps", "-a");
        assertTrue(all.stdout().lines().anyMatch(l -> l.contains("Exited (7)") && l.endsWith("five")), all.stdout());
        assertTrue(ok(d, "ps", "-a", "-q").stdout().lines().anyMatch(l -> l.equals(id.substring(0, 12))));
        List<VmSummary> json = new ArrayList<>();
        for (String line : ok(d, "ps", "-a", "--format", "json").stdout().lines().toList()) {
            json.add(ApiJson.mapper().readValue(line, VmSummary.class));
        }
        assertTrue(json.stream().anyMatch(v -> v.id().equals(id) && v.name().equals("tick")), json.toString());

        // logs by id prefix, --tail, -t
        KilnProcess tail = ok(d, "logs", "--tail", "2", id.substring(0, 8));
        assertEquals(2, tail.stdout().lines().count(), tail.stdout());
        assertTrue(tail.stdout().lines().allMatch(l -> l.matches("tick \\d+")), tail.stdout());
        KilnProcess stamped = ok(d, "logs", "-t", "--tail", "1", "tick");
        assertTrue(stamped.stdout().matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z tick \\d+\\n"), stamped.stdout());
        assertEquals("", ok(d, "logs", "--since", "2100-01-01T00:00:00Z", "tick").stdout());

        JsonNode inspect = ApiJson.mapper().readTree(ok(d, "inspect", "tick").stdout());
        assertEquals("running", inspect.get(0).get("state").get("status").asText());
        assertEquals(id, inspect.get(0).get("id").asText());
        assertTrue(ok(d, "inspect", guest("hello")).stdout().contains("text: "), "inspect of an image file still works");

        KilnProcess stop = ok(d, "stop", "-t", "0", "tick");
        assertEquals("tick\n", stop.stdout());
        assertTrue(stop.stderr().contains("killed after the 0 s grace period"), stop.stderr());
        assertEquals("137\n", ok(d, "wait", "tick").stdout());
        assertEquals("tick\n", ok(d, "start", "tick").stdout());
        assertTrue(ok(d, "restart", "-t", "0", "tick").stderr().contains("killed after the 0 s grace period"));
        KilnProcess term = d.kiln("kill", "-s", "TERM", "tick");
        assertEquals(1, term.exitStatus(), term.toString());
        assertTrue(term.stderr().contains("kiln: error: signal SIGTERM cannot reach a guest yet"), term.stderr());
        assertEquals("tick\n", ok(d, "kill", "tick").stdout());
        KilnProcess notRunning = d.kiln("kill", "tick");
        assertEquals(1, notRunning.exitStatus());
        assertEquals("kiln: error: VM tick is not running\n", notRunning.stderr());

        ok(d, "start", "tick");
        KilnProcess busy = d.kiln("rm", "tick");
        assertEquals(1, busy.exitStatus());
        assertTrue(busy.stderr().contains("stop it first or force the removal (rm -f)"), busy.stderr());
        KilnProcess events = ok(d, "events", "--since", "10m", "--until", Instant.now().plusMillis(1).toString(),
                "--filter", "vm=tick");
        for (String action : List.of("create", "start", "die", "stop", "kill", "restart")) {
            assertTrue(events.stdout().lines().anyMatch(l -> l.contains(" vm " + action + " " + id)), action + " missing:\n" + events.stdout());
        }
        assertTrue(events.stdout().lines().allMatch(l -> l.contains("name=tick")), events.stdout());
        assertEquals("tick\nfive\n", ok(d, "rm", "-f", "tick", "five").stdout());

        KilnProcess gone = d.kiln("stop", "tick", "nosuch");
        assertEquals(1, gone.exitStatus());
        assertEquals("kiln: error: no such VM: tick\nkiln: error: no such VM: nosuch\n", gone.stderr());
    }

    @Test
    void mistakesAreOneLineWithKilnsExitStatuses() throws Exception {
        KilnProcess timeout = d.kiln("run", "-d", "--timeout", "5", guest("hello"));
        assertEquals(125, timeout.exitStatus());
        assertTrue(timeout.stderr().contains("are for a foreground kiln run, not -d"), timeout.stderr());
        KilnProcess policy = d.kiln("run", "-d", "--restart", "sometimes", guest("hello"));
        assertEquals(125, policy.exitStatus());
        assertTrue(policy.stderr().contains("restart policy \"sometimes\" is not one of"), policy.stderr());
        KilnProcess nameWithoutD = d.kiln("run", "--name", "x1", guest("hello"));
        assertEquals(125, nameWithoutD.exitStatus());
        assertTrue(nameWithoutD.stderr().contains("are for kiln run -d"), nameWithoutD.stderr());
        KilnProcess healthWithoutNet = d.kiln("run", "-d", "--health", "tcp:80", guest("hello"));
        assertEquals(125, healthWithoutNet.exitStatus());
        assertTrue(healthWithoutNet.stderr().contains("a health check needs the VM's network"), healthWithoutNet.stderr());
        KilnProcess tcp = KilnProcess.run(Map.of("KILN_HOST", "tcp://127.0.0.1:2375"), "ps");
        assertEquals(125, tcp.exitStatus(), "a bad value is kiln's own mistake, as for kiln run");
        assertTrue(tcp.stderr().contains("there is no TCP API"), tcp.stderr());
        Path nowhere = d.dir.resolve("nowhere.sock");
        KilnProcess none = KilnProcess.run(Map.of("KILN_HOST", "unix://" + nowhere), "ps");
        assertEquals(1, none.exitStatus());
        assertEquals("kiln: error: cannot reach the kiln daemon at unix://" + nowhere
                + ": no such socket (is `kiln daemon` running? `kiln run -d` starts one)\n", none.stderr());
        KilnProcess tail = d.kiln("logs", "--tail", "many", "nosuch");
        assertEquals(125, tail.exitStatus());
        assertEquals("kiln: error: --tail takes a number or all, not 'many'\n", tail.stderr());
        KilnProcess dup = d.kiln("run", "-d", "--name", "dup", guest("hello"));
        assertEquals(0, dup.exitStatus(), dup.toString());
        KilnProcess again = d.kiln("run", "-d", "--name", "dup", guest("hello"));
        assertEquals(125, again.exitStatus());
        assertTrue(again.stderr().startsWith("kiln: error: the name dup is already used by VM "), again.stderr());
        ok(d, "rm", "-f", "dup");
    }

    @Test
    void aDaemonKilledWithSigkillComesBackWithItsVmsAndLogs() throws Exception {
        try (DaemonProcess own = new DaemonProcess().start()) {
            ok(own, "run", "-d", "--name", "keeper", "--restart", "always", guest("ticker"), "--", "20");
            ok(own, "run", "-d", "--name", "unless", "--restart", "unless-stopped", guest("ticker"), "--", "1000");
            ok(own, "run", "-d", "--name", "userstopped", "--restart", "unless-stopped", guest("ticker"), "--", "1000");
            ok(own, "stop", "-t", "0", "userstopped");
            ok(own, "run", "-d", "--name", "once", guest("ticker"), "--", "1000");
            ok(own, "run", "-d", "--name", "retry", "--restart", "on-failure:2", guest("ticker"), "--", "1000");
            // every line keeper printed before the kill must be there after it
            KilnProcess before = waitForLines(own, "keeper", 10);
            own.kill();
            own.start();
            KilnProcess ps = ok(own, "ps", "-a");
            for (String running : List.of("keeper", "unless", "retry")) {
                assertTrue(ps.stdout().lines().anyMatch(l -> l.contains("Up ") && l.endsWith(running)), running + ":\n" + ps.stdout());
            }
            assertTrue(ps.stdout().lines().anyMatch(l -> l.contains("Exited (137)") && l.endsWith(" once")), ps.stdout());
            assertTrue(ps.stdout().lines().anyMatch(l -> l.contains("Exited (137)") && l.endsWith("userstopped")), ps.stdout());
            JsonNode once = ApiJson.mapper().readTree(ok(own, "inspect", "once").stdout()).get(0).get("state");
            assertEquals("the daemon ended while the VM ran (noticed when the daemon started again)", once.get("exit").asText());
            assertEquals(0, ApiJson.mapper().readTree(ok(own, "inspect", "retry").stdout()).get(0).get("state")
                    .get("restartCount").asInt(), "a restore is no restart");
            KilnProcess after = ok(own, "logs", "keeper");
            assertTrue(after.stdout().startsWith(before.stdout()), "lost lines:\nbefore:\n" + before.stdout() + "\nafter:\n" + after.stdout());
            assertTrue(after.stderr().contains("the daemon ended while the VM ran"), after.stderr());
            assertTrue(own.output().contains("restored 3 VM(s) by their restart policy"), own.output());
        }
    }

    /** The VM's log once it holds at least n console lines (reading it as often as needed). */
    private static KilnProcess waitForLines(DaemonProcess daemon, String vm, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            KilnProcess logs = ok(daemon, "logs", vm);
            if (logs.stdout().lines().count() >= n) return logs;
            assertTrue(System.nanoTime() < deadline, vm + " printed fewer than " + n + " lines:\n" + logs);
        }
    }

    @Test
    void aSecondDaemonOnTheSameStateDirectoryRefuses() throws Exception {
        KilnProcess second = KilnProcess.run("daemon", "--host", "unix://" + d.dir.resolve("second.sock"),
                "--state-dir", d.stateDir.toString());
        assertEquals(125, second.exitStatus(), second.toString());
        assertTrue(second.stderr().contains("kiln: error: another kiln daemon (pid " + d.pid() + ") is using the state directory "
                + d.stateDir), second.stderr());
        KilnProcess sameSocket = KilnProcess.run("daemon", "--host", d.host(), "--state-dir", d.dir.resolve("other").toString());
        assertEquals(125, sameSocket.exitStatus(), sameSocket.toString());
        assertTrue(sameSocket.stderr().contains("another daemon is listening on " + d.socket), sameSocket.stderr());
        assertEquals(0, d.kiln("ps").exitStatus(), "the first daemon still answers");
    }

    @Test
    void theSocketLetsInItsGroupAndNobodyElse() throws Exception {
        Tools.require("setpriv", "curl");
        assertTrue(dev.kiln.vmm.hostnet.NetworkNamespace.isRoot(), "prerequisite missing: the access test runs as root");
        try (DaemonProcess grouped = new DaemonProcess("--group", "users").start()) {
            var attrs = Files.readAttributes(grouped.socket, java.nio.file.attribute.PosixFileAttributes.class);
            assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(attrs.permissions()));
            assertEquals("users", attrs.group().getName());
            List<String> curl = List.of("curl", "-sS", "--unix-socket", grouped.socket.toString(), "http://kiln/v1/info");
            List<String> stranger = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            stranger.addAll(curl);
            Tools.Result refused = Tools.run(60, stranger);
            assertEquals(7, refused.status(), "curl as uid 65534 must not connect:\n" + refused.output());
            assertTrue(refused.output().contains("Permission denied") || refused.output().contains("Couldn't connect"), refused.output());
            List<String> member = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--groups=users"));
            member.addAll(curl);
            Tools.Result allowed = Tools.run(60, member);
            assertEquals(0, allowed.status(), allowed.output());
            assertTrue(allowed.output().contains("\"api\":\"v1\""), allowed.output());
        }
    }

    @Test
    void runDetachedStartsADaemonWhenNoneAnswers() throws Exception {
        Path dir = Files.createTempDirectory("kiln-autostart");
        Path socket = dir.resolve("kiln.sock");
        Map<String, String> env = Map.of("KILN_HOST", "unix://" + socket, "KILN_STATE_DIR", dir.resolve("state").toString());
        try {
            KilnProcess run = KilnProcess.run(env, "run", "-d", "--name", "auto", guest("ticker"), "--", "1000");
            assertEquals(0, run.exitStatus(), run.toString());
            assertTrue(run.stderr().contains("kiln: no daemon answers on unix://" + socket + ": starting one (its log: "
                    + dir.resolve("state").resolve("daemon.log") + ")"), run.stderr());
            KilnProcess ps = KilnProcess.run(env, "ps");
            assertTrue(ps.stdout().lines().anyMatch(l -> l.endsWith("auto") && l.contains("Up ")), ps.toString());
            KilnProcess second = KilnProcess.run(env, "run", "-d", "--name", "auto2", guest("ticker"), "--", "1000");
            assertFalse(second.stderr().contains("starting one"), "the second run -d uses the running daemon:\n" + second);
        } finally {
            Path lock = dir.resolve("state").resolve("lock"); // holds the daemon's pid
            if (Files.exists(lock)) ProcessHandle.of(Long.parseLong(Files.readString(lock).strip())).ifPresent(ProcessHandle::destroyForcibly);
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aHealthCheckTurnsUnhealthyAndBackAndPublishedPortsServe() throws Exception {
        Tools.require("curl");
        // healthflip: GET /health answers 200 three times, 503 three times, then 200 again
        String image = ServiceImages.image("cli/src/test/apps/healthflip").toString();
        int port = Tools.freePort();
        Process events = background("events", "--filter", "vm=flip");
        ProcessOutput out = new ProcessOutput(events, "events-flip");
        try {
            ok(d, "run", "-d", "--name", "flip", "-p", port + ":80", "--health", "http:80/health", "--health-interval", "200ms",
                    "--health-retries", "2", "--health-start-period", "60s", image);
            String healthy = "(health=healthy, name=flip)", unhealthy = "(health=unhealthy, name=flip)";
            assertNull(out.await(healthy, 120_000));
            int first = out.text().indexOf(healthy);
            assertNull(out.await(unhealthy, first, 120_000));
            assertNull(out.await(healthy, out.text().indexOf(unhealthy, first), 120_000), "and healthy again");
            KilnProcess ps = ok(d, "ps");
            assertTrue(ps.stdout().lines().anyMatch(l -> l.endsWith("flip") && l.contains("(healthy)")
                    && l.contains("127.0.0.1:" + port + "->80/tcp")), ps.stdout());
            JsonNode health = ApiJson.mapper().readTree(ok(d, "inspect", "flip").stdout()).get(0).get("health");
            assertEquals("healthy", health.get("status").asText());
            assertTrue(health.get("log").get(0).get("output").asText().startsWith("GET /health: HTTP/1.1 "), health.toString());
            Tools.Result page = Tools.run(30, "curl", "-sS", "-m", "20", "http://127.0.0.1:" + port + "/");
            assertEquals("hello\n", page.output(), "the published port reaches the guest");
            KilnProcess logs = ok(d, "logs", "flip");
            assertTrue(logs.stdout().contains("health check 4: 503"), logs.stdout());
            assertTrue(logs.stderr().contains("kiln: health: unhealthy\nkiln: health: healthy"), logs.stderr());

            ok(d, "run", "-d", "--name", "tcpcheck", "-p", Tools.freePort() + ":80", "--health", "tcp:80", "--health-interval",
                    "200ms", image);
            Process tcpEvents = background("events", "--since", "10m", "--filter", "vm=tcpcheck");
            try {
                assertNull(new ProcessOutput(tcpEvents, "events-tcp").await("(health=healthy, name=tcpcheck)", 120_000));
            } finally {
                tcpEvents.destroy();
            }
        } finally {
            events.destroy();
            d.kiln("rm", "-f", "flip", "tcpcheck");
        }
    }

    /** A kiln verb against the shared daemon, running in the background (events). */
    private static Process background(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ServiceImages.kiln(args)).redirectErrorStream(true);
        pb.environment().putAll(d.env());
        pb.environment().put("KILN_HOME", System.getProperty("kiln.home"));
        return pb.start();
    }
}
