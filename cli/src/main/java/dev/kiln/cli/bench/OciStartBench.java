package dev.kiln.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.cli.cri.CriClient;
import dev.kiln.oci.image.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One pod started through the CRI as the kubelet starts it (RunPodSandbox, CreateContainer,
 * StartContainer) and timed from the first call to the first HTTP answer from the pod's IP,
 * asked from the node's network namespace; then the container's host memory, and the pod is
 * removed (StopContainer, RemoveContainer, StopPodSandbox, RemovePodSandbox).
 */
public final class OciStartBench {
    /** Start to first answer, and the container's host memory after it. */
    public record Sample(long startMs, long hostBytes) {}

    private final CriNode node;
    private final CriClient cri;
    private final Path logs;
    private final String cgroupParent;

    /** @param cgroupParent the pods' cgroup parent (a directory name in every hierarchy; the caller removes it) */
    public OciStartBench(CriNode node, CriClient cri, Path logs, String cgroupParent) {
        this.node = node;
        this.cri = cri;
        this.logs = logs;
        this.cgroupParent = cgroupParent;
    }

    /**
     * @param handler the RuntimeClass's handler (`kiln` or `runc`)
     * @param container the CreateContainer config without metadata and log path (image, command, mounts...)
     */
    public Sample once(String name, String handler, ObjectNode container, int port) throws Exception {
        ObjectNode pod = Json.object();
        pod.putObject("metadata").put("name", name).put("uid", "uid-" + name).put("namespace", "default");
        pod.put("hostname", name);
        pod.put("log_directory", Files.createDirectories(logs.resolve(name)).toString());
        pod.putObject("linux").put("cgroup_parent", "/" + cgroupParent);
        ObjectNode run = Json.object();
        run.set("config", pod);
        run.put("runtime_handler", handler);
        ObjectNode create = Json.object();
        ObjectNode c = container.deepCopy();
        c.putObject("metadata").put("name", "app");
        c.put("log_path", "app.log");
        create.set("config", c);
        create.set("sandbox_config", pod);

        String sandbox = null, ctr = null;
        try {
            long t0 = System.nanoTime();
            sandbox = json(cri.runtime("RunPodSandbox", run.toString())).path("podSandboxId").asText();
            create.put("pod_sandbox_id", sandbox);
            ctr = json(cri.runtime("CreateContainer", create.toString())).path("containerId").asText();
            cri.runtime("StartContainer", "{\"container_id\": \"" + ctr + "\"}");
            String ip = json(cri.runtime("PodSandboxStatus", "{\"pod_sandbox_id\": \"" + sandbox + "\"}"))
                    .path("status").path("network").path("ip").asText();
            if (ip.isEmpty()) throw new IOException("pod " + name + " got no IP from the CNI network");
            awaitAnswer(ip, port, t0 + 120_000_000_000L, name);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Sample(ms, pss(Path.of("/sys/fs/cgroup/memory", cgroupParent, ctr, "cgroup.procs")));
        } finally {
            // Torn down as the kubelet does; the bench's figures are taken, so no grace period.
            if (ctr != null) {
                cri.runtime("StopContainer", "{\"container_id\": \"" + ctr + "\", \"timeout\": 0}");
                cri.runtime("RemoveContainer", "{\"container_id\": \"" + ctr + "\"}");
            }
            if (sandbox != null) {
                cri.runtime("StopPodSandbox", "{\"pod_sandbox_id\": \"" + sandbox + "\"}");
                cri.runtime("RemovePodSandbox", "{\"pod_sandbox_id\": \"" + sandbox + "\"}");
            }
        }
    }

    /** Asks http://IP:PORT/ from the node's namespace until a 200 comes back (each try a new connection). */
    private void awaitAnswer(String ip, int port, long deadline, String name) throws Exception {
        while (true) {
            // In slices: a thread inside the namespace asks for up to 10 s, then we look at the deadline.
            boolean answered = node.network().callInside(() -> {
                long slice = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < slice) {
                    if (answers(ip, port)) return true;
                    Thread.sleep(2);
                }
                return false;
            });
            if (answered) return;
            if (System.nanoTime() > deadline) throw new IOException("pod " + name + " did not answer on " + ip + ":" + port + " within 120 s");
        }
    }

    private static boolean answers(String ip, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ip, port), 1000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + ip + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            String status = new String(head, StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.") && status.endsWith(" 200");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The container's host memory: the proportional set size (smaps_rollup's Pss) of every process
     * in its cgroup, guest memory included (it is the monitor's anonymous mapping). Not the
     * cgroup's charge: kiln-oci's monitor is the JVM that ran create, and the pages it touched
     * before joining the cgroup stay charged to the shim's (this kernel moves no charges).
     */
    static long pss(Path procs) throws IOException {
        long kb = 0;
        for (String pid : Files.readAllLines(procs)) {
            for (String line : Files.readAllLines(Path.of("/proc", pid.strip(), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kb << 10;
    }

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8), "CRI response");
    }
}
