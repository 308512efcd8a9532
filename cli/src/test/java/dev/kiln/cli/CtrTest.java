package dev.kiln.cli;

import dev.kiln.vmm.hostnet.NetworkNamespace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * containerd (Debian's, started here with its own config, root, state and socket) runs Kiln
 * images through its stock runc shim with kiln-oci as the runc binary:
 * {@code ctr run --runtime io.containerd.runc.v2 --runc-binary kiln-oci}. The exit status is the
 * guest's; a service in a network namespace made here answers curl; kill, delete and rm, 20
 * times over (-Dkiln.ctr.cycles=N for another count), leave no process, mount, tap, cgroup or state, after
 * every cycle and after all of them.
 */
class CtrTest {
    private static final int CYCLES = Integer.getInteger("kiln.ctr.cycles", 20);

    @Test
    void containerdsRuncShimRunsKilnImagesWithKilnOci() throws Exception {
        Tools.require("containerd", "ctr", "docker-registry", "curl");
        Path http = ServiceImages.image("examples/http-server");
        String launcher = KilnOciLauncher.path().toString();
        String r = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        String ns = "kiln-test-" + r;
        try (LocalRegistry registry = LocalRegistry.start(); LocalContainerd containerd = LocalContainerd.start(false, "");
             NetworkNamespace pod = NetworkNamespace.create("ko-cp-"); NetworkNamespace client = NetworkNamespace.create("ko-cc-")) {
            String exitRef = registry.host() + "/kiln/exit42:1", httpRef = registry.host() + "/kiln/http-server:1";
            assertEquals(0, KilnProcess.run("push", KilnProcess.guest("tests/exit42.elf").toString(), exitRef).exitStatus());
            assertEquals(0, KilnProcess.run("push", http.toString(), httpRef).exitStatus());
            ok(containerd.ctr(ns, "image", "pull", "--plain-http", exitRef));
            ok(containerd.ctr(ns, "image", "pull", "--plain-http", httpRef));

            Tools.Result once = Tools.run(180, containerd.ctr(ns, "run", "--rm", "--runtime", "io.containerd.runc.v2",
                    "--runc-binary", launcher, exitRef, "exit42"));
            assertEquals(42, once.status(), once.output() + containerd.log());
            assertTrue(once.output().contains("exiting with 42"), once.output());

            KilnOciRuntimeTest.sh("ip", "-n", client.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "eth0", "netns", pod.name());
            KilnOciRuntimeTest.sh("ip", "-n", client.name(), "addr", "add", "10.79.0.1/24", "dev", "veth0");
            KilnOciRuntimeTest.sh("ip", "-n", client.name(), "link", "set", "veth0", "up");
            KilnOciRuntimeTest.sh("ip", "-n", pod.name(), "addr", "add", "10.79.0.2/24", "dev", "eth0");
            KilnOciRuntimeTest.sh("ip", "-n", pod.name(), "link", "set", "eth0", "up");
            KilnOciRuntimeTest.sh("ip", "-n", pod.name(), "route", "add", "default", "via", "10.79.0.1");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CYCLES; i++) {
                String id = "kweb-" + r + "-" + i;
                ids.add(id);
                ok(containerd.ctr(ns, "run", "-d", "--runtime", "io.containerd.runc.v2", "--runc-binary", launcher,
                        "--with-ns", "network:/var/run/netns/" + pod.name(), httpRef, id));
                String page = KilnOciRuntimeTest.curlUntilAnswered(client.name(), "http://10.79.0.2/");
                assertTrue(page.contains("Hello from Kiln"), page);
                String pid = task(containerd, ns, id)[1];
                assertTrue(ok(containerd.ctr(ns, "task", "ps", id)).output().contains(pid));

                ok(containerd.ctr(ns, "task", "kill", id));
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!task(containerd, ns, id)[2].equals("STOPPED")) {
                    if (System.nanoTime() > deadline) throw new AssertionError("the task did not stop within 60 s of SIGTERM");
                    Thread.sleep(100);
                }
                ok(containerd.ctr(ns, "task", "delete", id));
                ok(containerd.ctr(ns, "container", "rm", id));
                assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false), "the monitor is left");
                assertTrue(KilnOciRuntimeTest.sh("ip", "-n", pod.name(), "-4", "addr", "show", "dev", "eth0").contains("10.79.0.2/24"),
                        "eth0's address is not back");
                // Each cycle leaves nothing (so nothing grows), and neither do all of them together.
                Leftovers.assertNoneLeft("after cycle " + (i + 1), () -> "\n" + containerd.log(), () -> leftovers(List.of(id), ns, containerd, pod));
            }
            Leftovers.assertNoneLeft("after " + CYCLES + " create/delete cycles", () -> "\n" + containerd.log(), () -> leftovers(ids, ns, containerd, pod));
            ok(containerd.ctr(ns, "image", "rm", exitRef, httpRef));
            assertEquals(List.of(), containerd.mounts(), "mounts left behind");
        } finally {
            KilnOciRuntimeTest.removeCgroupParent(ns); // ctr's cgroupsPath is /NAMESPACE/ID; the parent is ours to remove
            Path runcRoot = Path.of("/run/containerd/runc", ns);
            if (Files.isDirectory(runcRoot)) {
                try (var s = Files.walk(runcRoot)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static Leftovers leftovers(List<String> ids, String ns, LocalContainerd containerd, NetworkNamespace pod) throws Exception {
        List<Path> state = new ArrayList<>();
        for (String id : ids) {
            state.add(Path.of("/run/containerd/runc", ns, "kiln", id));
            state.add(Path.of("/run/containerd/runc", ns, id));
        }
        return new Leftovers().processes(ids).mounts(ids, List.of(containerd.dir)).cgroups(ids).cgroupsUnder(ns)
                .taps(pod.name()).paths(state);
    }

    /** The task's line of `ctr task ls`: id, pid, status. */
    private static String[] task(LocalContainerd containerd, String ns, String id) throws Exception {
        return ok(containerd.ctr(ns, "task", "ls")).output().lines().filter(l -> l.startsWith(id + " ")).findFirst()
                .map(l -> l.strip().split("\\s+")).orElseThrow(() -> new AssertionError("no task " + id));
    }

    private static Tools.Result ok(List<String> cmd) throws Exception {
        Tools.Result r = Tools.run(180, cmd);
        assertEquals(0, r.status(), String.join(" ", cmd) + ": " + r.output());
        return r;
    }
}
