package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.oci.image.Json;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kiln-oci driven directly, as a shim drives runc: a Kiln container's whole life in a pod
 * network (a namespace with eth0 on a veth whose peer is a client namespace, both made here),
 * its cgroup and memory limit, errors as JSON in --log, refusals, and the hand-off of other
 * bundles to runc. After delete nothing of the container is left.
 */
class KilnOciRuntimeTest {
    private static Path httpServer;

    @BeforeAll
    static void prerequisites() throws Exception {
        Tools.require("runc", "nsenter", "ip", "tc", "curl");
        httpServer = ServiceImages.image("examples/http-server");
    }

    private static String rand() {
        return Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24, 1 << 28));
    }

    @Test
    void aKilnContainerLivesInItsPodNetworkAndCgroupAndLeavesNothing(@TempDir Path tmp) throws Exception {
        String r = rand(), id = "kiln-" + r;
        String cgParent = "kiln-oci-test-" + r;
        Path root = tmp.resolve("root"), log = tmp.resolve("log.json"), console = tmp.resolve("console"), pidFile = tmp.resolve("pid");
        try (NetworkNamespace podNs = NetworkNamespace.create("ko-pod-"); NetworkNamespace cliNs = NetworkNamespace.create("ko-cli-")) {
            String pod = podNs.name(), cli = cliNs.name();
            sh("ip", "-n", cli, "link", "add", "veth0", "type", "veth", "peer", "name", "eth0", "netns", pod);
            sh("ip", "-n", cli, "addr", "add", "10.78.0.1/24", "dev", "veth0");
            sh("ip", "-n", cli, "link", "set", "veth0", "up");
            sh("ip", "-n", pod, "addr", "add", "10.78.0.2/24", "dev", "eth0");
            sh("ip", "-n", pod, "link", "set", "eth0", "up");
            sh("ip", "-n", pod, "route", "add", "default", "via", "10.78.0.1");
            OciBundle b = OciBundle.kiln(tmp.resolve("bundle"), httpServer, List.of())
                    .networkNamespace("/var/run/netns/" + pod).cgroupsPath("/" + cgParent + "/" + id).memoryLimit(256L << 20)
                    .oomScoreAdj(937); // a Burstable pod's score: raising needs no privilege
            b.write();
            var create = KilnOciLauncher.run(Map.of(), console, tmp.resolve("create.err"), "--root", root.toString(), "--log",
                    log.toString(), "--log-format", "json", "create", "--bundle", b.dir.toString(), "--pid-file", pidFile.toString(), id);
            assertEquals(0, create.status(), create.stderr() + (Files.exists(log) ? Files.readString(log) : ""));
            int pid = Integer.parseInt(Files.readString(pidFile).strip());
            assertEquals("created", state(root, id, tmp).path("status").asText());
            assertEquals(pid, state(root, id, tmp).path("pid").asInt());
            launcherAndJvmAgreeOnState(root, id, tmp);
            String monitor = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
            assertTrue(monitor.contains("KilnOci") && monitor.contains(" create "), "the container's process is the JVM that ran create: " + monitor);
            Path memcg = Path.of("/sys/fs/cgroup/memory", cgParent, id);
            assertEquals(String.valueOf(256L << 20), Files.readString(memcg.resolve("memory.limit_in_bytes")).strip());
            assertEquals(List.of(String.valueOf(pid)), Files.readAllLines(memcg.resolve("cgroup.procs")));
            assertEquals("937", Files.readString(Path.of("/proc", String.valueOf(pid), "oom_score_adj")).strip(), "the monitor's OOM score");
            String tap = sh("ip", "-n", pod, "-o", "link", "show", "type", "tun");
            assertTrue(tap.contains("kt"), tap);
            assertFalse(sh("ip", "-n", pod, "-4", "addr", "show", "dev", "eth0").contains("10.78.0.2"), "eth0 keeps its address");

            var start = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "start", id);
            assertEquals(0, start.status(), start.stderr());
            assertEquals("running", state(root, id, tmp).path("status").asText());
            String page = curlUntilAnswered(cli, "http://10.78.0.2/");
            launcherAndJvmAgreeOnState(root, id, tmp);
            assertTrue(page.contains("Hello from Kiln"), page);
            assertTrue(Files.readString(console).contains("http-server listening on port 80"), Files.readString(console));

            var exec = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "exec", id, "/bin/sh");
            assertEquals(1, exec.status());
            assertTrue(exec.stderr().contains("exec is not supported in a Kiln container"), exec.stderr());
            var busy = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "delete", id);
            assertEquals(1, busy.status());
            assertTrue(busy.stderr().contains("not stopped"), busy.stderr());

            var kill = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "kill", id, "TERM");
            assertEquals(0, kill.status(), kill.stderr());
            awaitStopped(root, id, tmp);
            launcherAndJvmAgreeOnState(root, id, tmp);
            launcherAndJvmAgreeOnKillingTheStopped(root, id, tmp);
            // The launcher answers start only on its ordinary path; the error is the JVM's, as a caller reads it.
            var late = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "start", id);
            assertEquals(1, late.status());
            assertTrue(late.stderr().contains("cannot start a container that has stopped"), late.stderr());
            var delete = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "delete", id);
            assertEquals(0, delete.status(), delete.stderr());

            assertFalse(Files.exists(Path.of("/proc", String.valueOf(pid), "exe")) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "the monitor is still alive");
            assertFalse(sh("ip", "-n", pod, "-o", "link", "show").contains("kt"), "the tap is left");
            assertFalse(sh("tc", "-n", pod, "qdisc", "show", "dev", "eth0").contains("ingress"), "the ingress qdisc is left");
            assertTrue(sh("ip", "-n", pod, "-4", "addr", "show", "dev", "eth0").contains("10.78.0.2/24"), "eth0's address is not back");
            assertTrue(sh("ip", "-n", pod, "route", "show", "default").contains("via 10.78.0.1"), "the default route is not back");
            assertFalse(Files.exists(memcg), "the cgroup is left");
            assertFalse(Files.exists(root.resolve("kiln").resolve(id)), "the state is left");
        } finally {
            removeCgroupParent(cgParent);
        }
    }

    @Test
    void createErrorsGoToTheLogAsJson(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root"), log = tmp.resolve("log.json");
        OciBundle t = OciBundle.kiln(tmp.resolve("tty"), httpServer, List.of()).terminal();
        t.write();
        var r = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "--log", log.toString(),
                "--log-format", "json", "create", "--bundle", t.dir.toString(), "tty" + rand());
        assertEquals(1, r.status());
        JsonNode line = Json.tree(Files.readAllLines(log).getLast().getBytes(), "log");
        assertEquals("error", line.path("level").asText());
        assertTrue(line.path("msg").asText().contains("terminal"), line.toString());
        assertTrue(line.has("time"));

        OciBundle small = OciBundle.kiln(tmp.resolve("small"), httpServer, List.of()).memoryLimit(40L << 20);
        small.write();
        r = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "--log", log.toString(),
                "--log-format", "json", "create", "--bundle", small.dir.toString(), "small" + rand());
        assertEquals(1, r.status());
        assertTrue(Files.readAllLines(log).getLast().contains("cannot hold the guest"), Files.readString(log));

        OciBundle entry = OciBundle.kiln(tmp.resolve("entry"), httpServer, List.of());
        ((com.fasterxml.jackson.databind.node.ArrayNode) entry.process().path("args")).set(0, "/bin/sh");
        entry.write();
        r = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "--log", log.toString(),
                "--log-format", "json", "create", "--bundle", entry.dir.toString(), "entry" + rand());
        assertEquals(1, r.status());
        assertTrue(Files.readAllLines(log).getLast().contains("process.args[0]"), Files.readString(log));
        if (Files.exists(root.resolve("kiln"))) {
            try (var s = Files.list(root.resolve("kiln"))) {
                assertEquals(0, s.count(), "a failed create left state behind");
            }
        }
    }

    @Test
    void bundlesWithoutAKilnImageAreHandedToRunc(@TempDir Path tmp) throws Exception {
        Tools.require("catatonit");
        Path root = tmp.resolve("root");
        String id = "plain-" + rand();
        OciBundle b = OciBundle.program(tmp.resolve("plain"), Path.of("/usr/bin/catatonit"), List.of("-P"));
        b.write();
        var create = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "create",
                "--bundle", b.dir.toString(), id);
        assertEquals(0, create.status(), create.stderr());
        assertTrue(Files.isDirectory(root.resolve(id)), "runc's own state directory");
        JsonNode st = state(root, id, tmp);
        assertEquals("created", st.path("status").asText());
        var delete = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "delete", "--force", id);
        assertEquals(0, delete.status(), delete.stderr());
        assertFalse(Files.exists(root.resolve(id)));

        Path log = tmp.resolve("log.json");
        var noRunc = KilnOciLauncher.run(Map.of("KILN_OCI_RUNC", "/nonexistent/runc"), tmp.resolve("o"), tmp.resolve("e"),
                "--root", root.toString(), "--log", log.toString(), "--log-format", "json", "create", "--bundle", b.dir.toString(), id);
        assertEquals(1, noRunc.status());
        assertTrue(Files.readString(log).contains("runc is not installed"), Files.readString(log));
    }

    /**
     * The kubelet gives a pod's sandbox oomScoreAdj -998. Where CAP_SYS_RESOURCE is missing
     * (this machine's bounding set lacks it) runc dies on the write with only "can't get final
     * child's PID from pipe: EOF"; kiln-oci must say what is wrong. Where it is present, runc
     * runs the container with that score.
     */
    @Test
    void aSandboxScoreTheHostCannotGrantIsNamedNotLeftToRunc(@TempDir Path tmp) throws Exception {
        Tools.require("catatonit");
        Path root = tmp.resolve("root"), log = tmp.resolve("log.json");
        String id = "sandbox-" + rand();
        OciBundle b = OciBundle.program(tmp.resolve("pause"), Path.of("/usr/bin/catatonit"), List.of("-P")).oomScoreAdj(-998);
        b.write();
        var create = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "--log",
                log.toString(), "--log-format", "json", "create", "--bundle", b.dir.toString(), id);
        if (capSysResourceInBoundingSet()) {
            assertEquals(0, create.status(), create.stderr());
            int pid = state(root, id, tmp).path("pid").asInt();
            assertEquals("-998", Files.readString(Path.of("/proc", String.valueOf(pid), "oom_score_adj")).strip());
            var delete = KilnOciLauncher.run(Map.of(), tmp.resolve("o"), tmp.resolve("e"), "--root", root.toString(), "delete", "--force", id);
            assertEquals(0, delete.status(), delete.stderr());
        } else {
            assertEquals(1, create.status(), create.stderr());
            String msg = Json.tree(Files.readAllLines(log).getLast().getBytes(), "log").path("msg").asText();
            assertTrue(msg.contains("oomScoreAdj -998") && msg.contains("CAP_SYS_RESOURCE") && msg.contains("restrict_oom_score_adj"), msg);
            assertFalse(Files.exists(root.resolve(id)), "runc was run after all");
        }
    }

    private static boolean capSysResourceInBoundingSet() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapBnd:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) >>> 24 & 1) != 0;
        }
        throw new AssertionError("no CapBnd in /proc/self/status");
    }

    /** The parent directory of the test's cgroups (runc leaves parents too; the test made it, the test removes it). */
    static void removeCgroupParent(String name) throws Exception {
        try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path h : hierarchies.toList()) {
                Path d = h.resolve(name);
                if (Files.isDirectory(d)) Files.delete(d);
            }
        }
    }

    private static JsonNode state(Path root, String id, Path tmp) throws Exception {
        var r = KilnOciLauncher.run(Map.of(), tmp.resolve("state.out"), tmp.resolve("state.err"), "--root", root.toString(), "state", id);
        assertEquals(0, r.status(), r.stderr());
        return Json.tree(r.stdout().getBytes(), "state");
    }

    /**
     * The launcher answers state by itself from the files create wrote (docs/oci.md, "Start-up");
     * its answer must be, byte for byte, the one the JVM gives (KILN_OCI_JVM_ONLY=1) in this status.
     */
    private static void launcherAndJvmAgreeOnState(Path root, String id, Path tmp) throws Exception {
        var script = KilnOciLauncher.run(Map.of(), tmp.resolve("s.out"), tmp.resolve("s.err"), "--root", root.toString(), "state", id);
        var jvm = KilnOciLauncher.run(Map.of("KILN_OCI_JVM_ONLY", "1"), tmp.resolve("j.out"), tmp.resolve("j.err"), "--root", root.toString(),
                "state", id);
        assertEquals(0, script.status(), script.stderr());
        assertEquals(0, jvm.status(), jvm.stderr());
        assertEquals(jvm.stdout(), script.stdout(), "state from the launcher vs from the JVM");
    }

    /**
     * containerd's shim sends `kill --all ID 9` after the container has ended and takes "container
     * not running" as "already finished"; the launcher answers that itself, and must answer as the
     * JVM does: status 1, the same stderr, the same logrus line in --log (its time aside).
     */
    private static void launcherAndJvmAgreeOnKillingTheStopped(Path root, String id, Path tmp) throws Exception {
        Path scriptLog = tmp.resolve("kill-script.json"), jvmLog = tmp.resolve("kill-jvm.json");
        var script = KilnOciLauncher.run(Map.of(), tmp.resolve("k.out"), tmp.resolve("k.err"), "--root", root.toString(),
                "--log", scriptLog.toString(), "--log-format", "json", "kill", "--all", id, "9");
        var jvm = KilnOciLauncher.run(Map.of("KILN_OCI_JVM_ONLY", "1"), tmp.resolve("kj.out"), tmp.resolve("kj.err"), "--root",
                root.toString(), "--log", jvmLog.toString(), "--log-format", "json", "kill", "--all", id, "9");
        assertEquals(1, jvm.status(), jvm.stderr());
        assertEquals(1, script.status(), script.stderr());
        assertEquals("kiln-oci: container not running\n", jvm.stderr());
        assertEquals(jvm.stderr(), script.stderr());
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (Path log : List.of(scriptLog, jvmLog)) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(Files.readString(log).strip().getBytes(), log.toString());
            java.time.Instant.parse(node.remove("time").asText()); // RFC 3339, as logrus parses it
            lines.add(node);
        }
        assertEquals(lines.get(1), lines.get(0), "the log line from the launcher vs from the JVM");
    }

    private static void awaitStopped(Path root, String id, Path tmp) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!state(root, id, tmp).path("status").asText().equals("stopped")) {
            if (System.nanoTime() > deadline) throw new AssertionError("the container did not stop within 60 s of SIGTERM");
            Thread.sleep(100);
        }
    }

    /** curl from the client namespace until the server answers (the guest needs a moment after start). */
    static String curlUntilAnswered(String ns, String url) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Tools.Result r = Tools.run(30, "ip", "netns", "exec", ns, "curl", "-sS", "-m", "5", url);
            if (r.status() == 0) return r.output();
            if (System.nanoTime() > deadline) throw new AssertionError("no answer from " + url + " within 60 s: " + r.output());
            Thread.sleep(200);
        }
    }

    static String sh(String... cmd) throws Exception {
        Tools.Result r = Tools.run(30, cmd);
        if (r.status() != 0) throw new AssertionError(String.join(" ", cmd) + ": " + r.output());
        return r.output();
    }
}
