package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.cli.cri.CriClient;
import dev.kiln.cli.cri.PauseImage;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.OciLayout;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * containerd's CRI driven as the kubelet drives it, with the runtime handler `kiln` (containerd's
 * runc shim with kiln-oci as its binary, the configuration of deploy/kubernetes): RunPodSandbox
 * (the pause container goes through kiln-oci to runc), CreateContainer of the HTTP example as a
 * Kiln image with a memory limit, StartContainer, ContainerStatus, curl to the pod's IP on a
 * bridge CNI network (Debian's containernetworking-plugins), StopContainer, RemoveContainer,
 * StopPodSandbox, RemovePodSandbox; 20 times, as the issue asks (-Dkiln.cri.cycles=N for another count), and after every
 * cycle and after all of them no process, mount, tap, namespace or cgroup of them is left.
 * containerd runs inside a network namespace made here, so CNI's bridge and the pods' veths
 * never touch the host's network.
 */
class CriTest {
    private static final int CYCLES = Integer.getInteger("kiln.cri.cycles", 20);

    @Test
    void criRunsKilnPodsAndLeavesNothingAfterAnyCycle(@TempDir Path tmp) throws Exception {
        Tools.require("containerd", "ctr", "runc", "catatonit", "nsenter", "curl");
        if (!Files.isExecutable(Path.of("/usr/lib/cni/bridge"))) {
            throw new AssertionError("prerequisite missing: /usr/lib/cni/bridge (Debian package containernetworking-plugins)");
        }
        Path http = ServiceImages.image("examples/http-server");
        String launcher = KilnOciLauncher.path().toString();
        String r = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        String cgroupParent = "kiln-cri-" + r;
        String cri = nodeConfig(tmp, r, launcher);
        try (NetworkNamespace host = NetworkNamespace.create("ko-cri-");
             LocalContainerd containerd = LocalContainerd.start(true, cri, List.of("nsenter", "--net=/var/run/netns/" + host.name()))) {
            Path pause = tmp.resolve("pause.tar"), kiln = tmp.resolve("http.tar");
            OciLayout.writeArchive(PauseImage.catatonit(), "1", pause);
            OciLayout.writeArchive(OciImages.of(http, List.of(80)), "1", kiln);
            ok(containerd.ctr("k8s.io", "image", "import", "--base-name", "kiln.test/pause", pause.toString()));
            ok(containerd.ctr("k8s.io", "image", "import", "--base-name", "kiln.test/http-server", kiln.toString()));
            List<String> ids = new ArrayList<>();
            List<Path> netns = new ArrayList<>();
            try (CriClient client = new CriClient(containerd.socket, Path.of("/usr/bin/containerd"))) {
                for (int i = 0; i < CYCLES; i++) {
                    ObjectNode podConfig = Json.object();
                    podConfig.putObject("metadata").put("name", "web-" + i).put("uid", "uid-" + r + "-" + i).put("namespace", "default");
                    podConfig.put("hostname", "web-" + i);
                    podConfig.put("log_directory", Files.createDirectories(tmp.resolve("logs/" + i)).toString());
                    podConfig.putObject("linux").put("cgroup_parent", "/" + cgroupParent);
                    ObjectNode run = Json.object();
                    run.set("config", podConfig);
                    run.put("runtime_handler", "kiln");
                    String pod;
                    try {
                        pod = json(client.runtime("RunPodSandbox", run.toString())).path("podSandboxId").asText();
                    } catch (io.grpc.StatusRuntimeException e) {
                        throw new AssertionError("RunPodSandbox failed (the pod's pause container is runc's): " + e.getMessage()
                                + "\n" + containerd.log(), e);
                    }
                    ids.add(pod);
                    ObjectNode create = Json.object();
                    create.put("pod_sandbox_id", pod);
                    ObjectNode c = create.putObject("config");
                    c.putObject("metadata").put("name", "http");
                    c.putObject("image").put("image", "kiln.test/http-server:1");
                    c.put("log_path", "http.log");
                    c.putObject("linux").putObject("resources").put("memory_limit_in_bytes", 128L << 20);
                    create.set("sandbox_config", podConfig);
                    String ctr = json(client.runtime("CreateContainer", create.toString())).path("containerId").asText();
                    ids.add(ctr);
                    client.runtime("StartContainer", "{\"container_id\": \"" + ctr + "\"}");
                    JsonNode status = json(client.runtime("ContainerStatus", "{\"container_id\": \"" + ctr + "\"}")).path("status");
                    assertEquals("CONTAINER_RUNNING", status.path("state").asText(), status.toString());
                    JsonNode sandbox = json(client.runtime("PodSandboxStatus", "{\"pod_sandbox_id\": \"" + pod + "\", \"verbose\": true}"));
                    String ip = sandbox.path("status").path("network").path("ip").asText();
                    netns.add(podNetworkNamespace(sandbox));
                    assertTrue(ip.startsWith("10.87.0."), "pod IP " + ip);
                    String page = KilnOciRuntimeTest.curlUntilAnswered(host.name(), "http://" + ip + "/");
                    assertTrue(page.contains("Hello from Kiln"), page);
                    client.runtime("StopContainer", "{\"container_id\": \"" + ctr + "\", \"timeout\": 10}");
                    JsonNode stopped = json(client.runtime("ContainerStatus", "{\"container_id\": \"" + ctr + "\"}")).path("status");
                    assertEquals("CONTAINER_EXITED", stopped.path("state").asText(), stopped.toString());
                    client.runtime("RemoveContainer", "{\"container_id\": \"" + ctr + "\"}");
                    client.runtime("StopPodSandbox", "{\"pod_sandbox_id\": \"" + pod + "\"}");
                    client.runtime("RemovePodSandbox", "{\"pod_sandbox_id\": \"" + pod + "\"}");
                    // Each cycle leaves nothing (so nothing grows), and neither do all of them together.
                    List<Path> podNetns = List.of(netns.getLast());
                    Leftovers.assertNoneLeft("after cycle " + (i + 1), () -> "\n" + containerd.log(),
                            () -> leftovers(List.of(pod, ctr), podNetns, containerd, cgroupParent, host));
                }
            }
            Leftovers.assertNoneLeft("after " + CYCLES + " create/delete cycles", () -> "\n" + containerd.log(),
                    () -> leftovers(ids, netns, containerd, cgroupParent, host));
        } finally {
            KilnOciRuntimeTest.removeCgroupParent(cgroupParent);
        }
    }

    /**
     * A Kiln container in a CRI pod resolves names through the pod's resolver: the pod's DNS
     * config (a nameserver on the bridge's host side, 10.87.0.1) becomes the resolv.conf
     * containerd mounts into the container, kiln-oci gives its nameserver to the guest (the boot
     * info's net_dns) and InetAddress.getByName in the guest asks it. The nameserver is Debian's
     * dnsmasq, started here in containerd's namespace and knowing one name; its log shows the
     * query came from the pod.
     */
    @Test
    void aKilnContainerResolvesNamesThroughThePodsResolver(@TempDir Path tmp) throws Exception {
        Tools.require("containerd", "ctr", "runc", "catatonit", "nsenter", "dnsmasq");
        if (!Files.isExecutable(Path.of("/usr/lib/cni/bridge"))) {
            throw new AssertionError("prerequisite missing: /usr/lib/cni/bridge (Debian package containernetworking-plugins)");
        }
        Path lookup = ServiceImages.image("cli/src/test/apps/lookup");
        String r = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        String cgroupParent = "kiln-cri-" + r;
        String name = "svc-" + r + ".kiln-pod.test";
        String cri = nodeConfig(tmp, r, KilnOciLauncher.path().toString());
        Process dnsmasq = null;
        try (NetworkNamespace host = NetworkNamespace.create("ko-dns-");
             LocalContainerd containerd = LocalContainerd.start(true, cri, List.of("nsenter", "--net=/var/run/netns/" + host.name()))) {
            // On every address of containerd's namespace (the bridge and its 10.87.0.1 come with the first pod).
            dnsmasq = host.start("dnsmasq", "--keep-in-foreground", "--log-facility=-", "--log-queries", "--conf-file=/dev/null",
                    "--pid-file=", "--user=root", "--no-resolv", "--no-hosts", "--port=53", "--address=/" + name + "/10.87.0.200");
            BlockingQueue<String> dnsLog = new LinkedBlockingQueue<>();
            Process output = dnsmasq;
            Thread.ofPlatform().daemon().name("dnsmasq-log").start(() -> {
                try (var in = output.inputReader()) {
                    for (String line; (line = in.readLine()) != null; ) dnsLog.add(line);
                } catch (java.io.IOException ended) {
                    // the process is gone; what it said is in the queue
                }
            });
            StringBuilder dnsOutput = new StringBuilder();
            awaitLine(dnsLog, dnsOutput, "started");
            Path pause = tmp.resolve("pause.tar"), image = tmp.resolve("lookup.tar");
            OciLayout.writeArchive(PauseImage.catatonit(), "1", pause);
            OciLayout.writeArchive(OciImages.of(lookup, List.of()), "1", image);
            ok(containerd.ctr("k8s.io", "image", "import", "--base-name", "kiln.test/pause", pause.toString()));
            ok(containerd.ctr("k8s.io", "image", "import", "--base-name", "kiln.test/lookup", image.toString()));
            try (CriClient client = new CriClient(containerd.socket, Path.of("/usr/bin/containerd"))) {
                ObjectNode podConfig = Json.object();
                podConfig.putObject("metadata").put("name", "dns").put("uid", "uid-dns-" + r).put("namespace", "default");
                podConfig.put("hostname", "dns");
                Path logs = Files.createDirectories(tmp.resolve("logs"));
                podConfig.put("log_directory", logs.toString());
                podConfig.putObject("linux").put("cgroup_parent", "/" + cgroupParent);
                podConfig.putObject("dns_config").putArray("servers").add("10.87.0.1");
                ObjectNode run = Json.object();
                run.set("config", podConfig);
                run.put("runtime_handler", "kiln");
                String pod = json(client.runtime("RunPodSandbox", run.toString())).path("podSandboxId").asText();
                ObjectNode create = Json.object();
                create.put("pod_sandbox_id", pod);
                ObjectNode c = create.putObject("config");
                c.putObject("metadata").put("name", "lookup");
                c.putObject("image").put("image", "kiln.test/lookup:1");
                c.putArray("args").add(name);
                c.put("log_path", "lookup.log");
                create.set("sandbox_config", podConfig);
                String ctr = json(client.runtime("CreateContainer", create.toString())).path("containerId").asText();
                client.runtime("StartContainer", "{\"container_id\": \"" + ctr + "\"}");
                long deadline = System.nanoTime() + 120_000_000_000L;
                JsonNode status;
                while (!(status = json(client.runtime("ContainerStatus", "{\"container_id\": \"" + ctr + "\"}")).path("status"))
                        .path("state").asText().equals("CONTAINER_EXITED")) {
                    if (System.nanoTime() > deadline) throw new AssertionError("the lookup container did not end within 120 s: " + status);
                    Thread.sleep(100);
                }
                String out = Files.readString(logs.resolve("lookup.log"));
                String podIp = json(client.runtime("PodSandboxStatus", "{\"pod_sandbox_id\": \"" + pod + "\"}"))
                        .path("status").path("network").path("ip").asText();
                client.runtime("RemoveContainer", "{\"container_id\": \"" + ctr + "\"}");
                client.runtime("StopPodSandbox", "{\"pod_sandbox_id\": \"" + pod + "\"}");
                client.runtime("RemovePodSandbox", "{\"pod_sandbox_id\": \"" + pod + "\"}");
                assertEquals(0, status.path("exitCode").asInt(), out);
                assertTrue(out.contains(" " + name + " -> 10.87.0.200\n"), "the guest's answer, through the pod's resolver:\n" + out);
                awaitLine(dnsLog, dnsOutput, "query[A] " + name + " from " + podIp);
            }
        } finally {
            if (dnsmasq != null) {
                dnsmasq.destroy();
                dnsmasq.waitFor();
            }
            KilnOciRuntimeTest.removeCgroupParent(cgroupParent);
        }
    }

    /** Takes lines (kept in seen) until one contains what; fails after 60 s without a line (a guard against hangs). */
    private static void awaitLine(BlockingQueue<String> lines, StringBuilder seen, String what) throws Exception {
        for (String line; (line = lines.poll(60, TimeUnit.SECONDS)) != null; ) {
            seen.append(line).append('\n');
            if (line.contains(what)) return;
        }
        throw new AssertionError("no line with '" + what + "' in 60 s; so far:\n" + seen);
    }

    /**
     * The CRI's part of containerd's configuration, as deploy/kubernetes has it (handler `kiln`:
     * the runc shim with kiln-oci as its binary), with a bridge CNI network (10.87.0.0/24, the
     * bridge 10.87.0.1 in containerd's namespace) written to tmp/net.d.
     */
    private static String nodeConfig(Path tmp, String r, String launcher) throws Exception {
        Path netd = Files.createDirectories(tmp.resolve("net.d"));
        Files.writeString(netd.resolve("10-kiln-test.conflist"), """
                {"cniVersion": "0.4.0", "name": "kiln-test", "plugins": [
                  {"type": "bridge", "bridge": "kcni%s", "isGateway": true, "ipMasq": false, "hairpinMode": true,
                   "ipam": {"type": "host-local", "dataDir": "%s", "ranges": [[{"subnet": "10.87.0.0/24"}]],
                            "routes": [{"dst": "0.0.0.0/0"}]}}]}
                """.formatted(r.substring(0, 4), tmp.resolve("ipam")));
        return """
                [plugins."io.containerd.grpc.v1.cri"]
                  sandbox_image = "kiln.test/pause:1"
                  # The kubelet gives sandboxes oomScoreAdj -998; lowering a score needs CAP_SYS_RESOURCE, which
                  # this machine's capability bounding set lacks (kiln-oci would refuse, naming it). containerd's
                  # setting for such hosts keeps every score at or above its own.
                  restrict_oom_score_adj = true
                  [plugins."io.containerd.grpc.v1.cri".cni]
                    bin_dir = "/usr/lib/cni"
                    conf_dir = "%s"
                  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                    runtime_type = "io.containerd.runc.v2"
                  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.kiln]
                    runtime_type = "io.containerd.runc.v2"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.kiln.options]
                      BinaryName = "%s"
                      SystemdCgroup = false
                """.formatted(netd, launcher);
    }

    /**
     * What may be left of these pods: processes (monitors, pause, shims; a process naming the
     * test's containerd socket is a shim), mounts, the pods' network namespaces (with them their
     * taps), cgroups, the runtimes' state.
     */
    private static Leftovers leftovers(List<String> ids, List<Path> netns, LocalContainerd containerd, String cgroupParent,
                                       NetworkNamespace host) throws Exception {
        List<String> searched = new ArrayList<>(ids);
        searched.add(containerd.socket.toString());
        List<Path> state = new ArrayList<>();
        for (String id : ids) {
            state.add(Path.of("/run/containerd/runc/k8s.io", id));
            state.add(Path.of("/run/containerd/runc/k8s.io/kiln", id));
        }
        return new Leftovers().processes(searched).mounts(ids, List.of(containerd.dir)).namespaces(netns)
                .cgroups(ids).cgroupsUnder(cgroupParent).paths(state).taps(host.name());
    }

    /** The pod's network namespace as containerd made it (the network namespace of the sandbox's runtime spec). */
    private static Path podNetworkNamespace(JsonNode verboseStatus) {
        JsonNode info = json(verboseStatus.path("info").path("info").asText("{}"));
        for (JsonNode ns : info.path("runtimeSpec").path("linux").path("namespaces")) {
            if ("network".equals(ns.path("type").asText()) && !ns.path("path").asText().isEmpty()) return Path.of(ns.path("path").asText());
        }
        throw new AssertionError("no network namespace in the sandbox's verbose status: " + verboseStatus);
    }

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(), "CRI response");
    }

    private static void ok(List<String> cmd) throws Exception {
        Tools.Result r = Tools.run(180, cmd);
        assertEquals(0, r.status(), String.join(" ", cmd) + ": " + r.output());
    }
}
