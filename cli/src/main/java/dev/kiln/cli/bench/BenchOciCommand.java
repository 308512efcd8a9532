package dev.kiln.cli.bench;

import dev.kiln.cli.UserError;
import dev.kiln.cli.Checks;
import dev.kiln.cli.KilnHome;
import dev.kiln.cli.OciImages;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.cli.bench.OciStartBench.Sample;
import dev.kiln.cli.cri.CriClient;
import dev.kiln.cli.cri.PauseImage;
import dev.kiln.image.FileTrees;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.OciLayout;
import dev.kiln.vmm.hostnet.NetworkNamespace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench oci`: the HTTP example started as a pod through containerd's CRI, as the kubelet
 * starts one (RunPodSandbox, CreateContainer, StartContainer), until it answers its first
 * request from the pod's IP: as a Kiln image under the RuntimeClass handler `kiln` (kiln-oci)
 * and as the same classes on HotSpot under `runc`; then each container's host memory. The
 * node (containerd with its CRI and a bridge CNI network, in a network namespace) is made
 * here ({@link CriNode}); the pods are timed by {@link OciStartBench}.
 */
@Command(name = "oci", mixinStandardHelpOptions = true,
        description = {"Pod start to first answered request, and host memory per container: the HTTP example",
                "through containerd's CRI as a Kiln image (RuntimeClass handler kiln: kiln-oci) vs on HotSpot",
                "under runc. Needs root, containerd, ctr, runc, catatonit, containernetworking-plugins. Ends with",
                "`oci kiln_start_ms=N runc_start_ms=N kiln_host_mib=N runc_host_mib=N`."})
final class BenchOciCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Starts of each side (default 3); the median is reported.")
    int runs;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 50) throw new UserError("--runs must be 1..50");
        List<String> missing = Checks.missingCommands("containerd", "ctr", "runc", "nsenter", "ip", "catatonit");
        if (!missing.isEmpty()) throw new UserError("kiln bench oci needs " + String.join(", ", missing)
                + " (Debian packages containerd, runc, util-linux, iproute2, catatonit)");
        if (!Files.isExecutable(Path.of("/usr/lib/cni/bridge"))) {
            throw new UserError("kiln bench oci needs /usr/lib/cni/bridge (Debian package containernetworking-plugins)");
        }
        if (!NetworkNamespace.isRoot()) throw new UserError("kiln bench oci must run as root (containerd, namespaces, cgroups)");
        Path home = KilnHome.root();
        Path kilnOci = home.resolve("kiln-oci");
        Path example = home.resolve("examples/http-server");
        Path tmp = Files.createTempDirectory("kiln-bench-oci");
        String cgroupParent = "kiln-bench-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        try {
            AppInput app = AppInput.resolve(example, null);
            Path image;
            try {
                image = NativeImageBuilder.fromEnvironment(m -> System.err.println("kiln: " + m)).build(app).image();
            } catch (NativeBuildException e) {
                throw new UserError("cannot build " + example + " into an image: " + e.getMessage());
            }
            OciLayout.writeArchive(OciImages.of(image, List.of(80)), "1", tmp.resolve("http.tar"));
            OciLayout.writeArchive(PauseImage.catatonit(), "1", tmp.resolve("pause.tar"));
            Path classes = tmp.resolve("classes");
            for (var e : app.classes().entrySet()) {
                Path f = classes.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            CriNode.run(600, kilnOci.toString(), "features"); // the launcher's first run trains its AOT cache: not timed
            try (CriNode node = CriNode.start(Files.createDirectories(tmp.resolve("node")), kilnOci, "kiln.bench/pause:1");
                 CriClient cri = new CriClient(node.socket(), Path.of("/usr/bin/containerd"))) {
                node.importImage("kiln.bench/pause", tmp.resolve("pause.tar"));
                node.importImage("kiln.bench/http-server", tmp.resolve("http.tar"));
                OciStartBench bench = new OciStartBench(node, cri, tmp.resolve("logs"), cgroupParent);
                ObjectNode kilnContainer = Json.object();
                kilnContainer.putObject("image").put("image", "kiln.bench/http-server:1");
                // The same classes on this JDK's HotSpot, in a container whose root file system is the pause image's
                // (runc makes the mount points): the JDK, the classes, Kiln's API (dev.kiln.metrics, which the example
                // counts with: on HotSpot, in memory) and the host's libraries bound in read-only.
                ObjectNode hotspot = Json.object();
                hotspot.putObject("image").put("image", "kiln.bench/pause:1");
                hotspot.putArray("command").add("/jdk/bin/java");
                hotspot.putArray("args").add("-cp").add("/app:/kiln-api").add(app.mainClass()).add("80");
                ArrayNode mounts = hotspot.putArray("mounts");
                for (String[] m : new String[][] {{System.getProperty("java.home"), "/jdk"}, {classes.toString(), "/app"},
                        {AppInput.kilnApi().toString(), "/kiln-api"}, {"/lib", "/lib"}, {"/lib64", "/lib64"}, {"/usr/lib", "/usr/lib"}}) {
                    mounts.addObject().put("host_path", m[0]).put("container_path", m[1]).put("readonly", true);
                }
                // One pod of each side first, not counted: the first pod of an image pays containerd's unpacking of
                // its layer and the CNI bridge's creation (seen here: 11 s for the first Kiln pod, 2-3 s after).
                bench.once("kiln-warmup", "kiln", kilnContainer, 80);
                bench.once("runc-warmup", "runc", hotspot, 80);
                List<Sample> kiln = new ArrayList<>(), runc = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    kiln.add(bench.once("kiln-" + i, "kiln", kilnContainer, 80));
                    System.out.printf("kiln    run %d: pod start to first answer %5d ms, host memory %6.1f MiB%n", i + 1,
                            kiln.getLast().startMs(), kiln.getLast().hostBytes() / 1048576.0);
                    runc.add(bench.once("runc-" + i, "runc", hotspot, 80));
                    System.out.printf("runc    run %d: pod start to first answer %5d ms, host memory %6.1f MiB%n", i + 1,
                            runc.getLast().startMs(), runc.getLast().hostBytes() / 1048576.0);
                }
                long ks = median(kiln.stream().mapToLong(Sample::startMs).toArray());
                long rs = median(runc.stream().mapToLong(Sample::startMs).toArray());
                long km = median(kiln.stream().mapToLong(Sample::hostBytes).toArray()) >> 20;
                long rm = median(runc.stream().mapToLong(Sample::hostBytes).toArray()) >> 20;
                System.out.println("(containerd " + version() + " CRI, RunPodSandbox to the first HTTP answer from the pod's IP;"
                        + " host memory: the Pss of the container's processes after that answer; runc runs the same classes on"
                        + " this JDK's HotSpot with host directories bound in)");
                System.out.printf("oci kiln_start_ms=%d runc_start_ms=%d kiln_host_mib=%d runc_host_mib=%d%n", ks, rs, km, rm);
                return 0;
            }
        } finally {
            FileTrees.deleteQuietly(tmp);
            // The pods' cgroup parent: the runtimes remove the containers' directories, the parent is ours.
            try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
                for (Path h : hierarchies.toList()) {
                    try {
                        Files.deleteIfExists(h.resolve(cgroupParent));
                    } catch (IOException e) {
                        System.err.println("kiln: could not remove the cgroup " + h.resolve(cgroupParent) + ": " + e);
                    }
                }
            }
        }
    }

    private static String version() {
        try {
            return CriNode.run(30, "containerd", "--version").strip().replaceAll(".* (\\S+) \\S+$", "$1");
        } catch (Exception e) {
            return "?";
        }
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
