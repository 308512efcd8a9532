package dev.kiln.fuzz;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import dev.kiln.vmm.VmStats;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.PrivateNetns;
import dev.kiln.vmm.hostnet.TapDevice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Boots the fuzzer guest (guest/tests/hcfuzz.c) again and again in this one monitor process,
 * each VM with its own seed, until the guests made the asked number of hypercalls; every VM
 * ends when the monitor refuses one of its calls (exit status 159), or by a call that legally
 * ends it (exit, abort).
 *
 * <p>A monitor crash is anything the monitor must never do whatever the guest does: an
 * exception escaping {@link Vm#create} or {@link Vm#run}, or a guest error that reports a
 * monitor-side exception (Vm.run turns one into "monitor error while serving the guest: ...",
 * the net thread an unexpected I/O or runtime exception into "net device: ..."). A JVM death
 * ends the run without its figures line, which the caller sees.
 *
 * <p>Leaks: descriptors and Kiln's threads are compared exactly between the end of a warm-up
 * batch and the end of the run; resident memory within {@link #RSS_TOLERANCE_KIB}.
 *
 * <p>VM number i gets the guest seed {@link #vmSeed}(seed, i), so a failure is replayed with
 * {@link #replay} (`kiln fuzz hypercalls --replay VMSEED`).
 */
public final class HypercallFuzzer {
    /**
     * Resident memory outside the JVM's own pools (see {@link HostFootprint#outsideJvmPoolsKib})
     * may grow this much between the warm-up and the end: malloc's arenas and the JVM's other
     * native structures settle at their own pace. A per-VM leak does not hide in it: a VM holds
     * 16 MiB of guest memory and some KiB of host structures, and a run boots thousands.
     */
    public static final long RSS_TOLERANCE_KIB = 32 * 1024;
    /** One VM's guest memory: small, so that many run at once; the net region and stack fit. */
    public static final long VM_MEMORY = 16L << 20;
    /** The most calls one VM makes before it exits on its own (it rarely gets there). */
    static final long MAX_CALLS_PER_VM = 1_000_000;
    /** The subnet of worker w's tap, in the run's own network namespace: 10.77.w.0/24. */
    private static final int SUBNET = (10 << 24) | (77 << 16);
    private static final int[] MTUS = {68, 576, 1500, 2034};
    /** Young collections the warm-up waits for (see {@link HostFootprint#youngCollections}). */
    static final int WARMUP_YOUNG_GCS = 3;
    private long warmupCalls;

    /**
     * @param guest the fuzzer guest's ELF (guest/build/tests/hcfuzz.elf)
     * @param calls stop booting VMs once the guests made this many hypercalls (port-I/O exits)
     * @param parallel VMs running at the same time
     * @param seed the run's seed
     * @param net give every VM a net device on a tap (needs root)
     * @param vmTimeout a VM still running after this is stopped and counted as a hang
     */
    public record Options(java.nio.file.Path guest, long calls, int parallel, long seed, boolean net,
                          Duration vmTimeout) {
        public Options {
            if (calls < 1) throw new IllegalArgumentException("calls must be at least 1");
            if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1");
        }
    }

    /** How the run went; {@link #figures} is the one line the command ends with. */
    public record Result(long calls, long vms, long status159, long exited, long aborted, long crashed,
                         long timedOut, long stopped, long survived, long monitorCrashes, List<String> failures,
                         HostFootprint before, HostFootprint after, long netFramesOut, long netFramesIn,
                         long warmupCalls) {
        public boolean leaked() {
            return after.fds() != before.fds() || after.kilnThreads() != before.kilnThreads()
                    || after.outsideJvmPoolsKib() - before.outsideJvmPoolsKib() > RSS_TOLERANCE_KIB;
        }

        public String figures() {
            return String.format("fuzz hypercalls calls=%d vms=%d status159=%d other_exits=exited:%d,aborted:%d,"
                            + "crashed:%d,survived:%d,timed_out:%d,stopped:%d monitor_crashes=%d"
                            + " net_frames_out=%d net_frames_in=%d warmup_calls=%d host_rss_kib_before=%d host_rss_kib_after=%d"
                            + " rss_outside_jvm_pools_growth_kib=%d rss_tolerance_kib=%d fds_before=%d fds_after=%d kiln_threads_before=%d"
                            + " kiln_threads_after=%d leak=%s",
                    calls, vms, status159, exited, aborted, crashed, survived, timedOut, stopped, monitorCrashes,
                    netFramesOut, netFramesIn, warmupCalls, before.rssKib(), after.rssKib(),
                    after.outsideJvmPoolsKib() - before.outsideJvmPoolsKib(), RSS_TOLERANCE_KIB, before.fds(),
                    after.fds(), before.kilnThreads(), after.kilnThreads(), leaked() ? "SUSPECTED" : "none");
        }
    }

    /** One VM's end. */
    public record Outcome(long vmSeed, VmExit exit, VmStats stats, String console, Throwable thrown) {
        /** Non-null when the monitor did what it must never do. */
        public String monitorFailure() {
            if (thrown != null) return "an exception escaped the monitor: " + stackTrace(thrown);
            if (exit instanceof VmExit.GuestError e && isMonitorSide(e.message())) return e.message();
            return null;
        }
    }

    /** Guest errors that are monitor-side exceptions in disguise (see the class comment). */
    static boolean isMonitorSide(String guestErrorMessage) {
        return guestErrorMessage.startsWith("monitor error while serving the guest")
                || guestErrorMessage.startsWith("net device: ");
    }

    private final Kvm kvm;
    private final Options options;
    private final GuestImage image;
    private final Consumer<String> progress;
    private final AtomicLong nextVm = new AtomicLong();
    private final LongAdder calls = new LongAdder(), vms = new LongAdder(), status159 = new LongAdder(),
            exited = new LongAdder(), aborted = new LongAdder(), crashed = new LongAdder(), timedOut = new LongAdder(),
            stopped = new LongAdder(), survived = new LongAdder(), monitorCrashes = new LongAdder(),
            framesOut = new LongAdder(), framesIn = new LongAdder();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private HypercallFuzzer(Kvm kvm, Options options, Consumer<String> progress) {
        this.kvm = kvm;
        this.options = options;
        this.image = GuestImage.load(options.guest());
        this.progress = progress;
    }

    /** Runs the whole fuzzing session; progress lines go to {@code progress}. */
    public static Result run(Kvm kvm, Options options, Consumer<String> progress) throws IOException, InterruptedException {
        return new HypercallFuzzer(kvm, options, progress).run();
    }

    /** The guest seed of VM number index in a run seeded with seed (SplitMix64: neighbours differ everywhere). */
    public static long vmSeed(long seed, long index) {
        long z = seed + (index + 1) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Boots one VM with the given guest seed, as the run booted it, and returns how it ended. */
    public static Outcome replay(Kvm kvm, java.nio.file.Path guest, long vmSeed, boolean net, Duration timeout)
            throws IOException {
        GuestImage image = GuestImage.load(guest);
        if (!net) return boot(kvm, image, vmSeed, MAX_CALLS_PER_VM, null, timeout);
        try (PrivateNetns ns = PrivateNetns.create(); TapDevice tap = openTap(ns, 0)) {
            return boot(kvm, image, vmSeed, MAX_CALLS_PER_VM, netConfig(tap, 0, vmSeed), timeout);
        }
    }

    private Result run() throws IOException, InterruptedException {
        progress.accept(String.format("fuzz hypercalls: seed %d, %d calls, %d VMs at a time, %s; guest %s",
                options.seed(), options.calls(), options.parallel(), options.net() ? "each with a net device on a tap"
                        : "no net device", options.guest()));
        PrivateNetns ns = options.net() ? PrivateNetns.create() : null;
        List<TapDevice> taps = new ArrayList<>();
        try {
            for (int w = 0; w < options.parallel() && ns != null; w++) taps.add(openTap(ns, w));
            // Warm-up: every code path compiled, the KVM shells pooled, the heap's young generation cycled
            // (its pages resident) a few times; then the baseline. A tenth of the calls (at most a million),
            // more while the young generation has run fewer than WARMUP_YOUNG_GCS times, at most half the calls.
            long young0 = HostFootprint.youngCollections();
            long warmup = Math.max(1, Math.min(options.calls() / 10, 1_000_000));
            runBatch(warmup, taps);
            long step = Math.max(1000, options.calls() / 50);
            while (HostFootprint.youngCollections() - young0 < WARMUP_YOUNG_GCS && warmup + step <= options.calls() / 2) {
                warmup += step;
                runBatch(warmup, taps);
            }
            warmupCalls = calls.sum();
            HostFootprint before = HostFootprint.measure();
            runBatch(options.calls(), taps);
            HostFootprint after = HostFootprint.measure();
            return new Result(calls.sum(), vms.sum(), status159.sum(), exited.sum(), aborted.sum(), crashed.sum(),
                    timedOut.sum(), stopped.sum(), survived.sum(), monitorCrashes.sum(), List.copyOf(failures), before,
                    after, framesOut.sum(), framesIn.sum(), warmupCalls);
        } finally {
            taps.forEach(TapDevice::close);
            if (ns != null) ns.close();
        }
    }

    /** Runs VMs on parallel threads until the total of calls reaches target. */
    private void runBatch(long target, List<TapDevice> taps) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        long[] lastReport = {System.nanoTime()};
        for (int w = 0; w < options.parallel(); w++) {
            TapDevice tap = taps.isEmpty() ? null : taps.get(w);
            int worker = w;
            workers.add(Thread.ofPlatform().name("fuzz-hypercalls-" + w).start(() -> {
                while (calls.sum() < target) {
                    long index = nextVm.getAndIncrement();
                    long seed = vmSeed(options.seed(), index);
                    long budget = Math.min(MAX_CALLS_PER_VM, Math.max(1, target - calls.sum()));
                    Outcome o;
                    try {
                        o = boot(kvm, image, seed, budget, tap == null ? null : netConfig(tap, worker, seed),
                                options.vmTimeout());
                    } catch (Throwable t) { // setup of the net config: ours, still a monitor failure
                        o = new Outcome(seed, null, null, "", t);
                    }
                    record(index, o);
                    if (worker == 0) report(lastReport);
                }
            }));
        }
        for (Thread t : workers) t.join();
    }

    private void report(long[] last) {
        long now = System.nanoTime();
        if (now - last[0] < 10_000_000_000L) return;
        last[0] = now;
        progress.accept(String.format("fuzz hypercalls: %d calls in %d VMs (%d%%), %d ended with status 159,"
                        + " %d monitor crashes", calls.sum(), vms.sum(), Math.min(100, calls.sum() * 100 / options.calls()),
                status159.sum(), monitorCrashes.sum()));
    }

    private void record(long index, Outcome o) {
        vms.increment();
        if (o.stats() != null) {
            calls.add(o.stats().ioExits());
            if (o.stats().net() != null) {
                framesOut.add(o.stats().net().txFrames());
                framesIn.add(o.stats().net().rxFrames());
            }
        }
        String failure = o.monitorFailure();
        if (failure != null) {
            monitorCrashes.increment();
            note(String.format("MONITOR CRASH in VM %d (replay: --replay %s): %s", index,
                    Long.toUnsignedString(o.vmSeed()), failure));
            return;
        }
        switch (o.exit()) {
            case VmExit.GuestError e -> status159.increment();
            case VmExit.Exited e -> {
                if (e.status() == 0 && o.console().contains("hcfuzz: survived")) survived.increment();
                else exited.increment();
            }
            case VmExit.Aborted a -> aborted.increment();
            case VmExit.Crashed c -> { // the guest itself faulted: it only touches memory it may, so look
                crashed.increment();
                note(String.format("guest crash in VM %d (replay: --replay %s): %s", index,
                        Long.toUnsignedString(o.vmSeed()), c.report().format()));
            }
            case VmExit.TimedOut t -> {
                timedOut.increment();
                note(String.format("VM %d (replay: --replay %s) still ran after %s", index,
                        Long.toUnsignedString(o.vmSeed()), t.after()));
            }
            case VmExit.Stopped s -> stopped.increment();
        }
    }

    private void note(String message) {
        if (failures.size() < 100) failures.add(message);
        progress.accept("fuzz hypercalls: " + message);
    }

    private static Outcome boot(Kvm kvm, GuestImage image, long seed, long budget, NetConfig net, Duration timeout) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OutputStream capped = new CappedOutput(console, 4096);
        VmConfig config = VmConfig.of(image, capped).withMemoryBytes(VM_MEMORY).withTimeout(timeout)
                .withArgs(List.of(Long.toUnsignedString(seed), Long.toString(budget))).withNet(net);
        try (Vm vm = Vm.create(kvm, config)) {
            VmExit exit = vm.run();
            return new Outcome(seed, exit, vm.stats(), console.toString(StandardCharsets.UTF_8), null);
        } catch (Throwable t) {
            return new Outcome(seed, null, null, console.toString(StandardCharsets.UTF_8), t);
        }
    }

    private static TapDevice openTap(PrivateNetns ns, int worker) throws IOException {
        String name = "hcfuzz" + worker;
        TapDevice tap = ns.callInside(() -> TapDevice.open(name));
        try {
            ns.ip("addr", "add", ipText(SUBNET | (worker << 8) | 1) + "/24", "dev", name);
            ns.ip("link", "set", name, "up");
        } catch (IOException | RuntimeException e) {
            tap.close();
            throw e;
        }
        return tap;
    }

    /** Worker w's guest: 10.77.w.2/24 behind the tap's 10.77.w.1, an MTU the seed picks (the tap does not care). */
    private static NetConfig netConfig(TapDevice tap, int worker, long seed) {
        int base = SUBNET | (worker << 8);
        return new NetConfig(new TapBackend(tap), NetConfig.localMac(worker + 1), MTUS[(int) Long.remainderUnsigned(seed, MTUS.length)],
                base | 2, 24, base | 1);
    }

    private static String ipText(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** Keeps the first bytes of a VM's console (the guest's last line is short) and counts the rest away. */
    private static final class CappedOutput extends OutputStream {
        private final ByteArrayOutputStream out;
        private final int cap;

        CappedOutput(ByteArrayOutputStream out, int cap) {
            this.out = out;
            this.cap = cap;
        }

        @Override
        public void write(int b) {
            if (out.size() < cap) out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int room = cap - out.size();
            // The tail matters more than the noise before it: keep the last line the guest prints.
            if (len <= room) out.write(b, off, len);
            else if (len < cap) {
                out.reset();
                out.write(b, off, len);
            }
        }
    }
}
