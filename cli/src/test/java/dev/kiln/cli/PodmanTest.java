package dev.kiln.cli;

import dev.kiln.vmm.hostnet.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * podman runs Kiln images with kiln-oci (`podman --runtime /abs/path/kiln-oci`): images
 * pulled from a local registry (an insecure one named in a registries.conf the test writes),
 * storage in temporary directories, and podman's own network (CNI's bridge) inside a network
 * namespace the test makes, so nothing of it reaches the host's. run (exit status and console),
 * run -d, ps, logs, stop, rm, 20 times over (-Dkiln.podman.cycles=N for another count); after every cycle
 * and after all of them, no process, mount, network namespace, tap, cgroup or state of the
 * containers is left.
 */
class PodmanTest {
    private static final int CYCLES = Integer.getInteger("kiln.podman.cycles", 20);

    @Test
    void podmanRunsKilnImagesThroughKilnOci(@TempDir Path tmp) throws Exception {
        Tools.require("podman", "conmon", "docker-registry", "nsenter", "curl");
        Path http = ServiceImages.image("examples/http-server");
        Path launcher = KilnOciLauncher.path();
        try (LocalRegistry registry = LocalRegistry.start(); NetworkNamespace ns = NetworkNamespace.create("ko-pm-")) {
            String exitRef = registry.host() + "/kiln/exit42:1", httpRef = registry.host() + "/kiln/http-server:1";
            assertEquals(0, KilnProcess.run("push", KilnProcess.guest("tests/exit42.elf").toString(), exitRef).exitStatus());
            assertEquals(0, KilnProcess.run("push", "--port", "80", http.toString(), httpRef).exitStatus());
            Path conf = tmp.resolve("registries.conf");
            Files.writeString(conf, "[[registry]]\nlocation = \"" + registry.host() + "\"\ninsecure = true\n");
            Map<String, String> env = Map.of("CONTAINERS_REGISTRIES_CONF", conf.toString());
            List<String> host = List.of("podman", "--root", tmp.resolve("storage").toString(), "--runroot", tmp.resolve("run").toString(),
                    "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--runtime", launcher.toString());
            // Containers run inside the test's namespace; pulls come from 127.0.0.1 in the host's.
            List<String> podman = new ArrayList<>(List.of("nsenter", "--net=/var/run/netns/" + ns.name()));
            podman.addAll(host);
            try {
                assertOk(run(env, host, "pull", exitRef));
                assertOk(run(env, host, "pull", httpRef));

                Tools.Result once = run(env, podman, "run", "--rm", "--network", "none", exitRef);
                assertEquals(42, once.status(), once.output());
                assertTrue(once.output().contains("exiting with 42"), once.output());

                List<String> ids = new ArrayList<>();
                List<Path> netns = new ArrayList<>();
                for (int i = 0; i < CYCLES; i++) {
                    String name = "web-" + i;
                    assertOk(run(env, podman, "run", "-d", "--name", name, httpRef));
                    Tools.Result ps = run(env, podman, "ps", "--format", "{{.Names}} {{.Status}}");
                    assertTrue(ps.output().contains(name + " Up"), ps.output());
                    // One inspect for the three facts: every podman command is a process start of its own.
                    String[] facts = assertOk(run(env, podman, "inspect", name, "--format",
                            "{{.NetworkSettings.IPAddress}} {{.NetworkSettings.SandboxKey}} {{.Id}}")).output().strip().split(" ");
                    assertEquals(3, facts.length, String.join(" ", facts));
                    String ip = facts[0], sandbox = facts[1], id = facts[2];
                    assertTrue(ip.matches("[0-9.]+"), ip);
                    assertTrue(sandbox.startsWith("/"), "the container's network namespace: " + sandbox);
                    netns.add(Path.of(sandbox));
                    String page = KilnOciRuntimeTest.curlUntilAnswered(ns.name(), "http://" + ip + "/");
                    assertTrue(page.contains("Hello from Kiln"), page);
                    ids.add(id);
                    Tools.Result logs = run(env, podman, "logs", name);
                    assertTrue(logs.output().contains("http-server listening on port 80"), logs.output());

                    assertOk(run(env, podman, "stop", "-t", "20", name));
                    Tools.Result stopped = run(env, podman, "ps", "-a", "--format", "{{.Names}} {{.Status}}");
                    assertTrue(stopped.output().contains(name + " Exited (143)"), stopped.output());
                    assertOk(run(env, podman, "rm", name));
                    // Each cycle leaves nothing (so nothing grows), and neither do all of them together.
                    Leftovers.assertNoneLeft("after cycle " + (i + 1), () -> "", () -> leftovers(List.of(id), List.of(Path.of(sandbox)), tmp, ns));
                }
                Leftovers.assertNoneLeft("after " + CYCLES + " create/delete cycles", () -> "", () -> leftovers(ids, netns, tmp, ns));
            } finally {
                run(env, podman, "rm", "-a", "-f");
                run(env, podman, "rmi", "-a", "-f");
            }
        }
    }

    private static Leftovers leftovers(List<String> ids, List<Path> netns, Path tmp, NetworkNamespace ns) throws Exception {
        List<Path> state = ids.stream().map(id -> Path.of("/run/kiln-oci/kiln", id)).toList();
        return new Leftovers().processes(ids).mounts(ids, List.of(tmp.resolve("run"))).namespaces(netns)
                .cgroups(ids).taps(ns.name()).paths(state);
    }

    private static Tools.Result assertOk(Tools.Result r) {
        assertEquals(0, r.status(), r.output());
        return r;
    }

    private static Tools.Result run(Map<String, String> env, List<String> base, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(base);
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("podman", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 180 s");
            }
            return new Tools.Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
