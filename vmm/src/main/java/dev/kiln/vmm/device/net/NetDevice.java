package dev.kiln.vmm.device.net;

import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestMemory;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A VM's net device (docs/abi.md, "The net device"): two rings in guest memory, served by an
 * I/O thread ({@link NetEventLoop}) that moves frames between them and a {@link NetBackend}
 * while the guest runs, so that neither direction needs a VM exit while the other side is busy.
 *
 * <p>This class is the device model: it moves frames in bounded batches (neither direction
 * starves the other), tells the vCPU's yield which rings have work ({@link #ready}) and parks
 * it until then ({@link #sleep}), and wakes it after publishing used descriptors if the
 * guest asked for that (its used_event). A guest value that breaks the ABI ends the VM through
 * {@code onGuestError}; a backend error ends it too (as a monitor-side error).
 */
public final class NetDevice implements AutoCloseable {
    /** Frames per direction before the other direction gets its turn. */
    private static final int BATCH = 64;

    final NetQueue rx, tx;
    private final NetBackend backend;
    private final int maxFrame;
    private final NetMetrics metrics = new NetMetrics();
    private final EventFd doorbell;
    private final NetEventLoop loop;
    /** The vCPU thread while it sleeps in a yield, else null. */
    private volatile Thread sleeper;

    /** The device of a VM whose net region starts at {@code netBase}; nothing runs until {@link #start}. */
    public NetDevice(GuestMemory memory, long netBase, NetConfig config, Consumer<String> onGuestError)
            throws IOException {
        this.backend = config.backend();
        this.maxFrame = config.maxFrame();
        this.rx = new NetQueue(memory, netBase + Abi.NET_QUEUE_RX * Abi.NET_QUEUE_STRIDE, "rx", true, maxFrame);
        this.tx = new NetQueue(memory, netBase + Abi.NET_QUEUE_TX * Abi.NET_QUEUE_STRIDE, "tx", false, maxFrame);
        this.doorbell = new EventFd();
        this.loop = new NetEventLoop(this, backend, doorbell, metrics, onGuestError);
    }

    /** Starts the I/O thread. */
    public void start(String vmName) {
        loop.start("kiln-net-" + vmName);
    }

    public NetMetrics metrics() {
        return metrics;
    }

    // ---- the vCPU thread's side --------------------------------------------------------------

    /** The notify hypercall: the guest made descriptors available while the I/O thread slept. */
    public void notifyQueues() {
        metrics.notifications.incrementAndGet();
        doorbell.signal();
    }

    /** The yield hypercall's ready bits: which ring passed the used_event the guest set. */
    public long ready() {
        return (rx.wantsWake() ? Abi.READY_NET_RX : 0) | (tx.wantsWake() ? Abi.READY_NET_TX : 0);
    }

    /**
     * Blocks the vCPU thread until {@link #ready} is non-zero, the deadline (System.nanoTime)
     * passes or stopped says so; returns the ready bits. Never spins: it parks, and the I/O
     * thread unparks it after publishing used descriptors.
     */
    public long sleep(long deadline, BooleanSupplier stopped) {
        // A yield implies a notify of the tx queue (docs/abi.md): the guest is exiting anyway,
        // so it need not spend a second exit on the notify hypercall for the frames it just queued.
        if (tx.pastArmedEvent()) {
            metrics.yieldKicks.incrementAndGet();
            doorbell.signal();
        }
        long r = ready();
        if (r == 0) {
            sleeper = Thread.currentThread();
            try {
                VarHandle.fullFence(); // sleeper is visible before the re-check: a publish after it unparks us
                for (r = ready(); r == 0 && !stopped.getAsBoolean(); r = ready()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    LockSupport.parkNanos(this, left);
                }
            } finally {
                sleeper = null;
            }
        }
        if (r != 0) metrics.yieldWakeups.incrementAndGet();
        return r;
    }

    // ---- the I/O thread's side (NetEventLoop) ------------------------------------------------

    /** Sends up to BATCH frames from the tx ring; true if it consumed any. */
    boolean drainTx() throws IOException {
        int n = Math.min(tx.available(), BATCH);
        for (int i = 0; i < n; i++) {
            tx.peek();
            tx.consume();
            long len = tx.len;
            // Shorter than an Ethernet header is a runt the tap refuses (EINVAL), which must not end the VM.
            if (len < Abi.NET_ETH_HEADER || len > maxFrame) {
                metrics.txDropped.incrementAndGet(); // as a NIC drops a runt or giant
            } else if (backend.send(tx.buffer)) {
                metrics.txFrames.incrementAndGet();
                metrics.txBytes.addAndGet(len);
            } else {
                metrics.txDropped.incrementAndGet();
            }
            tx.push(tx.head, 0);
        }
        return n > 0;
    }

    /** Receives up to BATCH frames into the rx ring; true if it filled any. */
    boolean fillRx() throws IOException {
        int n = 0;
        while (n < BATCH && rx.available() > 0) {
            rx.peek();
            int got = backend.receive(rx.buffer);
            if (got <= 0) break; // nothing waiting: the descriptor stays available
            rx.consume();
            rx.push(rx.head, got);
            metrics.rxFrames.incrementAndGet();
            metrics.rxBytes.addAndGet(got);
            n++;
        }
        return n > 0;
    }

    /** After publishing used descriptors: unparks the vCPU if it sleeps in a yield the guest asked to end on this. */
    void wakeVcpu() {
        VarHandle.fullFence(); // the used index is published before we look for a sleeper
        Thread s = sleeper;
        if (s != null && ready() != 0) {
            metrics.vcpuWakeups.incrementAndGet();
            LockSupport.unpark(s);
        }
    }

    /** The eventfd the vCPU thread writes to wake this device's I/O thread (its seccomp filter allows that write). */
    public int doorbellFd() {
        return doorbell.fd();
    }

    /** Stops the I/O thread (after it sent what the guest queued) and waits for it; the backend stays open. */
    @Override
    public void close() {
        if (loop.close()) doorbell.close();
    }
}
