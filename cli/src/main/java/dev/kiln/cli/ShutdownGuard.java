package dev.kiln.cli;

import dev.kiln.vmm.Vm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM during `kiln run` (the JVM runs shutdown hooks for both): the hook stops
 * the VM and then waits for the main thread to finish (report, stats, network teardown),
 * because the JVM halts as soon as its hooks return. If the main thread does not finish in
 * time, the hook tears the network down itself.
 */
final class ShutdownGuard implements AutoCloseable {
    private static final long WAIT_SECONDS = 10;
    private final VmNetwork network;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "kiln-run-shutdown");
    private volatile Vm vm;
    private volatile boolean stopping;

    ShutdownGuard(VmNetwork network) {
        this.network = network;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The VM to stop from now on; stopped at once if a signal came first. */
    void watch(Vm v) {
        vm = v;
        if (stopping) v.stop("signal");
    }

    private void onSignal() {
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
