package dev.kiln.oci.runtime;

import dev.kiln.oci.image.KilnDescriptor;
import dev.kiln.oci.image.KilnLayer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * kiln-oci create for a bundle that holds a Kiln image: checks what the caller asks for,
 * makes the cgroup and the pod network, starts the monitor (the container's process) inside
 * the cgroup with the caller's stdio, waits until it has made the VM, and writes the pid
 * file. Anything that fails is undone before the error is reported.
 */
final class Create {
    /**
     * What the monitor costs beside guest memory: the JVM (heap capped at {@link #MONITOR_HEAP_MB}),
     * its code and metaspace, thread stacks, the net device's buffers. Measured with the HTTP
     * example under load (docs/oci.md); a cgroup memory limit must hold guest memory plus this.
     */
    static final long OVERHEAD_MB = 96;
    static final int MONITOR_HEAP_MB = 32;

    private Create() {}

    static void run(Path root, boolean systemdCgroup, Bundle bundle, String id, Path pidFile, String consoleSocket,
                    RuntimeLog log) {
        ContainerDir dir = new ContainerDir(root, id);
        if (dir.exists()) throw new RuntimeError("container with id " + id + " already exists");
        if (bundle.terminal() || consoleSocket != null) {
            throw new RuntimeError("a terminal (-t, process.terminal) is not supported by Kiln containers: the guest's"
                    + " console is the container's stdout; run without -t");
        }
        KilnDescriptor d = bundle.descriptor();
        if (!d.flavor().equals("native")) {
            throw new RuntimeError("image " + d.name() + " is a " + d.flavor() + "-flavor image; kiln-oci runs native images"
                    + " (run jvm images with kiln run)");
        }
        if (!Files.isRegularFile(bundle.image())) throw new RuntimeError("the bundle's root file system has no /" + KilnLayer.IMAGE_PATH);
        long guestBytes = (long) d.memoryMb() << 20;
        long limit = bundle.memoryLimit();
        if (limit > 0 && limit < guestBytes + (OVERHEAD_MB << 20)) {
            throw new RuntimeError("the memory limit " + (limit >> 20) + " MiB cannot hold the guest's " + d.memoryMb()
                    + " MiB plus the monitor's " + OVERHEAD_MB + " MiB: raise the limit to at least "
                    + (d.memoryMb() + OVERHEAD_MB) + " MiB");
        }
        List<String> args = bundle.guestArgs();
        List<String> env = new ArrayList<>(bundle.env());
        String nameserver = bundle.nameserver();
        if (nameserver != null) env.add("KILN_NAMESERVER=" + nameserver);

        List<String> cgroups = List.of();
        PodNetwork.Setup net = null;
        Process monitor = null;
        try {
            Files.createDirectories(dir.dir);
            String rel = Cgroups.relative(bundle.cgroupsPath(), systemdCgroup, id);
            cgroups = Cgroups.create(rel, limit);
            if (bundle.networkNamespace() != null && PodNetwork.hasDevice(bundle.networkNamespace())) {
                net = PodNetwork.setup(bundle.networkNamespace(), PodNetwork.tapName(id));
                log.info("network: guest " + net.address() + "/" + net.prefix() + " gateway " + net.gateway() + " on tap " + net.tap());
            }
            ContainerState state = new ContainerState(id, 0, 0, bundle.dir().toString(), bundle.rootfs().toString(),
                    DateTimeFormatter.ISO_INSTANT.format(Instant.now()), bundle.annotations(), net, cgroups, nameserver);
            dir.write(state);
            ContainerDir.writeAtomically(dir.launch(), dev.kiln.oci.image.Json.bytes(new Launch(bundle.image().toString(),
                    d.imageDigest(), guestBytes, args, env, net)));
            dir.makeFifo();
            // Into the container's cgroup first, so the monitor starts (and is charged) there.
            Cgroups.join(cgroups, ProcessHandle.current().pid());
            monitor = new ProcessBuilder(monitorCommand(root, id)).inheritIO().start();
            String ready = awaitReady(dir, monitor);
            if (!ready.equals("ok")) throw new RuntimeError(ready.startsWith("error: ") ? ready.substring(7) : ready);
            long pid = monitor.pid();
            ProcStat stat = ProcStat.of((int) pid);
            dir.write(state.withPid((int) pid, stat == null ? 0 : stat.startTicks()));
            if (pidFile != null) ContainerDir.writeAtomically(pidFile.toAbsolutePath(), String.valueOf(pid).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            if (monitor != null) monitor.destroyForcibly();
            if (net != null) PodNetwork.teardown(net);
            if (monitor != null) {
                try {
                    monitor.waitFor();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            leaveCgroups();
            Cgroups.remove(cgroups);
            dir.remove();
            if (e instanceof RuntimeError re) throw re;
            throw new RuntimeError(e.getMessage(), e);
        }
    }

    /** Back to the root cgroups, so that ours can be removed while this process still runs. */
    private static void leaveCgroups() {
        try {
            for (Path h : Cgroups.hierarchies()) Files.writeString(h.resolve("cgroup.procs"), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException ignored) {
            // best effort: the directories are retried below and reported by delete
        }
    }

    /** Waits until the monitor writes "ok" or "error: ..." into ready, or dies. */
    private static String awaitReady(ContainerDir dir, Process monitor) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            if (Files.exists(dir.ready())) return Files.readString(dir.ready()).strip();
            if (!monitor.isAlive()) {
                if (Files.exists(dir.ready())) return Files.readString(dir.ready()).strip();
                return "error: the monitor exited with status " + monitor.exitValue() + " before the VM was made";
            }
            if (System.nanoTime() > deadline) return "error: the monitor did not make the VM within 60 s";
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "error: interrupted";
            }
        }
    }

    /** The monitor: this JVM's java, class path and AOT cache, with a small heap (guest memory lives outside it). */
    static List<String> monitorCommand(Path root, String id) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xmx" + MONITOR_HEAP_MB + "m");
        cmd.add("-Xss512k");
        String aot = System.getProperty("kiln.oci.aot");
        if (aot != null && Files.isRegularFile(Path.of(aot))) {
            cmd.add("-XX:AOTCache=" + aot);
            cmd.add("-Xlog:aot=off,cds=off");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Monitor.class.getName());
        cmd.add(root.toString());
        cmd.add(id);
        return cmd;
    }
}
