package dev.kiln.engine.vm;

import dev.kiln.engine.api.ExitRecord;
import dev.kiln.engine.health.HealthMonitor;
import dev.kiln.engine.net.VmNetworking;
import dev.kiln.vmm.Vm;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

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
    private Vm vm;
    private String killReason;
    private boolean byShutdown;
    private boolean stopRequested;

    VmRun(boolean automatic) {
        this.automatic = automatic;
    }

    synchronized void attach(Vm v) {
        vm = v;
        if (killReason != null) v.stop(killReason);
        else if (stopRequested) v.requestStop();
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
    }

    /** Destroys the VM now (or as soon as it exists); the first reason given is the one recorded. */
    synchronized void kill(String reason, boolean shutdown) {
        if (killReason == null) {
            killReason = reason;
            byShutdown = shutdown;
        }
        if (vm != null) vm.stop(reason);
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
}
