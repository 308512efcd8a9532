package dev.kiln.cli;

import dev.kiln.vmm.StopOutcome;
import dev.kiln.vmm.Vm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) during `kiln run`, as `docker stop` treats a container: the first
 * asks the guest to stop (docs/abi.md, "Stopping": a Java image runs its shutdown hooks and exits
 * with 143) and gives it the grace period; a second signal, or the end of the grace period,
 * destroys the VM. {@link #outcome} says which happened, for the line kiln prints.
 *
 * <p>Other ways the JVM shuts down (SIGHUP, say) still go through a shutdown hook that ends the VM
 * at once and waits for the main thread to finish (report, stats, network teardown), because the
 * JVM halts as soon as its hooks return; if the main thread does not finish in time, the hook
 * tears the network down itself.
 */
final class ShutdownGuard implements AutoCloseable {
    private static final long WAIT_SECONDS = 10;
    private final VmNetwork network;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "kiln-run-shutdown");
    private final AtomicInteger signals = new AtomicInteger();
    private final CompletableFuture<StopOutcome> outcome = new CompletableFuture<>();
    private volatile Vm vm;
    private volatile boolean stopping;
    private volatile boolean graceful;

    ShutdownGuard(VmNetwork network, Duration grace) {
        this.network = network;
        this.grace = grace;
        Runtime.getRuntime().addShutdownHook(hook);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> onSignal());
        }
    }

    /** The VM to stop from now on (before it runs); a signal that came first stops it at once. */
    void watch(Vm v) {
        vm = v;
        if (signals.get() > 0 || stopping) v.stop("signal");
    }

    /**
     * Once {@link Vm#run} returned: how a signal ended the VM ("stopped by the guest after 0.2 s",
     * "killed after the 10 s grace period", "killed by a second signal"), or null if no graceful
     * stop was asked for. Waits for the stopping thread, which returns as soon as the VM ended.
     */
    String outcome() {
        if (!graceful) return null;
        if (signals.get() > 1) return "killed by a second signal";
        StopOutcome o = outcome.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).exceptionally(t -> null).join();
        return o == null ? null : o.describe();
    }

    private void onSignal() {
        int n = signals.incrementAndGet();
        Vm v = vm;
        if (v == null) return;
        if (n == 1) {
            graceful = true;
            startGracefulStop(v);
        } else {
            v.stop("killed by a second signal");
        }
    }

    private void startGracefulStop(Vm v) {
        Thread t = new Thread(() -> {
            try {
                outcome.complete(v.stopGracefully(grace));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, "kiln-run-stop");
        t.setDaemon(true);
        t.start();
    }

    private void onShutdown() {
        stopping = true;
        Vm v = vm;
        if (v != null) v.stop("signal");
        try {
            if (finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (network != null) network.close();
    }

    /** The main thread is done: the hook has nothing left to do. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook returns now that finished is counted down
        }
    }
}
