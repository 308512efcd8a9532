package dev.kiln.oci.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.oci.image.Digest;
import dev.kiln.oci.image.Json;
import dev.kiln.oci.image.KilnDescriptor;
import dev.kiln.oci.image.KilnLayer;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The training run of kiln-oci's AOT cache (JDK 25, -XX:AOTCacheOutput): it walks the path a
 * container's create takes, on a real bundle and a real VM, without a container: picocli's
 * model of each command, the bundle's config.json and Kiln descriptor read and checked, state
 * written and read back, the image checked against its digest and loaded, KVM opened and the VM
 * made (the monitor's classes: FFM's downcalls, the ELF loader, the VM's devices), the JSON log
 * line, state's and features' output. The launcher runs it when the cache is missing or older
 * than the jars; the classes it loads are then loaded and linked from the cache at every start.
 * The guest is the C hello guest ($KILN_HOME/guest/build/tests/hello.elf, made with the jars; the
 * launcher exports KILN_HOME); where it or
 * /dev/kvm is missing the VM's part is left out of the cache, not an error: the cache only makes
 * starts faster. Not walked: the cgroup, the pod network and the tap (they change the host).
 */
@Command(name = "aot-train", hidden = true)
final class AotTraining implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        String home = System.getenv("KILN_HOME");
        Path guest = home == null ? null : Path.of(home, "guest/build/tests/hello.elf");
        if (guest != null && !Files.isRegularFile(guest)) guest = null;
        Path tmp = Files.createTempDirectory("kiln-oci-aot");
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            for (String[] args : List.of(new String[] {"features"}, new String[] {"--root", tmp.toString(), "state", "x"},
                    new String[] {"--root", tmp.toString(), "--log", "l", "--log-format", "json", "create", "--bundle",
                            tmp.toString(), "--pid-file", "p", "x"},
                    new String[] {"kill", "x", "KILL"}, new String[] {"delete", "--force", "x"}, new String[] {"start", "x"})) {
                KilnOci.commandLine(args).parseArgs(args);
            }
            KilnOci.commandLine(new String[] {"features"}).execute("features");
            Bundle b = Bundle.read(bundle(tmp.resolve("bundle"), guest));
            b.isKiln();
            KilnDescriptor d = b.descriptor();
            List<String> args = b.guestArgs();
            b.nameserver();
            b.memoryLimit();
            b.oomScoreAdj();
            ContainerDir dir = new ContainerDir(tmp, "train");
            Files.createDirectories(dir.dir);
            ContainerState state = new ContainerState("train", 0, 0, b.dir().toString(), b.rootfs().toString(), Instant.now().toString(),
                    b.annotations(), new PodNetwork.Setup("/n", PodNetwork.tapName("train"), "10.0.0.2", 24, "10.0.0.1",
                    "02:00:00:00:00:01", 1500), List.of(), null);
            dir.write(state);
            dir.makeFifo();
            ProcStat stat = ProcStat.of((int) ProcessHandle.current().pid());
            ContainerState started = state.withPid(1, stat == null ? 0 : stat.startTicks());
            dir.write(started);
            dir.writeLauncherFacts(started);
            dir.read();
            Launch launch = new Launch(b.image().toString(), d.imageDigest(), 16L << 20, args, b.env(), null, null);
            Json.bytes(launch);
            if (guest != null && Files.exists(Path.of("/dev/kvm"))) {
                Monitor.Prepared p = Monitor.prepare(launch);
                p.vm().close();
                p.kvm().close();
            }
            new RuntimeLog(tmp.resolve("log.json"), "json").info("training");
            Signals.parse("SIGTERM");
            Cgroups.relative("/a/b", false, "x");
            dir.remove();
        } finally {
            System.setOut(out);
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** A bundle as containerd lays one out: config.json, and the guest as the Kiln image of its root file system. */
    private static Path bundle(Path dir, Path guest) throws Exception {
        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("kiln"));
        byte[] image = guest != null ? Files.readAllBytes(guest) : new byte[0];
        if (guest != null) Files.write(rootfs.resolve(KilnLayer.IMAGE_PATH), image);
        Files.write(rootfs.resolve(KilnLayer.DESCRIPTOR_PATH),
                Json.bytes(KilnDescriptor.of("native", "train", 16, List.of(), List.of(), Digest.of(image))));
        ObjectNode config = Json.object();
        config.put("ociVersion", "1.0.2");
        config.putObject("root").put("path", "rootfs");
        ObjectNode process = config.putObject("process");
        process.put("terminal", false);
        process.put("oomScoreAdj", 0);
        process.putArray("args").add("/kiln/image");
        process.putArray("env").add("PATH=/usr/bin").add("HOSTNAME=train");
        config.putObject("annotations").put("io.kubernetes.cri.container-type", "container");
        ObjectNode linux = config.putObject("linux");
        linux.put("cgroupsPath", "/a/b");
        linux.putObject("resources").putObject("memory").put("limit", 256L << 20);
        linux.putArray("namespaces").addObject().put("type", "network").put("path", "/var/run/netns/train");
        config.putArray("mounts").addObject().put("destination", "/etc/resolv.conf").put("source", dir.resolve("resolv.conf").toString());
        Files.writeString(dir.resolve("resolv.conf"), "nameserver 10.0.0.10\n");
        Files.write(dir.resolve("config.json"), Json.bytes(config));
        return dir;
    }
}
