package dev.kiln.cli;

import dev.kiln.image.FileTrees;
import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeBuildException;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.oci.image.OciLayout;
import dev.kiln.vmm.hostnet.NetworkNamespace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench oci`: the HTTP example started as a container by containerd (Debian's, started
 * here with its own directories) until it answers its first request, as a Kiln image through
 * kiln-oci and as the same classes on HotSpot through runc; then each container's host
 * memory. Both are created with `ctr run -d` into a network namespace made
 * here, and timed from that command's start to curl's first answer from a peer namespace;
 * host memory is the proportional set size of the container's processes after that answer.
 * (The CRI path that a kubelet takes adds the same work to both sides; it is not driven here.)
 */
@Command(name = "oci", mixinStandardHelpOptions = true,
        description = {"Container start to first answered request, and host memory per container: the HTTP example",
                "as a Kiln image under kiln-oci vs on HotSpot under runc, both through containerd's runc shim.",
                "Needs root, containerd, ctr, runc, curl, ip. Ends with",
                "`oci kiln_start_ms=N runc_start_ms=N kiln_host_mib=N runc_host_mib=N`."})
final class BenchOciCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Starts of each side (default 3); the median is reported.")
    int runs;

    private record Sample(long startMs, long hostBytes) {}

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 50) throw new UserError("--runs must be 1..50");
        List<String> missing = Checks.missingCommands("containerd", "ctr", "runc", "curl", "ip", "nsenter", "tc");
        if (!missing.isEmpty()) throw new UserError("kiln bench oci needs " + String.join(", ", missing)
                + " (Debian packages containerd, runc, curl, iproute2, util-linux)");
        if (!NetworkNamespace.isRoot()) throw new UserError("kiln bench oci must run as root (containerd, namespaces, cgroups)");
        Path home = KilnHome.root();
        Path kilnOci = home.resolve("kiln-oci");
        Path example = home.resolve("examples/http-server");
        Path tmp = Files.createTempDirectory("kiln-bench-oci");
        String ns = "kiln-bench-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        Process containerd = null;
        try {
            AppInput app = AppInput.resolve(example, null);
            Path image;
            try {
                image = NativeImageBuilder.fromEnvironment(m -> System.err.println("kiln: " + m)).build(app).image();
            } catch (NativeBuildException e) {
                throw new UserError("cannot build " + example + " into an image: " + e.getMessage());
            }
            OciLayout.writeArchive(OciImages.of(image, List.of(80)), "bench", tmp.resolve("image.tar"));
            Path classes = tmp.resolve("classes");
            for (var e : app.classes().entrySet()) {
                Path f = classes.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            Files.createDirectories(tmp.resolve("hotspot-rootfs"));
            containerd = startContainerd(tmp);
            String sock = tmp.resolve("containerd.sock").toString();
            run(120, "ctr", "--address", sock, "-n", ns, "image", "import", "--base-name", "kiln-bench/http-server", tmp.resolve("image.tar").toString());
            run(30, kilnOci.toString(), "features"); // the launcher's first run trains its AOT cache: not timed

            List<Sample> kiln = new ArrayList<>(), hotspot = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                kiln.add(once(sock, ns, "k" + i, List.of("--runtime", "io.containerd.runc.v2", "--runc-binary", kilnOci.toString()),
                        List.of("kiln-bench/http-server:bench"), List.of()));
                System.out.printf("kiln    run %d: start to first answer %5d ms, host memory %6.1f MiB%n", i + 1,
                        kiln.getLast().startMs(), kiln.getLast().hostBytes() / 1048576.0);
                String jdk = System.getProperty("java.home");
                hotspot.add(once(sock, ns, "h" + i, List.of("--rootfs",
                                "--mount", "type=bind,src=" + jdk + ",dst=/jdk,options=rbind:ro",
                                "--mount", "type=bind,src=" + classes + ",dst=/app,options=rbind:ro",
                                // Kiln's API (dev.kiln.metrics, which the example counts with): on HotSpot, in memory.
                                "--mount", "type=bind,src=" + AppInput.kilnApi() + ",dst=/kiln-api,options=rbind:ro",
                                "--mount", "type=bind,src=/lib,dst=/lib,options=rbind:ro",
                                "--mount", "type=bind,src=/lib64,dst=/lib64,options=rbind:ro",
                                "--mount", "type=bind,src=/usr/lib,dst=/usr/lib,options=rbind:ro"),
                        List.of(tmp.resolve("hotspot-rootfs").toString()),
                        List.of("/jdk/bin/java", "-cp", "/app:/kiln-api", app.mainClass(), "80")));
                System.out.printf("runc    run %d: start to first answer %5d ms, host memory %6.1f MiB%n", i + 1,
                        hotspot.getLast().startMs(), hotspot.getLast().hostBytes() / 1048576.0);
            }
            long ks = median(kiln.stream().mapToLong(Sample::startMs).toArray());
            long rs = median(hotspot.stream().mapToLong(Sample::startMs).toArray());
            long km = median(kiln.stream().mapToLong(Sample::hostBytes).toArray()) >> 20;
            long rm = median(hotspot.stream().mapToLong(Sample::hostBytes).toArray()) >> 20;
            System.out.println("(containerd " + version() + ", ctr run -d to the first HTTP answer; host memory: the Pss of the"
                    + " container's processes after that answer; runc runs the same classes on this JDK's HotSpot with host directories bound in)");
            System.out.printf("oci kiln_start_ms=%d runc_start_ms=%d kiln_host_mib=%d runc_host_mib=%d%n", ks, rs, km, rm);
            return 0;
        } finally {
            if (containerd != null) {
                containerd.destroy();
                if (!containerd.waitFor(20, TimeUnit.SECONDS)) containerd.destroyForcibly().waitFor();
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String target = line.split(" ")[1];
                if (target.startsWith(tmp.toString())) run(30, "umount", "-l", target);
            }
            FileTrees.deleteQuietly(tmp);
            FileTrees.deleteQuietly(Path.of("/run/containerd/runc", ns));
            // ctr's cgroupsPath is /NAMESPACE/ID: the runtimes remove ID, the namespace's directory is ours.
            try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
                for (Path h : hierarchies.toList()) Files.deleteIfExists(h.resolve(ns));
            } catch (IOException e) {
                System.err.println("kiln: could not remove the cgroup " + ns + ": " + e.getMessage());
            }
        }
    }

    /** One container: pod and client namespaces joined by a veth, ctr run -d, curl until it answers, memory, removal. */
    private Sample once(String sock, String ns, String id, List<String> runOptions, List<String> imageOrRootfs, List<String> command)
            throws Exception {
        try (NetworkNamespace pod = NetworkNamespace.create("kiln-bop-"); NetworkNamespace client = NetworkNamespace.create("kiln-boc-")) {
            run(30, "ip", "-n", client.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "eth0", "netns", pod.name());
            client.ip("addr", "add", "10.203.0.1/24", "dev", "veth0");
            client.ip("link", "set", "veth0", "up");
            pod.ip("addr", "add", "10.203.0.2/24", "dev", "eth0");
            pod.ip("link", "set", "eth0", "up");
            pod.ip("route", "add", "default", "via", "10.203.0.1");
            List<String> cmd = new ArrayList<>(List.of("ctr", "--address", sock, "-n", ns, "run", "-d",
                    "--with-ns", "network:/var/run/netns/" + pod.name()));
            cmd.addAll(runOptions);
            cmd.addAll(imageOrRootfs);
            cmd.add(id);
            cmd.addAll(command);
            long t0 = System.nanoTime();
            run(120, cmd.toArray(new String[0]));
            long ms, bytes;
            try {
                long deadline = t0 + 120_000_000_000L;
                while (true) {
                    Process curl = new ProcessBuilder("ip", "netns", "exec", client.name(), "curl", "-s", "-o", "/dev/null", "-m", "2",
                            "http://10.203.0.2/").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (curl.waitFor(30, TimeUnit.SECONDS) && curl.exitValue() == 0) break;
                    if (System.nanoTime() > deadline) throw new IOException(id + " did not answer within 120 s of ctr run");
                    Thread.sleep(5);
                }
                ms = (System.nanoTime() - t0) / 1_000_000;
                bytes = pss(Path.of("/sys/fs/cgroup/memory", ns, id, "cgroup.procs"));
            } catch (IOException | RuntimeException e) {
                // The container must not outlive the bench (its shim would keep the namespace's cgroup busy).
                for (String[] c : new String[][] {{"task", "delete", "--force", id}, {"container", "rm", id}}) {
                    List<String> rm = new ArrayList<>(List.of("ctr", "--address", sock, "-n", ns));
                    rm.addAll(List.of(c));
                    try {
                        run(60, rm.toArray(new String[0]));
                    } catch (IOException ignored) {
                        // already gone, or the error above says enough
                    }
                }
                throw e;
            }
            run(60, "ctr", "--address", sock, "-n", ns, "task", "kill", "-s", "SIGKILL", id);
            long stopDeadline = System.nanoTime() + 60_000_000_000L;
            while (!run(30, "ctr", "--address", sock, "-n", ns, "task", "ls").lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("STOPPED"))) {
                if (System.nanoTime() > stopDeadline) throw new IOException(id + " did not stop");
                Thread.sleep(20);
            }
            run(60, "ctr", "--address", sock, "-n", ns, "task", "delete", id);
            run(60, "ctr", "--address", sock, "-n", ns, "container", "rm", id);
            return new Sample(ms, bytes);
        }
    }

    /**
     * The container's host memory: the proportional set size (smaps_rollup's Pss) of every process
     * in its cgroup, guest memory included (it is the monitor's anonymous mapping). Not the
     * cgroup's charge: kiln-oci's monitor is the JVM that ran create, and the pages it touched
     * before joining the cgroup stay charged to the shim's (this kernel moves no charges).
     */
    private static long pss(Path procs) throws IOException {
        long kb = 0;
        for (String pid : Files.readAllLines(procs)) {
            for (String line : Files.readAllLines(Path.of("/proc", pid.strip(), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kb << 10;
    }

    private static Process startContainerd(Path dir) throws Exception {
        Files.writeString(dir.resolve("config.toml"), """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                disabled_plugins = ["io.containerd.grpc.v1.cri"]
                [grpc]
                  address = "%1$s/containerd.sock"
                [ttrpc]
                  address = "%1$s/containerd.sock.ttrpc"
                """.formatted(dir));
        Process p = new ProcessBuilder("containerd", "--config", dir.resolve("config.toml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Process v = new ProcessBuilder("ctr", "--address", dir.resolve("containerd.sock").toString(), "version")
                    .redirectErrorStream(true).start();
            String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (v.waitFor(30, TimeUnit.SECONDS) && v.exitValue() == 0 && out.contains("Server")) return p;
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("containerd did not start: " + Files.readString(dir.resolve("containerd.log")));
            }
            Thread.sleep(100);
        }
    }

    private static String version() {
        try {
            return run(30, "containerd", "--version").strip().replaceAll(".* (\\S+) \\S+$", "$1");
        } catch (Exception e) {
            return "?";
        }
    }

    private static String run(int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": no answer in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + out.strip());
        return out;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
