package dev.kiln.vmm;

import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.net.EventFd;
import dev.kiln.vmm.net.TapDevice;
import dev.kiln.vmm.sandbox.MonitorFilters;
import dev.kiln.vmm.sandbox.Sandbox;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The host side of a VM's net device: an I/O thread that moves frames between the tap and the
 * guest's two rings while the guest runs, so that neither direction needs a VM exit while the
 * other side is busy.
 *
 * <p>The thread drains the tx ring into the tap and fills the rx ring from the tap (reading
 * and writing guest memory directly, no copy), in bounded batches so that neither direction
 * starves the other. When it runs out of work it arms the event indices (docs/abi.md) and
 * sleeps in poll(2) on the tap (only while it has rx buffers: frames then wait in the tap's
 * bounded kernel queue) and an eventfd, which the guest's notify hypercall and {@link #close}
 * ring. After publishing used descriptors it unparks the vCPU thread if that one sleeps in a
 * yield the guest asked to end on this (the guest's used_event).
 *
 * <p>A guest value that breaks the ABI ends the VM through {@code onGuestError}; an I/O error
 * on the tap ends it too (as a monitor-side error); nothing escapes the thread.
 */
final class NetDevice implements AutoCloseable {
    /** Frames per direction before the other direction gets its turn. */
    private static final int BATCH = 64;

    private final MemorySegment mem;
    private final NetConfig config;
    private final NetQueue rx, tx;
    private final EventFd doorbell;
    private final Consumer<String> onGuestError;
    private final int maxFrame;
    private Thread thread;
    private volatile boolean closing;
    /** The vCPU thread while it sleeps in a yield, else null. */
    private volatile Thread sleeper;

    final AtomicLong rxFrames = new AtomicLong(), rxBytes = new AtomicLong(), txFrames = new AtomicLong(),
            txBytes = new AtomicLong(), txDropped = new AtomicLong(), rxRingFull = new AtomicLong(),
            notifications = new AtomicLong(), vcpuWakeups = new AtomicLong(), ioWakeups = new AtomicLong(),
            yieldKicks = new AtomicLong();

    NetDevice(MemorySegment mem, GuestLayout layout, long bootInfoEnd, NetConfig config, Consumer<String> onGuestError)
            throws IOException {
        this.mem = mem;
        this.config = config;
        this.onGuestError = onGuestError;
        this.maxFrame = config.maxFrame();
        long base = layout.netBase;
        this.rx = new NetQueue(mem, layout, bootInfoEnd, base + Abi.NET_QUEUE_RX * Abi.NET_QUEUE_STRIDE, "rx", true);
        this.tx = new NetQueue(mem, layout, bootInfoEnd, base + Abi.NET_QUEUE_TX * Abi.NET_QUEUE_STRIDE, "tx", false);
        this.doorbell = new EventFd();
    }

    void start(String vmName) {
        thread = Thread.ofPlatform().name("kiln-net-" + vmName).daemon().start(this::loop);
    }

    // ---- called on the vCPU thread ---------------------------------------------------------

    /** The notify hypercall: the guest made descriptors available while the I/O thread slept. */
    void notifyQueues() {
        notifications.incrementAndGet();
        doorbell.signal();
    }

    /** The yield hypercall's ready bits: which ring passed the used_event the guest set. */
    long ready() {
        return (rx.wantsWake() ? Abi.READY_NET_RX : 0) | (tx.wantsWake() ? Abi.READY_NET_TX : 0);
    }

    /**
     * Blocks the vCPU thread until {@link #ready} is non-zero, the deadline (System.nanoTime)
     * passes or stopped says so; returns the ready bits. Never spins: it parks, and the I/O
     * thread unparks it after publishing used descriptors.
     */
    long sleep(long deadline, java.util.function.BooleanSupplier stopped) {
        // A yield implies a notify of the tx queue (docs/abi.md): the guest is exiting anyway,
        // so it need not spend a second exit on the notify hypercall for the frames it just queued.
        if (tx.pastArmedEvent()) {
            yieldKicks.incrementAndGet();
            doorbell.signal();
        }
        long r = ready();
        if (r != 0) return r;
        sleeper = Thread.currentThread();
        try {
            VarHandle.fullFence(); // sleeper is visible before the re-check: a publish after it unparks us
            for (r = ready(); r == 0 && !stopped.getAsBoolean(); r = ready()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                LockSupport.parkNanos(this, left);
            }
            return r;
        } finally {
            sleeper = null;
        }
    }

    // ---- the I/O thread ----------------------------------------------------------------------

    /** The eventfd the vCPU thread writes to wake this device's I/O thread. */
    int doorbellFd() {
        return doorbell.fd();
    }

    private void loop() {
        TapDevice tap = config.tap();
        try {
            Sandbox.confine(MonitorFilters.netIo(tap.fd(), doorbell.fd(), VcpuKicker.SIGNAL));
            while (!closing) {
                boolean txWork = drainTx(tap);
                boolean rxWork = fillRx(tap);
                if (txWork || rxWork) {
                    wakeVcpu();
                    continue;
                }
                // Idle: ask for notifications, then look again (a descriptor made available
                // between the last look and the arming would otherwise go unnoticed).
                boolean rxBuffers = rx.available() > 0;
                rx.armNotify(!rxBuffers); // rx buffers only matter when the device has none
                tx.armNotify(true);
                if (tx.available() > 0 || (!rxBuffers && rx.available() > 0)) continue;
                if (!rxBuffers && tap.awaitReadable(0)) {
                    rxRingFull.incrementAndGet(); // frames wait in the tap queue for the guest's buffers
                }
                ioWakeups.incrementAndGet();
                doorbell.await(rxBuffers ? tap : null, -1);
            }
            // The vCPU no longer runs: frames the guest queued just before it exited still go
            // out, as a NIC finishes its queue (a last ping reply, a FIN).
            while (drainTx(tap)) {
                // until the ring is empty
            }
        } catch (GuestFault e) {
            onGuestError.accept(e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (!closing) onGuestError.accept("net device: " + e.getMessage());
        }
    }

    /** Sends up to BATCH frames from the tx ring; true if it consumed any. */
    private boolean drainTx(TapDevice tap) throws IOException {
        int n = Math.min(tx.available(), BATCH);
        for (int i = 0; i < n; i++) {
            tx.peek(maxFrame);
            tx.consume();
            int len = tx.len;
            if (len == 0 || len > maxFrame) {
                txDropped.incrementAndGet(); // as a NIC drops a runt or giant
            } else if (tap.write(mem.asSlice(tx.addr, len))) {
                txFrames.incrementAndGet();
                txBytes.addAndGet(len);
            } else {
                txDropped.incrementAndGet();
            }
            tx.push(tx.head, 0);
        }
        return n > 0;
    }

    /** Receives up to BATCH frames into the rx ring; true if it filled any. */
    private boolean fillRx(TapDevice tap) throws IOException {
        int n = 0;
        while (n < BATCH && rx.available() > 0) {
            rx.peek(maxFrame);
            long got = tap.read(mem.asSlice(rx.addr, rx.len));
            if (got <= 0) break; // nothing waiting: the descriptor stays available
            rx.consume();
            rx.push(rx.head, (int) got);
            rxFrames.incrementAndGet();
            rxBytes.addAndGet(got);
            n++;
        }
        return n > 0;
    }

    private void wakeVcpu() {
        VarHandle.fullFence(); // the used index is published before we look for a sleeper
        Thread s = sleeper;
        if (s != null && ready() != 0) {
            vcpuWakeups.incrementAndGet();
            LockSupport.unpark(s);
        }
    }

    /** Stops the I/O thread and waits for it; the tap stays open (the caller's). */
    @Override
    public void close() {
        closing = true;
        doorbell.signal();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread == null || !thread.isAlive()) doorbell.close();
    }
}
