package dev.kiln.vmm;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.image.JavaDebugInfo;
import dev.kiln.vmm.core.CoreDump;
import dev.kiln.vmm.core.CpuState;
import dev.kiln.vmm.crash.CrashAnalyzer;
import dev.kiln.vmm.device.net.NetDevice;
import dev.kiln.vmm.gdb.GdbServer;
import dev.kiln.vmm.gdb.GdbStub;
import dev.kiln.vmm.hypercall.AbortCall;
import dev.kiln.vmm.hypercall.ConsoleWriteCall;
import dev.kiln.vmm.hypercall.HypercallDispatcher;
import dev.kiln.vmm.hypercall.HypercallTable;
import dev.kiln.vmm.hypercall.NetNotifyCall;
import dev.kiln.vmm.hypercall.YieldCall;
import dev.kiln.vmm.javastack.GuestMemoryWords;
import dev.kiln.vmm.javastack.JavaStackReader;
import dev.kiln.vmm.javastack.JavaThreadStack;
import dev.kiln.vmm.kvm.VcpuKicker;
import dev.kiln.vmm.kvm.VmShell;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.PageTables;
import dev.kiln.vmm.memory.Region;
import dev.kiln.vmm.profile.Profile;
import dev.kiln.vmm.profile.Sampler;
import dev.kiln.vmm.sandbox.MonitorFilters;
import dev.kiln.vmm.sandbox.MonitorThreads;
import dev.kiln.vmm.sandbox.Sandbox;
import dev.kiln.vmm.sandbox.SyscallFilter;
import dev.kiln.vmm.x86.X86Setup;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One VM with one vCPU running a native image at CPL 3.
 *
 * <p>{@link #create} does all the work before the first instruction: it takes a VM shell
 * (KVM VM, memory, vCPU), loads the image, builds the page tables, the descriptor tables,
 * registers and boot info, then seals guest memory. {@link #run} enters the guest on a vCPU
 * thread of its own ({@link RunLoop}), confined to its seccomp filter (docs/security.md), and
 * serves its hypercalls there until it ends; {@link #start} does the same without a thread of
 * the caller waiting for it (a daemon holding a thousand VMs holds a thousand vCPU threads,
 * not two thousand threads). Everything the guest hands over is untrusted: a
 * bad hypercall ends this VM with {@link VmExit.GuestError}, never an exception, and never
 * touches another VM.
 */
public final class Vm implements AutoCloseable {
    private final Kvm kvm;
    private final GuestImage image;
    private final VmConfig config;
    private final GuestLayout layout;
    private final VmShell shell;
    private final StopRequest stop;
    /** Holds the running guest still for kiln dump and kiln stack. */
    private final VcpuPause pause;
    private final GuestStopRequest guestStop;
    private final GuestStatsPage statsPage;
    /** Completed when the guest has ended and its devices have stopped ({@link #start}'s future). */
    private final CompletableFuture<VmExit> end = new CompletableFuture<>();
    private final HypercallDispatcher hypercalls;
    private final ConsoleWriteCall console;
    private final RunLoop loop;
    /** The net device, or null. */
    private final NetDevice net;
    private final long setupNanos;
    private final GuestMemory memory;
    private boolean started; // guarded by `this`
    /** The vCPU thread once started, for its CPU time. */
    private volatile Thread vcpuThread;
    /**
     * Readers of guest memory from other threads (the stats page, mincore) hold this lock, and
     * {@link #close} takes it before the memory goes back to the shell: once recycled it holds
     * another VM's memory (or none), which a late reader must never see.
     */
    private final Object memoryReaders = new Object();
    private boolean memoryReleased; // guarded by memoryReaders
    private volatile GdbStub debugger;
    private GdbServer debugServer; // guarded by `this`
    private Sampler sampler; // guarded by `this`
    private long profileCpuStart; // guarded by `this`: vcpuCpuNanos() when sampling started, or -1

    private Vm(Kvm kvm, VmConfig config) {
        long t0 = System.nanoTime();
        this.kvm = kvm;
        this.config = config;
        this.image = config.image();
        checkAbi(image);
        long memSize = GuestLayout.pageUp(config.effectiveMemoryBytes());
        this.layout = new GuestLayout(image, memSize, config.net() != null);
        BootInfo bootInfo = new BootInfo(image.name(), image.manifest(), config);
        VcpuKicker.install();
        this.shell = kvm.takeShell(memSize);
        this.stop = new StopRequest(shell.vcpu());
        this.pause = new VcpuPause(stop::kick);
        NetDevice device = null;
        try {
            List<Region> regions = layout.regions(bootInfo.size);
            GuestMemory memory = new GuestMemory(shell.ram(), regions);
            this.memory = memory;
            setUp(memory, regions, bootInfo);
            this.guestStop = new GuestStopRequest(memory.controlPage(GuestLayout.CONTROL), stop);
            this.statsPage = new GuestStatsPage(memory.readable(layout.statsBase, Abi.STATS_SIZE, "the stats page"));
            if (config.net() != null) {
                device = new NetDevice(memory, layout.netBase, config.net(),
                        message -> stop.request(new StopRequest.Cause(message, null, true)));
            }
            this.console = new ConsoleWriteCall(memory, config.console());
            this.hypercalls = new HypercallDispatcher(memory, HypercallTable.standard(console,
                    new YieldCall(device, () -> wantsVcpu() || guestStop.readyPending(), guestStop::takeReady),
                    new AbortCall(memory), new NetNotifyCall(device)));
            this.loop = new RunLoop(shell.vcpu(), hypercalls, new CrashAnalyzer(image, layout, memory), stop,
                    pause);
        } catch (IOException e) {
            stop.close();
            kvm.recycle(shell);
            throw new VmmException("cannot create the net device: " + e.getMessage());
        } catch (RuntimeException e) {
            if (device != null) device.close();
            stop.close();
            kvm.recycle(shell);
            throw e;
        }
        this.net = device;
        setupNanos = System.nanoTime() - t0;
    }

    /** A yield ends early when the VM must stop or a debugger wants the vCPU. */
    private boolean wantsVcpu() {
        GdbStub d = debugger;
        return stop.requested() || (d != null && d.attentionWanted()) || pause.wanted();
    }

    /**
     * Serves the GDB remote protocol for this VM at {@code endpoint} (loopback or a unix socket,
     * see {@link GdbServer#endpoint}) on a thread of its own, until {@link #close}. Call once:
     * before {@link #run} (kiln run --gdb; with {@code waitForDebugger} the first instruction
     * waits for a debugger) or while the guest runs (the daemon's debug route: the vCPU thread
     * takes the stub at its next exit, and a debugger that attaches stops it with a kick).
     * Returns the address gdb connects to.
     */
    public String debugWith(SocketAddress endpoint, boolean waitForDebugger, Consumer<String> log) throws IOException {
        GdbServer server;
        SyscallFilter filter;
        synchronized (this) {
            if (debugger != null) throw new IllegalStateException("debugWith() once");
            if (stop.closed()) throw new IllegalStateException("VM is closed"); // close() then sees the server, see there
            if (started && waitForDebugger) throw new IllegalStateException("waitForDebugger before run() only");
            filter = MonitorFilters.gdb(shell.vcpu().fd(), RunLoop.DEBUGGER_IOCTLS, VcpuKicker.SIGNAL);
            SyscallFilter stubFilter = filter;
            GdbStub stub = new GdbStub(new VcpuDebugTarget(shell.vcpu(), memory, stop), stop::kick, waitForDebugger,
                    log, body -> MonitorThreads.start("kiln-gdb-stop", () -> {
                        Sandbox.confine(stubFilter);
                        body.run();
                    }));
            server = GdbServer.bind(endpoint, stub);
            debugServer = server;
            debugger = stub;
            loop.debugWith(stub);
        }
        MonitorThreads.ready();
        MonitorThreads.start("kiln-gdb-" + image.name(), () -> {
            Sandbox.confine(filter);
            server.serve(log);
        });
        return server.address();
    }

    /**
     * Starts sampling the guest at {@code rateHz} (kiln profile, docs/cli.md): before {@link #run}
     * or while the guest runs; one profile at a time (another may start once {@link #stopProfiling}
     * returned). Each sample of a running guest costs an exit. The
     * sampler's thread is confined to the timeout thread's filter: it parks, reads the clock and
     * sends the kick signal.
     */
    public synchronized void startProfiling(int rateHz) {
        if (sampler != null) throw new IllegalStateException("a profile of this VM is already being taken");
        if (stop.closed()) throw new IllegalStateException("VM is closed");
        dev.kiln.image.JavaDebugInfo java = dev.kiln.image.JavaDebugInfo.of(image.elf()).orElse(null);
        Sampler s = new Sampler(memory, java, rateHz, stop::kickForSample);
        SyscallFilter filter = MonitorFilters.timer(VcpuKicker.SIGNAL);
        MonitorThreads.ready();
        s.start(body -> MonitorThreads.start("kiln-profile-" + image.name(), () -> {
            Sandbox.confine(filter);
            body.run();
        }));
        sampler = s;
        profileCpuStart = vcpuCpuNanos();
        loop.sampleWith(s);
    }

    /**
     * Stops sampling and returns the profile, its call sites resolved through guest memory:
     * call it while the guest runs or after it ended, before {@link #close}.
     */
    public Profile stopProfiling() {
        Sampler s;
        long cpuStart;
        synchronized (this) {
            s = sampler;
            cpuStart = profileCpuStart;
            if (s == null) throw new IllegalStateException("stopProfiling() without startProfiling()");
            sampler = null; // the next startProfiling may begin another
            loop.sampleWith(null);
        }
        s.stop();
        long cpuEnd = vcpuCpuNanos(); // -1 once the vCPU thread has ended: then unknown
        long cpu = cpuStart >= 0 && cpuEnd >= 0 ? cpuEnd - cpuStart : -1;
        synchronized (memoryReaders) {
            if (memoryReleased) throw new IllegalStateException("stopProfiling() after close()");
            return s.profile(cpu);
        }
    }

    /** Everything before the first instruction; guest memory is sealed at the end. */
    private void setUp(GuestMemory memory, List<Region> regions, BootInfo bootInfo) {
        GuestMemory.BootWriter boot = memory.boot();
        ImageLoader.load(image, layout, boot);
        X86Setup.writeDescriptorTables(boot);
        long pml4 = PageTables.build(memory, regions, GuestLayout.PT_POOL, GuestLayout.CONTROL);
        X86Setup.setSpecialRegisters(shell.vcpu(), pml4, layout.threadPointer);
        X86Setup.setEntryRegisters(shell.vcpu(), image.entry(), layout.stackTop);
        bootInfo.write(boot, layout, kvm.tscKhz(shell), config.net());
        X86Setup.ClockAnchor clock = X86Setup.setTscAndReadWallClock(shell.vcpu());
        BootInfo.writeClock(boot, clock.wallclockNs(), clock.guestTsc());
        memory.seal();
    }

    /**
     * The image's runtime must speak this monitor's ABI (its ABI note, see abi.h KILN_NOTE_ABI).
     * Images are built from source by kiln build, so an old one is refused with a line asking
     * for a rebuild rather than booted into a runtime that misreads the boot info.
     */
    static void checkAbi(GuestImage image) {
        int v = image.abiVersion();
        if (v == Abi.ABI_VERSION) return;
        String built = v == 0 ? "was built for an older Kiln ABI (it carries no ABI note)"
                : "was built for Kiln ABI " + v;
        throw new VmmException("image " + image.name() + " " + built + "; this kiln runs ABI " + Abi.ABI_VERSION
                + " images: rebuild it with kiln build");
    }

    /** Creates a VM ready to run; throws {@link VmmException} for setup problems (they are the user's). */
    public static Vm create(Kvm kvm, VmConfig config) {
        return new Vm(kvm, config);
    }

    /**
     * Runs the guest until it ends, on a vCPU thread of its own that the calling thread waits
     * for: {@link #start} and a wait for its result. Call once. Never throws for anything the
     * guest does; throws {@link VmmException} if the vCPU thread cannot be confined to its
     * seccomp filter.
     */
    public VmExit run() {
        CompletableFuture<VmExit> end = start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return end.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the VM ends through stop(); keep waiting for it
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error r) throw r;
                    throw new VmmException("the vCPU thread failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the guest on a vCPU thread of its own and returns at once; no thread of the caller
     * waits for it. The future completes when the guest has ended and its devices have
     * stopped (then {@link #close} may be called), or exceptionally with {@link VmmException}
     * if the vCPU thread could not be confined. Call once, and only one of run and start.
     *
     * <p>The future is completed by a virtual thread of the monitor (never by the confined
     * vCPU thread, whose filter would kill the process at the first file a dependent action
     * opens), so dependent actions may block.
     *
     * <p>The vCPU thread gets a thread of its own because its filter (see {@link MonitorFilters})
     * is for good: the caller's thread (kiln run's main thread, say) must stay free of it, and
     * so must the threads started here, before the filter exists (a thread inherits its creator's
     * filter): the net device's I/O thread and the timeout timer's thread.
     */
    public CompletableFuture<VmExit> start() {
        synchronized (this) {
            if (stop.closed()) throw new IllegalStateException("VM is closed");
            if (started) throw new IllegalStateException("VM already ran");
            started = true;
        }
        VmExits.ready(); // its thread is created here, unconfined, before any vCPU thread needs it
        ScheduledFuture<?> timer = null;
        Duration timeout = config.timeout();
        if (timeout != null) {
            timer = Timers.INSTANCE.schedule(() -> stop.request(new StopRequest.Cause("timeout", timeout, false)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ScheduledFuture<?> armed = timer;
        Runnable teardown = () -> {
            if (armed != null) armed.cancel(false);
            if (net != null) net.close();
        };
        SyscallFilter filter;
        try {
            if (net != null) net.start(image.name());
            filter = MonitorFilters.vcpu(shell.vcpu().fd(), RunLoop.VCPU_IOCTLS, net == null ? -1 : net.doorbellFd());
        } catch (RuntimeException | Error e) { // no guest runs: nothing may be left behind (the timer, the I/O thread)
            teardown.run();
            throw e;
        }
        Thread vcpu = Thread.ofPlatform().name("kiln-vcpu-" + image.name()).daemon().unstarted(() -> {
            VmExit exit = null;
            Throwable failure = null;
            stop.attach();
            try {
                Sandbox.confine(filter); // a failure here is the caller's to report
                try {
                    exit = loop.run();
                } catch (RuntimeException e) {
                    exit = new VmExit.GuestError("monitor error while serving the guest: " + e);
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                stop.detach();
            }
            // The rest (stopping the devices, the caller's dependent actions) runs unconfined.
            VmExits.hand(end, exit, failure, teardown);
        });
        vcpuThread = vcpu;
        try {
            vcpu.start();
        } catch (RuntimeException | Error e) { // no thread: the host's limit on threads
            teardown.run();
            throw e;
        }
        return end;
    }

    /** Ends the VM from any thread: {@link #run} returns (or {@link #start}'s future completes with) {@link VmExit.Stopped} soon after. */
    public void stop(String reason) {
        stop.request(new StopRequest.Cause(reason == null ? "stopped" : reason, null, false));
    }

    /**
     * Asks the guest to stop, from any thread, without ending the VM (docs/abi.md, "Stopping"):
     * the control page's stop_requested is set, which the guest reads without an exit, and a
     * yield in progress returns with KILN_READY_STOP. A Java image runs its shutdown hooks and
     * exits with 143; a guest that ignores the request runs on, so the caller destroys it after a
     * grace period ({@link #stopGracefully} does both). False if the guest was asked before.
     */
    public boolean requestStop() {
        return guestStop.request();
    }

    /**
     * {@link #requestStop}, then waits up to {@code grace} for {@link #run} (on another thread) to
     * return; if the guest is still running then, ends it with {@link #stop} and waits for that.
     * Says which happened. A VM that never started is stopped at once (reported as killed).
     */
    public StopOutcome stopGracefully(Duration grace) {
        long t0 = System.nanoTime();
        boolean running;
        synchronized (this) {
            running = started;
        }
        if (running) {
            requestStop();
            if (awaitEnd(grace.toNanos())) {
                return new StopOutcome.StoppedByGuest(Duration.ofNanos(System.nanoTime() - t0), lastExit());
            }
        }
        String reason = "killed after the " + StopOutcome.seconds(grace) + " s grace period";
        stop(reason);
        if (running) awaitEnd(Long.MAX_VALUE);
        return new StopOutcome.Killed(grace, running ? lastExit() : new VmExit.Stopped(reason));
    }

    /** How the guest ended, or null if the vCPU thread failed instead (the future says why). */
    private VmExit lastExit() {
        return end.isCompletedExceptionally() ? null : end.getNow(null);
    }

    /** Waits until the guest has ended, at most {@code nanos}; true if it did. Keeps the interrupt status. */
    private boolean awaitEnd(long nanos) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + nanos;
        try {
            while (true) {
                try {
                    if (nanos == Long.MAX_VALUE) end.get();
                    else end.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return true;
                } catch (ExecutionException e) {
                    return true; // ended, by a failure of the vCPU thread
                } catch (TimeoutException e) {
                    return false;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * The guest's own figures from its stats page (docs/abi.md, "The stats page"): read without
     * an exit from any thread, also while the VM runs; or why there are none (the guest published
     * nothing, kept the page busy, or wrote values the ABI does not allow).
     */
    public GuestStats.Reading guestStats() {
        synchronized (memoryReaders) {
            if (memoryReleased) return new GuestStats.Unavailable("the VM has ended");
            return statsPage.read();
        }
    }

    /**
     * Bytes of guest memory the host has backed with pages so far (mincore over the guest's
     * mapping): what the guest touched, as opposed to {@link #memorySize}, what it may touch.
     * No exit; -1 once the VM is closed.
     */
    public long touchedBytes() {
        synchronized (memoryReaders) {
            if (memoryReleased) return -1;
            return shell.ram().residentBytes();
        }
    }

    /**
     * CPU time the vCPU thread has used (the guest's own instructions, the exits it caused and the
     * hypercalls served on that thread), in nanoseconds; -1 before the start and after the end
     * (the thread is gone) or where the JVM does not measure thread CPU time.
     */
    public long vcpuCpuNanos() {
        Thread t = vcpuThread;
        if (t == null || !t.isAlive()) return -1;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) return -1;
        return threads.getThreadCpuTime(t.threadId());
    }

    /** The exits counted by {@link VmStats#exits}, by their kind; thread-safe, also while the VM runs. */
    public ExitReasons exitReasons() {
        long exits = loop.exits, io = loop.ioExits, intr = loop.intrExits;
        return new ExitReasons(io, intr, Math.max(0, exits - io - intr));
    }

    /** A snapshot of the counters; thread-safe, also while the VM runs. */
    public VmStats stats() {
        return new VmStats(loop.exits, loop.ioExits, loop.interrupted, hypercalls.calls(Abi.HC_CONSOLE_WRITE),
                console.bytes(), hypercalls.calls(Abi.HC_EXIT), hypercalls.calls(Abi.HC_WALLTIME),
                hypercalls.calls(Abi.HC_YIELD), hypercalls.calls(Abi.HC_ABORT), hypercalls.calls(Abi.HC_NET_NOTIFY),
                setupNanos, net == null ? null : net.metrics().snapshot());
    }

    /**
     * Writes an ELF core file of this VM to {@code file} (docs/debugging.md, "Core dumps") and
     * returns its size: of the crash, once the guest crashed (until {@link #close}), or of the
     * running guest, held still for as long as the copy takes. From any thread but the vCPU's.
     *
     * @throws IllegalStateException if the VM is not running and did not crash
     * @throws VmmException          if the core would be larger than {@code limit} bytes, or cannot be written
     */
    public long dumpCore(Path file, long limit) {
        synchronized (memoryReaders) {
            if (memoryReleased) throw new IllegalStateException("the VM has ended");
            CpuState crash = loop.crashState();
            if (crash != null) return new CoreDump(memory, crash, image.name(), crashSignal()).write(file, limit);
            requireStarted();
            return pause.whilePaused(cpu -> new CoreDump(memory, cpu, image.name(), 0).write(file, limit));
        }
    }

    /** What gdb says the crashed guest died of: SIGILL for an invalid opcode, SIGSEGV for every other fault. */
    private int crashSignal() {
        return lastExit() instanceof VmExit.Crashed c && c.report().hint().startsWith("invalid opcode") ? 4 : 11;
    }

    /**
     * The Java stack of every green thread, read from guest memory (docs/debugging.md, "kiln
     * stack"): of the running guest, held still for as long as the read takes, or as it was at
     * its crash. From any thread but the vCPU's.
     *
     * @throws IllegalStateException if the image has no Java debug descriptor, or the VM is not running and did not crash
     */
    public List<JavaThreadStack> javaStacks() {
        JavaDebugInfo d = JavaDebugInfo.of(image.elf()).orElseThrow(() -> new IllegalStateException("image "
                + image.name() + " has no Java debug descriptor (" + JavaDebugInfo.SECTION
                + "): it was not built from Java by this kiln"));
        JavaStackReader reader = new JavaStackReader(d, new GuestMemoryWords(memory));
        synchronized (memoryReaders) {
            if (memoryReleased) throw new IllegalStateException("the VM has ended");
            if (loop.crashState() != null) return reader.threads();
            requireStarted();
            return pause.whilePaused(cpu -> reader.threads());
        }
    }

    private void requireStarted() {
        synchronized (this) {
            if (!started) throw new IllegalStateException("the VM has not started");
        }
    }

    /** Guest memory size in bytes. */
    public long memorySize() {
        return layout.memSize;
    }

    public GuestImage image() {
        return image;
    }

    /**
     * Ends this VM's use of its vCPU, memory and KVM VM (kept, reset, for a later VM of the same
     * size; see {@link VmShell}). Must not be called while the guest runs (before {@link #run}
     * returned or {@link #start}'s future completed).
     */
    @Override
    public void close() {
        synchronized (memoryReaders) {
            memoryReleased = true;
        }
        if (!stop.close()) return;
        if (net != null) net.close(); // when run() never ran
        GdbServer server;
        synchronized (this) { // a debugWith() that saw the VM open has bound its server by now
            server = debugServer;
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // a unix socket file left behind; nothing else depends on it
            }
        }
        if (loop.crashed() || debugger != null) {
            // after a triple fault, do not trust the vCPU's state to a reset; after a debugger,
            // its guest-debug settings (breakpoints, single step) must not reach the next guest
            shell.destroy();
        } else {
            kvm.recycle(shell);
        }
    }

    /** One daemon thread for every VM's timeout. */
    private static final class Timers {
        static final ScheduledExecutorService INSTANCE;

        static {
            // The thread is created by the first schedule() (Vm.run's caller, unconfined) and
            // confines itself: all it does is stop VMs (a lock, a store, a kick, an unpark).
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(() -> {
                    Sandbox.confine(MonitorFilters.timer(VcpuKicker.SIGNAL));
                    r.run();
                }, "kiln-vm-timeouts");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            INSTANCE = Executors.unconfigurableScheduledExecutorService(t);
        }
    }
}
