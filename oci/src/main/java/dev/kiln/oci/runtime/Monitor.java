package dev.kiln.oci.runtime;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.oci.image.Digest;
import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.NetConfig;
import dev.kiln.image.StaticIp;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.TapDevice;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The container's process: one monitor whose life is its VM's. It is the very JVM that ran
 * kiln-oci create (the launcher started it in the background and returned once create said
 * "ok", as runc returns while its init waits): {@link #prepare} loads and checks the image,
 * opens the pod's tap and makes the VM; {@link #serve} waits on the exec fifo until kiln-oci
 * start opens it, as runc's init does, then boots the guest. Its console is this process's
 * stdout, and its exit status becomes this process's. SIGTERM (podman stop, the kubelet's
 * StopContainer) asks the guest to stop (docs/abi.md, "Stopping"): a Java image runs its
 * shutdown hooks and exits 143. The grace period is the caller's, as with runc: podman's stop
 * timeout or the pod's terminationGracePeriodSeconds, after which it sends SIGKILL.
 */
final class Monitor {
    /** A VM made and waiting for start, with what must be closed after it. */
    record Prepared(Kvm kvm, Vm vm, TapDevice tap) {}

    private Monitor() {}

    /** Loads and checks the image and makes the VM; nothing runs yet. */
    static Prepared prepare(Launch l) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(l.image()));
        Digest.parse(l.imageDigest()).verify(bytes, "/kiln/image");
        GuestImage image = GuestImage.parse(bytes, "kiln");
        VmConfig config = new VmConfig(image, l.memoryBytes(), null, l.args(), l.env(), new FileOutputStream(FileDescriptor.out));
        TapDevice tap = null;
        Kvm kvm = null;
        try {
            if (l.network() != null) {
                tap = openTap(l.network());
                PodNetwork.Setup n = l.network();
                StaticIp ip = StaticIp.parse(n.address() + "/" + n.prefix() + (n.gateway() != null ? "," + n.gateway() : ""));
                config = config.withNet(new NetConfig(new TapBackend(tap), Long.parseLong(n.mac().replace(":", ""), 16),
                        n.mtu(), ip.address(), ip.prefixLen(), ip.gateway())
                        .withDns(l.nameserver() == null ? 0 : StaticIp.address(l.nameserver())));
            }
            kvm = Kvm.open();
            return new Prepared(kvm, Vm.create(kvm, config), tap);
        } catch (Exception | Error e) {
            if (tap != null) tap.close();
            if (kvm != null) kvm.close();
            throw e;
        }
    }

    /** Never returns: waits for start, runs the guest, exits with its status. */
    static void serve(ContainerDir dir, Prepared p) {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean started = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A container never started has nothing to stop gracefully: the JVM just ends.
            if (!started.get()) return;
            // Asked, not ended: a guest that ignores the request runs on until the caller's SIGKILL,
            // as a container's process that ignores SIGTERM does under runc.
            p.vm().requestStop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kiln-oci-stop"));
        awaitStart(dir);
        started.set(true);
        VmExit exit = p.vm().run();
        switch (exit) {
            case VmExit.Exited e -> { }
            case VmExit.Crashed c -> System.err.print("kiln-oci: " + c.report().format());
            default -> System.err.println("kiln-oci: " + exit.describe());
        }
        p.vm().close();
        if (p.tap() != null) p.tap().close();
        p.kvm().close();
        finished.countDown();
        System.exit(exit.exitStatus());
    }

    /** Blocks until kiln-oci start opens the fifo and reads the byte we write. */
    private static void awaitStart(ContainerDir dir) {
        try (FileOutputStream fifo = new FileOutputStream(dir.fifo().toFile())) {
            fifo.write('0');
        } catch (IOException e) {
            System.err.println("kiln-oci: the exec fifo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Opens the persistent tap create made, from a thread inside the pod's network namespace. */
    private static TapDevice openTap(PodNetwork.Setup n) throws Exception {
        FutureTask<TapDevice> task = new FutureTask<>(() -> {
            int fd = Errno.check(Libc.open(n.netns(), Libc.O_RDONLY | Libc.O_CLOEXEC), "open(" + n.netns() + ")");
            try {
                Errno.check(Libc.setns(fd, Libc.CLONE_NEWNET), "setns(" + n.netns() + ")");
            } finally {
                Libc.close(fd);
            }
            return TapDevice.open(n.tap());
        });
        Thread t = Thread.ofPlatform().name("kiln-oci-netns").start(task);
        TapDevice tap = task.get(30, TimeUnit.SECONDS);
        t.join();
        return tap;
    }
}
