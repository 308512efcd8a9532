package dev.kiln.oci.runtime;

import dev.kiln.oci.image.KilnDescriptor;
import dev.kiln.oci.image.KilnLayer;

import dev.kiln.linux.Libc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * kiln-oci create for a bundle that holds a Kiln image: checks what the caller asks for,
 * makes the cgroup and the pod network, moves this JVM into the cgroup, makes the VM, writes
 * the pid file and tells the launcher "ok" on the status descriptor; then this same JVM goes
 * on as the container's process, the monitor ({@link Monitor#serve}). One JVM per container
 * start, not two: a JVM cannot fork, so the launcher (a shell script) started it in the
 * background and returns as soon as it reads "ok", as runc create returns while its init
 * waits. Anything that fails is undone before the error is reported.
 */
final class Create {
    /**
     * What the monitor costs beside guest memory: the JVM (heap capped at 32 MiB by the launcher's
     * -Xmx32m), its code and metaspace, thread stacks, the net device's buffers. Measured with the
     * HTTP example under load (docs/oci.md); a cgroup memory limit must hold guest memory plus this.
     */
    static final long OVERHEAD_MB = 96;

    private Create() {}

    /**
     * Never returns normally: after "ok" this JVM is the monitor until the guest exits.
     * @param statusFd the launcher's pipe (KILN_OCI_STATUS_FD): "ok" once the VM is made, then closed
     */
    static void run(Path root, boolean systemdCgroup, Bundle bundle, String id, Path pidFile, String consoleSocket,
                    RuntimeLog log, int statusFd) {
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
        if (statusFd < 0) {
            throw new RuntimeError("kiln-oci create of a Kiln container must run through the kiln-oci launcher"
                    + " (it starts the JVM that becomes the container's process; KILN_OCI_STATUS_FD is not set)");
        }
        List<String> args = bundle.guestArgs();
        List<String> env = new ArrayList<>(bundle.env());
        String nameserver = bundle.nameserver(); // the guest's resolver, through the boot info's net_dns

        List<String> cgroups = List.of();
        PodNetwork.Setup net = null;
        Monitor.Prepared prepared = null;
        long pid = ProcessHandle.current().pid();
        try {
            Files.createDirectories(dir.dir);
            String rel = Cgroups.relative(bundle.cgroupsPath(), systemdCgroup, id);
            cgroups = Cgroups.create(rel, limit);
            // This JVM is the container's process: into its cgroup at once, so that what it touches from here on
            // (the pod network's helpers, the image, the VM, the guest's memory) is charged there. What the JVM's
            // own start touched stays charged to the caller's cgroup: cgroup v1 on this kernel moves no charges.
            Cgroups.join(cgroups, pid);
            if (bundle.networkNamespace() != null && PodNetwork.hasDevice(bundle.networkNamespace())) {
                net = PodNetwork.setup(bundle.networkNamespace(), PodNetwork.tapName(id));
                log.info("network: guest " + net.address() + "/" + net.prefix() + " gateway " + net.gateway() + " on tap " + net.tap());
            }
            ContainerState state = new ContainerState(id, 0, 0, bundle.dir().toString(), bundle.rootfs().toString(),
                    DateTimeFormatter.ISO_INSTANT.format(Instant.now()), bundle.annotations(), net, cgroups, nameserver);
            dir.write(state);
            dir.makeFifo();
            prepared = Monitor.prepare(new Launch(bundle.image().toString(), d.imageDigest(), guestBytes, args, env, net, nameserver));
            ProcStat stat = ProcStat.of((int) pid);
            ContainerState started = state.withPid((int) pid, stat == null ? 0 : stat.startTicks());
            dir.write(started);
            dir.writeLauncherFacts(started);
            if (pidFile != null) ContainerDir.writeAtomically(pidFile.toAbsolutePath(), String.valueOf(pid).getBytes(StandardCharsets.US_ASCII));
        } catch (Exception | Error e) {
            if (prepared != null) {
                prepared.vm().close();
                if (prepared.tap() != null) prepared.tap().close();
                prepared.kvm().close();
            }
            if (net != null) PodNetwork.teardown(net);
            leaveCgroups();
            Cgroups.remove(cgroups);
            dir.remove();
            if (e instanceof RuntimeError re) throw re;
            throw new RuntimeError(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        System.out.flush();
        System.err.flush();
        tellLauncher(statusFd);
        Monitor.serve(dir, prepared);
    }

    /** "ok" on the launcher's pipe, then closed: the launcher returns, the caller reads the pid file. */
    private static void tellLauncher(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ok = arena.allocateFrom("ok\n", StandardCharsets.US_ASCII);
            Libc.write(fd, ok, 3);
        }
        Libc.close(fd);
    }

    /** Back to the root cgroups, so that ours can be removed while this process still runs. */
    private static void leaveCgroups() {
        try {
            for (Path h : Cgroups.hierarchies()) Files.writeString(h.resolve("cgroup.procs"), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException ignored) {
            // best effort: the directories are retried below and reported by delete
        }
    }
}
