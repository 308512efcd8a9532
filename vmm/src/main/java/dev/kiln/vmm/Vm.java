package dev.kiln.vmm;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.crash.CrashAnalyzer;
import dev.kiln.vmm.device.net.NetDevice;
import dev.kiln.vmm.hypercall.AbortCall;
import dev.kiln.vmm.hypercall.ConsoleWriteCall;
import dev.kiln.vmm.hypercall.HypercallDispatcher;
import dev.kiln.vmm.hypercall.HypercallTable;
import dev.kiln.vmm.hypercall.NetNotifyCall;
import dev.kiln.vmm.hypercall.YieldCall;
import dev.kiln.vmm.kvm.VcpuKicker;
import dev.kiln.vmm.kvm.VmShell;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.PageTables;
import dev.kiln.vmm.memory.Region;
import dev.kiln.vmm.sandbox.MonitorFilters;
import dev.kiln.vmm.sandbox.Sandbox;
import dev.kiln.vmm.sandbox.SyscallFilter;
import dev.kiln.vmm.x86.X86Setup;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One VM with one vCPU running a native image at CPL 3.
 *
 * <p>{@link #create} does all the work before the first instruction: it takes a VM shell
 * (KVM VM, memory, vCPU), loads the image, builds the page tables, the descriptor tables,
 * registers and boot info, then seals guest memory. {@link #run} enters the guest on a vCPU
 * thread of its own ({@link RunLoop}), confined to its seccomp filter (docs/security.md), and
 * serves its hypercalls there until it ends. Everything the guest hands over is untrusted: a
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
    private final HypercallDispatcher hypercalls;
    private final ConsoleWriteCall console;
    private final RunLoop loop;
    /** The net device, or null. */
    private final NetDevice net;
    private final long setupNanos;
    private boolean started; // guarded by `this`

    private Vm(Kvm kvm, VmConfig config) {
        long t0 = System.nanoTime();
        this.kvm = kvm;
        this.config = config;
        this.image = config.image();
        long memSize = GuestLayout.pageUp(config.effectiveMemoryBytes());
        this.layout = new GuestLayout(image, memSize, config.net() != null);
        BootInfo bootInfo = new BootInfo(image.name(), image.manifest(), config);
        VcpuKicker.install();
        this.shell = kvm.takeShell(memSize);
        this.stop = new StopRequest(shell.vcpu());
        NetDevice device = null;
        try {
            List<Region> regions = layout.regions(bootInfo.size);
            GuestMemory memory = new GuestMemory(shell.ram(), regions);
            setUp(memory, regions, bootInfo);
            if (config.net() != null) {
                device = new NetDevice(memory, layout.netBase, config.net(),
                        message -> stop.request(new StopRequest.Cause(message, null, true)));
            }
            this.console = new ConsoleWriteCall(memory, config.console());
            this.hypercalls = new HypercallDispatcher(memory, HypercallTable.standard(console,
                    new YieldCall(device, stop::requested), new AbortCall(memory), new NetNotifyCall(device)));
            this.loop = new RunLoop(shell.vcpu(), hypercalls, new CrashAnalyzer(image, layout, memory), stop);
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

    /** Everything before the first instruction; guest memory is sealed at the end. */
    private void setUp(GuestMemory memory, List<Region> regions, BootInfo bootInfo) {
        GuestMemory.BootWriter boot = memory.boot();
        ImageLoader.load(image, layout, boot);
        X86Setup.writeDescriptorTables(boot);
        long pml4 = PageTables.build(memory, regions, GuestLayout.PT_POOL, GuestLayout.IMAGE_MIN);
        X86Setup.setSpecialRegisters(shell.vcpu(), pml4, layout.threadPointer);
        X86Setup.setEntryRegisters(shell.vcpu(), image.entry(), layout.stackTop);
        bootInfo.write(boot, layout, kvm.tscKhz(shell), config.net());
        BootInfo.writeClock(boot, X86Setup.setTscAndReadWallClock(shell.vcpu()), X86Setup.BOOT_TSC);
        memory.seal();
    }

    /** Creates a VM ready to run; throws {@link VmmException} for setup problems (they are the user's). */
    public static Vm create(Kvm kvm, VmConfig config) {
        return new Vm(kvm, config);
    }

    /**
     * Runs the guest until it ends, on a vCPU thread of its own that the calling thread waits
     * for. Call once. Never throws for anything the guest does; throws {@link VmmException} if
     * the vCPU thread cannot be confined to its seccomp filter.
     *
     * <p>The vCPU thread gets a thread of its own because its filter (see {@link MonitorFilters})
     * is for good: the caller's thread (kiln run's main thread, say) must stay free of it, and
     * so must the threads started here, before the filter exists (a thread inherits its creator's
     * filter): the net device's I/O thread and the timeout timer's thread.
     */
    public VmExit run() {
        synchronized (this) {
            if (stop.closed()) throw new IllegalStateException("VM is closed");
            if (started) throw new IllegalStateException("VM already ran");
            started = true;
        }
        ScheduledFuture<?> timer = null;
        Duration timeout = config.timeout();
        if (timeout != null) {
            timer = Timers.INSTANCE.schedule(() -> stop.request(new StopRequest.Cause("timeout", timeout, false)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (net != null) net.start(image.name());
        try {
            return onVcpuThread(MonitorFilters.vcpu(shell.vcpu().fd(), RunLoop.VCPU_IOCTLS,
                    net == null ? -1 : net.doorbellFd()));
        } finally {
            if (timer != null) timer.cancel(false);
            if (net != null) net.close();
        }
    }

    private VmExit onVcpuThread(SyscallFilter filter) {
        VmExit[] end = new VmExit[1];
        Throwable[] failure = new Throwable[1];
        Thread vcpu = Thread.ofPlatform().name("kiln-vcpu-" + image.name()).daemon().unstarted(() -> {
            stop.attach();
            try {
                Sandbox.confine(filter); // a failure here is the caller's to report
                try {
                    end[0] = loop.run();
                } catch (RuntimeException e) {
                    end[0] = new VmExit.GuestError("monitor error while serving the guest: " + e);
                }
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                stop.detach();
            }
        });
        vcpu.start();
        boolean interrupted = false;
        while (true) {
            try {
                vcpu.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the VM ends through stop(); keep waiting for the vCPU thread
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure[0] instanceof RuntimeException e) throw e;
        if (failure[0] instanceof Error e) throw e;
        return end[0];
    }

    /** Ends the VM from any thread: {@link #run} returns {@link VmExit.Stopped} soon after. */
    public void stop(String reason) {
        stop.request(new StopRequest.Cause(reason == null ? "stopped" : reason, null, false));
    }

    /** A snapshot of the counters; thread-safe, also while the VM runs. */
    public VmStats stats() {
        return new VmStats(loop.exits, loop.ioExits, loop.interrupted, hypercalls.calls(Abi.HC_CONSOLE_WRITE),
                console.bytes(), hypercalls.calls(Abi.HC_EXIT), hypercalls.calls(Abi.HC_WALLTIME),
                hypercalls.calls(Abi.HC_YIELD), hypercalls.calls(Abi.HC_ABORT), hypercalls.calls(Abi.HC_NET_NOTIFY),
                setupNanos, net == null ? null : net.metrics().snapshot());
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
     * size; see {@link VmShell}). Must not be called while {@link #run} is running.
     */
    @Override
    public void close() {
        if (!stop.close()) return;
        if (net != null) net.close(); // when run() never ran
        if (loop.crashed()) {
            shell.destroy(); // after a triple fault, do not trust the vCPU's state to a reset
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
