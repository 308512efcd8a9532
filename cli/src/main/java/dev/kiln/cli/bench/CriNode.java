package dev.kiln.cli.bench;

import dev.kiln.image.FileTrees;
import dev.kiln.vmm.hostnet.NetworkNamespace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node as the kubelet sees it, without the kubelet: Debian's containerd with its CRI,
 * started with its own config, root, state and socket in a directory, inside a network namespace
 * made here (so CNI's bridge and the pods' veths never touch the host's network), with a bridge
 * CNI network (Debian's containernetworking-plugins, pods in 10.88.0.0/24, the bridge's address
 * 10.88.0.1 in that namespace) and two runtime handlers: `runc`, and `kiln`, containerd's runc
 * shim with kiln-oci as its binary, as deploy/kubernetes configures it.
 */
public final class CriNode implements AutoCloseable {
    /** The containerd namespace the CRI keeps its images and containers in. */
    public static final String K8S_NAMESPACE = "k8s.io";

    private final Path dir;
    private final NetworkNamespace network;
    private final Process containerd;

    private CriNode(Path dir, NetworkNamespace network, Process containerd) {
        this.dir = dir;
        this.network = network;
        this.containerd = containerd;
    }

    /**
     * @param kilnOci the kiln-oci launcher (the `kiln` handler's BinaryName)
     * @param pauseImage the sandbox image, already imported or about to be (never pulled)
     */
    public static CriNode start(Path dir, Path kilnOci, String pauseImage) throws IOException, InterruptedException {
        Path netd = Files.createDirectories(dir.resolve("net.d"));
        Files.writeString(netd.resolve("10-kiln-bench.conflist"), """
                {"cniVersion": "0.4.0", "name": "kiln-bench", "plugins": [
                  {"type": "bridge", "bridge": "kbench0", "isGateway": true, "ipMasq": false, "hairpinMode": true,
                   "ipam": {"type": "host-local", "dataDir": "%s", "ranges": [[{"subnet": "10.88.0.0/24"}]],
                            "routes": [{"dst": "0.0.0.0/0"}]}}]}
                """.formatted(dir.resolve("ipam")));
        Files.writeString(dir.resolve("config.toml"), """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                [grpc]
                  address = "%1$s/containerd.sock"
                [ttrpc]
                  address = "%1$s/containerd.sock.ttrpc"
                [plugins."io.containerd.grpc.v1.cri"]
                  sandbox_image = "%2$s"
                  # The kubelet's sandboxes get oomScoreAdj -998; lowering a score needs CAP_SYS_RESOURCE, which
                  # hosts running containerd in a container lack (docs/kubernetes.md).
                  restrict_oom_score_adj = true
                  [plugins."io.containerd.grpc.v1.cri".cni]
                    bin_dir = "/usr/lib/cni"
                    conf_dir = "%3$s"
                  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                    runtime_type = "io.containerd.runc.v2"
                  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.kiln]
                    runtime_type = "io.containerd.runc.v2"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.kiln.options]
                      BinaryName = "%4$s"
                      SystemdCgroup = false
                """.formatted(dir, pauseImage, netd, kilnOci));
        NetworkNamespace network = NetworkNamespace.create("kiln-bcri-");
        Process p;
        try {
            network.ip("link", "set", "lo", "up");
            p = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + network.name(), "containerd", "--config",
                    dir.resolve("config.toml").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile()).start();
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        CriNode node = new CriNode(dir, network, p);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Process v = new ProcessBuilder("ctr", "--address", node.socket().toString(), "version").redirectErrorStream(true).start();
            String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (v.waitFor(30, TimeUnit.SECONDS) && v.exitValue() == 0 && out.contains("Server")) return node;
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(dir.resolve("containerd.log"));
                node.close();
                throw new IOException("containerd did not start: " + log.strip());
            }
            Thread.sleep(100);
        }
    }

    public Path socket() {
        return dir.resolve("containerd.sock");
    }

    /** The namespace containerd and the CNI bridge live in: the pods' IPs are reached from here. */
    public NetworkNamespace network() {
        return network;
    }

    /** `ctr image import` of an OCI archive into the CRI's namespace under {@code baseName}. */
    public void importImage(String baseName, Path archive) throws IOException, InterruptedException {
        run(180, "ctr", "--address", socket().toString(), "-n", K8S_NAMESPACE, "image", "import", "--base-name", baseName, archive.toString());
    }

    @Override
    public void close() throws IOException {
        try {
            containerd.destroy();
            if (!containerd.waitFor(20, TimeUnit.SECONDS)) containerd.destroyForcibly().waitFor();
            // What containerd mounted under its root (snapshots, shm) outlives it only if something went wrong.
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String target = line.split(" ")[1];
                if (target.startsWith(dir.toString())) run(30, "umount", "-l", target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            network.close();
            FileTrees.deleteQuietly(dir);
        }
    }

    /** Runs a host tool (ctr, containerd, kiln-oci...): its output, or an IOException with it when it fails or hangs. */
    static String run(int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": no answer in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + out.strip());
        return out;
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
