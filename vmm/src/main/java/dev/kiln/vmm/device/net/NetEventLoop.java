package dev.kiln.vmm.device.net;

import dev.kiln.vmm.kvm.VcpuKicker;
import dev.kiln.vmm.memory.GuestFault;
import dev.kiln.vmm.sandbox.MonitorFilters;
import dev.kiln.vmm.sandbox.Sandbox;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A net device's I/O thread: moves frames while there are any, and when there are none, arms
 * the rings' event indices (docs/abi.md) and sleeps in poll(2) on the doorbell (the guest's
 * notify, a yield's implied notify, {@link #close}) and on the backend, but on the backend only
 * while the guest has rx buffers: otherwise frames wait in the backend's bounded kernel queue.
 * Nothing escapes the thread: a guest fault or an I/O error ends the VM through
 * {@code onError}.
 */
final class NetEventLoop {
    private final NetDevice device;
    private final NetBackend backend;
    private final EventFd doorbell;
    private final NetMetrics metrics;
    private final Consumer<String> onError;
    private volatile boolean closing;
    private Thread thread;

    NetEventLoop(NetDevice device, NetBackend backend, EventFd doorbell, NetMetrics metrics, Consumer<String> onError) {
        this.device = device;
        this.backend = backend;
        this.doorbell = doorbell;
        this.metrics = metrics;
        this.onError = onError;
    }

    void start(String threadName) {
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    private void run() {
        try {
            Sandbox.confine(MonitorFilters.netIo(backend.pollFd(), doorbell.fd(), VcpuKicker.SIGNAL));
            while (!closing) {
                boolean txWork = device.drainTx();
                boolean rxWork = device.fillRx();
                if (txWork || rxWork) {
                    device.wakeVcpu();
                    continue;
                }
                sleep();
            }
            // The vCPU no longer runs: frames the guest queued just before it exited still go
            // out, as a NIC finishes its queue (a last ping reply, a FIN).
            while (device.drainTx()) {
                // until the ring is empty
            }
        } catch (GuestFault e) {
            onError.accept(e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (!closing) onError.accept("net device: " + e.getMessage());
        }
    }

    /**
     * Idle: asks for notifications, then looks again (a descriptor made available between the
     * last look and the arming would otherwise go unnoticed), then waits.
     */
    private void sleep() throws IOException {
        NetQueue rx = device.rx, tx = device.tx;
        boolean rxBuffers = rx.available() > 0;
        rx.armNotify(!rxBuffers); // rx buffers only matter when the device has none
        tx.armNotify(true);
        if (tx.available() > 0 || (!rxBuffers && rx.available() > 0)) return;
        if (!rxBuffers && doorbell.readableNow(backend.pollFd())) {
            metrics.rxRingFull.incrementAndGet(); // frames wait in the backend's queue for the guest's buffers
        }
        metrics.ioSleeps.incrementAndGet();
        doorbell.await(rxBuffers ? backend.pollFd() : -1, -1);
    }

    /** Stops the thread and waits for it (5 s at most); true if it ended (then the doorbell may be closed). */
    boolean close() {
        closing = true;
        doorbell.signal();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return thread == null || !thread.isAlive();
    }
}
