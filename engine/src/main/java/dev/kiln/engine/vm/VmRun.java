package dev.kiln.engine.vm;

import dev.kiln.engine.api.ExitRecord;
import dev.kiln.engine.health.HealthMonitor;
import dev.kiln.engine.net.VmNetworking;
import dev.kiln.jvm.qemu.QemuRunner;
import dev.kiln.vmm.Vm;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One run of a VM: from its start on a new vCPU thread to its exit. Killing works at any point:
 * before the monitor's VM exists the reason is kept and applied the moment it does.
 */
final class VmRun {
    final Instant startedAt = Instant.now();
    /** Started by the restart policy or by the daemon restoring it, not by a user. */
    final boolean automatic;
    /** Completes when the guest is about to run, or exceptionally when the VM could not be set up. */
    final CompletableFuture<Void> started = new CompletableFuture<>();
    /** Completes when the run's exit is recorded. */
    final CompletableFuture<ExitRecord> ended = new CompletableFuture<>();
    volatile VmNetworking.Attachment network;
    volatile HealthMonitor health;
    /** Where health checks reach a guest without a daemon network (a jvm VM's published ports). */
    volatile dev.kiln.engine.net.GuestEndpoint endpoint;
    private Vm vm;
    /** A jvm VM's QEMU (instead of the monitor's VM). */
    private QemuRunner.Running qemu;
    private String killReason;
    private boolean byShutdown;
    private boolean stopRequested;
    private Path debugSocket;

    VmRun(boolean automatic) {
        this.automatic = automatic;
    }

    synchronized void attach(Vm v) {
        vm = v;
        if (killReason != null) v.stop(killReason);
        else if (stopRequested) v.requestStop();
    }

    /** A jvm VM's QEMU runs: a kill or stop asked for before is applied now. */
    synchronized void attach(QemuRunner.Running q) {
        qemu = q;
        if (killReason != null) q.kill();
        else if (stopRequested) askToStop(q);
    }

    /** SIGTERM to the app (its shutdown hooks run, it exits 143); if the guest cannot be told, the grace period ends in a kill. */
    private static void askToStop(QemuRunner.Running q) {
        try {
            q.signal(15);
        } catch (IOException ignored) {
            // the control port is closed: QEMU is ending anyway, or the kill after the grace period ends it
        }
    }

    /**
     * Asks the guest to stop through the ABI's control page (now, or as soon as the VM exists):
     * a Java image runs its shutdown hooks and exits; a guest that ignores it runs on. With
     * {@code shutdown}, the daemon's shutdown asks, and the run counts as ended by it however it ends.
     */
    synchronized void requestStop(boolean shutdown) {
        stopRequested = true;
        if (shutdown) byShutdown = true;
        if (vm != null) vm.requestStop();
        if (qemu != null) askToStop(qemu);
    }

    /** Destroys the VM now (or as soon as it exists); the first reason given is the one recorded. */
    synchronized void kill(String reason, boolean shutdown) {
        if (killReason == null) {
            killReason = reason;
            byShutdown = shutdown;
        }
        if (vm != null) vm.stop(reason);
        if (qemu != null) qemu.kill();
    }

    synchronized String killReason() {
        return killReason;
    }

    synchronized boolean endedByShutdown() {
        return byShutdown;
    }

    synchronized Vm vm() {
        return vm;
    }

    /**
     * The GDB stub of this run (kiln debug NAME): opened at {@code socket} by the first call, the
     * same one for later calls (one debugger at a time, one after another); closed with the VM.
     * IllegalStateException while the VM is not set up yet, is being destroyed or has ended.
     */
    synchronized Path debug(Path socket, Consumer<String> log, ManagedVm.SocketSecurer secure) throws IOException {
        if (debugSocket != null) return debugSocket;
        if (qemu != null) throw new IllegalStateException("a jvm image on QEMU has no GDB stub");
        if (vm == null) throw new IllegalStateException("it is still starting");
        if (killReason != null) throw new IllegalStateException("it is being destroyed");
        removeStale(socket);
        vm.debugWith(UnixDomainSocketAddress.of(socket), false, log);
        secure.secure(socket);
        debugSocket = socket;
        return socket;
    }

    /**
     * Samples this run's guest for {@code duration} at {@code rateHz} (kiln profile NAME), or
     * until the run ends, and returns the profile symbolized. IllegalStateException while the VM
     * is not set up, is a jvm image, is being destroyed, ended before its memory could be read,
     * or is being profiled already.
     */
    /** A profile and the image whose symbols name its frames. */
    record Profiled(dev.kiln.vmm.profile.Profile profile, dev.kiln.image.GuestImage image) {}

    Profiled profile(Duration duration, int rateHz) {
        dev.kiln.vmm.Vm v;
        synchronized (this) {
            if (qemu != null) throw new IllegalStateException("a jvm image on QEMU cannot be profiled");
            if (vm == null) throw new IllegalStateException("it is still starting");
            if (killReason != null) throw new IllegalStateException("it is being destroyed");
            v = vm;
        }
        v.startProfiling(rateHz);
        try {
            ended.get(duration.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS); // the run ended first
        } catch (java.util.concurrent.TimeoutException e) {
            // the usual end: the duration passed
        } catch (java.util.concurrent.ExecutionException e) {
            // ended, by a failure; the profile so far is still the guest's
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Profiled(v.stopProfiling(), v.image());
    }

    /** A socket file that nobody answers on (a daemon killed while a stub listened) is removed; a live one is an error. */
    private static void removeStale(Path socket) throws IOException {
        if (!Files.exists(socket)) return;
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            throw new IOException("something else listens there");
        } catch (java.net.SocketException e) {
            Files.deleteIfExists(socket);
        }
    }
}
