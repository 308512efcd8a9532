package dev.kiln.vmm.profile;

import dev.kiln.image.JavaDebugInfo;
import dev.kiln.vmm.javastack.CallSiteTable;
import dev.kiln.vmm.javastack.GuestMemoryWords;
import dev.kiln.vmm.javastack.GuestWords;
import dev.kiln.vmm.javastack.JavaFrame;
import dev.kiln.vmm.javastack.ShadowStack;
import dev.kiln.vmm.memory.GuestMemory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples one VM's guest at a fixed rate. Two threads share the work:
 *
 * <ul>
 * <li>the sampler's own thread ticks at the rate. At each tick it looks at where the vCPU
 *     thread is: in the guest (KVM_RUN), it asks for a sample and kicks the vCPU out with the
 *     kick signal (that exit is the sample's cost); serving a hypercall, it asks for a sample,
 *     which the vCPU thread takes on its way back into the guest, at no extra exit; waiting in a
 *     yield, it counts an idle sample itself and leaves the guest alone;</li>
 * <li>the vCPU thread ({@code RunLoop}) tells it where it is, and takes an asked-for sample at
 *     the top of its loop, the guest stopped: its RIP and its shadow stack.</li>
 * </ul>
 *
 * <p>The kick is the signal alone, without kvm_run.immediate_exit: a kick that lands just
 * before KVM_RUN is lost and the sample waits for the guest's next exit or the next tick's
 * kick, where an immediate exit would have to be cleared again, racing a stop request.
 */
public final class Sampler {
    /** Samples kept at most (about 100 MB of the monitor's heap at most); later ones are counted as dropped. */
    public static final int MAX_SAMPLES = 2_000_000;
    public static final int MAX_RATE_HZ = 10_000;

    /** Deeper shadow stacks are cut here (and marked truncated): a sample must stay cheap. */
    static final int MAX_DEPTH = 512;

    private static final int GUEST = 0, HOST = 1, IDLE = 2;

    private final int rateHz;
    private final Runnable kick;
    private final GuestWords guest;
    private final JavaDebugInfo java; // null: an image without the Java debug descriptor (RIP only)
    private final List<Sample> samples = new ArrayList<>(); // guarded by itself
    private volatile int where = GUEST;
    private volatile boolean due;
    private volatile boolean running = true;
    // Counters: each written by one thread, read after stop().
    private volatile long ticks, kicks, idleSamples, guestSamples, exitsCaused, samplerNanos, dropped, delayNanos, atOwnExits;
    /** When the pending sample was asked for (System.nanoTime), for the delay from a tick to its sample. */
    private volatile long dueSince;
    private long startNanos, endNanos;
    private Thread thread;

    /**
     * @param memory the guest's memory (read on the vCPU thread while the guest is stopped)
     * @param java the image's Java debug descriptor, or null (samples then hold the RIP alone)
     * @param kick sends the kick signal to the vCPU thread (nothing if it does not run)
     */
    public Sampler(GuestMemory memory, JavaDebugInfo java, int rateHz, Runnable kick) {
        if (rateHz < 1 || rateHz > MAX_RATE_HZ) {
            throw new IllegalArgumentException("the sampling rate must be 1 to " + MAX_RATE_HZ + " Hz, not " + rateHz);
        }
        this.rateHz = rateHz;
        this.kick = kick;
        this.guest = new GuestMemoryWords(memory);
        this.java = java;
    }

    /**
     * Starts ticking on a thread that {@code starter} creates (the caller confines it: all it does
     * is park, read the clock and send the kick signal).
     */
    public void start(java.util.function.Function<Runnable, Thread> starter) {
        startNanos = System.nanoTime();
        thread = starter.apply(this::tick);
    }

    private void tick() {
        long period = 1_000_000_000L / rateHz;
        long next = System.nanoTime() + period;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue; // re-checks running and the time: parkNanos may return early
            }
            next += period;
            long now = System.nanoTime();
            if (next - now < 0) next = now + period; // fell behind (a busy host): skip, never burst
            ticks++;
            switch (where) {
                case IDLE -> record(Sample.idleSample());
                case HOST -> ask();
                default -> {
                    ask();
                    kicks++;
                    kick.run();
                }
            }
        }
    }

    private void ask() {
        if (due) return; // the last tick's sample is still to be taken: this tick kicks again, one sample results
        dueSince = System.nanoTime();
        due = true;
    }

    // ---- the vCPU thread's side -------------------------------------------------------------

    /** True if a sample is asked for; the vCPU thread then calls {@link #take} with the guest stopped. */
    public boolean due() {
        return due;
    }

    /** The vCPU thread is about to enter the guest. */
    public void inGuest() {
        where = GUEST;
    }

    /** The vCPU thread left the guest; {@code yielding}: for a yield, where the guest has nothing to do. */
    public void inHost(boolean yielding) {
        where = yielding ? IDLE : HOST;
    }

    /** KVM_RUN returned for a signal: most likely this sampler's kick. */
    public void interrupted() {
        exitsCaused++;
    }

    /**
     * Takes the asked-for sample: the guest is stopped, {@code rip} reads its RIP (an ioctl).
     * {@code ownExit}: it stopped for a hypercall of its own before the kick landed (or the tick
     * came while a hypercall was served), not for the kick. vCPU thread only.
     */
    public void take(java.util.function.LongSupplier rip, boolean ownExit) {
        long t0 = System.nanoTime();
        due = false;
        if (ownExit) atOwnExits++;
        delayNanos += t0 - dueSince;
        ShadowStack.Walk w = java == null ? ShadowStack.Walk.NONE : ShadowStack.walk(guest, java, MAX_DEPTH);
        if (record(new Sample(rip.getAsLong(), w.callSites(), w.truncated(), false))) guestSamples++;
        samplerNanos += System.nanoTime() - t0;
    }

    private boolean record(Sample s) {
        synchronized (samples) {
            if (!running) return false;
            if (samples.size() >= MAX_SAMPLES) {
                dropped++;
                return false;
            }
            samples.add(s);
            if (s.idle()) idleSamples++;
            return true;
        }
    }

    // ---- the end ----------------------------------------------------------------------------

    /** Stops ticking and waits for the sampler's thread; later samples are ignored. Any thread, once. */
    public void stop() {
        synchronized (samples) {
            if (!running) return;
            running = false;
        }
        endNanos = System.nanoTime();
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * The samples and their Java frames, after {@link #stop}: resolves every call-site id seen
     * through guest memory, which must still be the guest's (call before the VM is closed).
     * {@code vcpuCpuNanos}: the CPU time the vCPU thread used while sampling ran, or -1.
     */
    public Profile profile(long vcpuCpuNanos) {
        if (running) throw new IllegalStateException("profile() after stop()");
        List<Sample> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        Map<Integer, List<JavaFrame>> frames = new HashMap<>();
        if (java != null) {
            CallSiteTable table = new CallSiteTable(guest, java);
            for (Sample s : taken) {
                for (int id : s.callSites()) frames.computeIfAbsent(id, i -> frames(table, i));
            }
        }
        SamplingCost cost = new SamplingCost(rateHz, Duration.ofNanos(endNanos - startNanos), ticks, guestSamples,
                idleSamples, atOwnExits, kicks, exitsCaused, samplerNanos, delayNanos, vcpuCpuNanos, dropped);
        return new Profile(taken, frames, java != null, cost);
    }

    /**
     * A call site's frames for a flame graph, innermost first: a call site that makes no sense
     * stands as one {@link JavaFrame#UNKNOWN} frame, and a chain cut short ends with one, so that
     * a stack keeps its depth and shows where it went wrong.
     */
    static List<JavaFrame> frames(CallSiteTable table, int id) {
        if (!table.contains(id)) return List.of(JavaFrame.UNKNOWN);
        CallSiteTable.CallSite site = table.read(id);
        if (site.error() == null && !site.frames().isEmpty()) return site.frames();
        List<JavaFrame> out = new ArrayList<>(site.frames());
        out.add(JavaFrame.UNKNOWN);
        return List.copyOf(out);
    }
}
