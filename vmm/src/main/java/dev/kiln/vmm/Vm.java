package dev.kiln.vmm;

import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.sandbox.MonitorFilters;
import dev.kiln.vmm.sandbox.Sandbox;
import dev.kiln.vmm.sandbox.SyscallFilter;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * One VM with one vCPU running a native image at CPL 3.
 *
 * <p>{@link #create} does all the work before the first instruction (memory, page tables,
 * GDT, registers, boot info); {@link #run} enters the guest on a vCPU thread of its own,
 * confined to its seccomp filter (docs/security.md), and serves its hypercalls there until it
 * ends. Everything the guest hands over is untrusted: a bad hypercall ends this VM with
 * {@link VmExit.GuestError}, never an exception, and never touches another VM.
 */
public final class Vm implements AutoCloseable {
    /** CR2 at entry: non-canonical, so no page fault can ever report it; still there after a crash = no #PF. */
    static final long CR2_NONE = 0xdead_0000_0000_0000L;
    /**
     * The guest TSC is set to this just before the wall clock is read (boot_tsc). Not 0:
     * KVM treats a host write of 0 as "synchronize with the other vCPUs" and may keep the
     * old offset instead of honouring the value.
     */
    static final long BOOT_TSC = 1L << 20;
    /** The longest one yield blocks; the guest just yields again (early return is allowed by the ABI). */
    static final long YIELD_CAP_NS = 1_000_000_000L;
    private static final long CR0 = 0x8005_0033L;           // PG AM WP NE ET MP PE
    private static final long CR4 = 0x20 | 0x200 | 0x400;   // PAE OSFXSR OSXMMEXCPT
    private static final long EFER = 0x100 | 0x400 | 0x800; // LME LMA NXE
    private static final long RFLAGS = 0x3002;              // IOPL 3, reserved bit 1 (see GuestLayout.TSS_LIMIT)
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The ioctls the vCPU thread makes on its vCPU: running it, and reading registers for crash reports. */
    private static final long[] VCPU_IOCTLS = {KvmApi.KVM_RUN, KvmApi.KVM_GET_REGS, KvmApi.KVM_GET_SREGS};

    private final Kvm kvm;
    private final GuestImage image;
    private final VmConfig config;
    private final GuestLayout layout;
    private final Shell shell;
    private final MemorySegment mem, run, errno, scratch; // the shell's; errno and scratch: vCPU thread only
    private final int vcpuFd;
    private final long runSize;
    private long bootInfoEnd;
    private final long setupNanos;

    // stop / kick state, guarded by `this`
    private int vcpuTid;
    private Thread vcpuThread;
    private boolean started, closed, crashed;
    private volatile StopCause stop;

    private byte[] consoleBuffer = new byte[4096];
    /** The net device, or null. */
    private final NetDevice net;
    // Written by the vCPU thread only, read by stats() from any thread: volatile is enough.
    private volatile long exits, ioExits, interrupted, consoleWrites, consoleBytes, exitCalls, walltimeCalls, yieldCalls,
            abortCalls, notifyCalls, yieldNetWakeups;

    /** Why the VM must stop: a timeout, a stop request, or (guestError) a device found the guest broke the ABI. */
    private record StopCause(String reason, Duration timeout, boolean guestError) {}

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
        this.mem = shell.mem;
        this.run = shell.run;
        this.errno = shell.errno;
        this.scratch = shell.scratch;
        this.vcpuFd = shell.vcpuFd;
        this.runSize = shell.runSize;
        NetDevice device = null;
        try {
            loadImage();
            long pml4 = buildPageTables(bootInfo);
            setSpecialRegisters(pml4);
            setRegisters();
            long tscKhz = kvm.tscKhz(errno, vcpuFd);
            bootInfo.write(mem, layout, tscKhz, config.net());
            if (config.net() != null) {
                device = new NetDevice(mem, layout, bootInfoEnd, config.net(),
                        message -> requestStop(new StopCause(message, null, true)));
            }
            setTscAndWallClock();
        } catch (IOException e) {
            closed = true;
            kvm.recycle(shell);
            throw new VmmException("cannot create the net device: " + e.getMessage());
        } catch (RuntimeException e) {
            if (device != null) device.close();
            closed = true;
            kvm.recycle(shell);
            throw e;
        }
        this.net = device;
        setupNanos = System.nanoTime() - t0;
    }

    /** Creates a VM ready to run; throws {@link VmmException} for setup problems (they are the user's). */
    public static Vm create(Kvm kvm, VmConfig config) {
        return new Vm(kvm, config);
    }

    private int ioctl(int fd, long request, long arg, String what) {
        return Kvm.check(errno, Libc.ioctl(errno, fd, request, arg), what);
    }

    // ---- setup ---------------------------------------------------------------------------

    private void loadImage() {
        MemorySegment file = image.bytes();
        for (GuestImage.Segment s : image.segments()) {
            if (s.fileSize() > 0) MemorySegment.copy(file, s.fileOffset(), mem, s.vaddr(), s.fileSize());
        }
        // TLS block (x86-64 variant II): the PT_TLS image, zeroes for .tbss, then the TCB at the FS base.
        image.tls().ifPresent(t -> {
            if (t.fileSize() > 0) MemorySegment.copy(file, t.fileOffset(), mem, layout.tlsBlock, t.fileSize());
        });
        long tp = layout.threadPointer;
        mem.set(JAVA_LONG, tp, tp);                                   // %fs:0 points to itself
        mem.set(JAVA_LONG, tp + 0x28, RANDOM.nextLong() & ~0xffL);    // stack canary; low byte 0 stops string reads
        // GDT: null, 64-bit code (DPL 3), data (DPL 3), a 64-bit TSS that only satisfies VM entry checks.
        mem.set(JAVA_LONG, GuestLayout.GDT + 8, 0x00affb000000ffffL);
        mem.set(JAVA_LONG, GuestLayout.GDT + 16, 0x00cff3000000ffffL);
        long tss = GuestLayout.TSS, limit = GuestLayout.TSS_LIMIT;
        mem.set(JAVA_LONG, GuestLayout.GDT + 24, (limit & 0xffff) | ((tss & 0xffffff) << 16) | (0xbL << 40)
                | (1L << 47) | (((limit >> 16) & 0xf) << 48) | (((tss >> 24) & 0xff) << 56));
        mem.set(JAVA_LONG, GuestLayout.GDT + 32, tss >>> 32);
        mem.set(JAVA_SHORT, tss + 0x66, (short) GuestLayout.TSS_IOMAP_OFFSET);
        mem.set(JAVA_BYTE, tss + GuestLayout.TSS_IOMAP_OFFSET + GuestLayout.TSS_IOMAP_BYTES, (byte) 0xff);
    }

    private long buildPageTables(BootInfo bootInfo) {
        PageTables pt = new PageTables(mem, GuestLayout.PT_POOL, GuestLayout.IMAGE_MIN);
        bootInfoEnd = GuestLayout.BOOT_INFO + bootInfo.size;
        // The CPU reads the TSS's I/O bitmap through the page tables on every IN/OUT: map GDT and
        // TSS supervisor-only and read-only; the guest at CPL 3 can neither read nor write them.
        pt.map(GuestLayout.GDT, GuestLayout.BOOT_INFO, PageTables.SUPERVISOR_RO);
        pt.map(GuestLayout.BOOT_INFO, GuestLayout.pageUp(bootInfoEnd), PageTables.RODATA);
        for (GuestImage.Segment s : image.segments()) {
            long flags = s.writable() ? PageTables.DATA : s.executable() ? PageTables.TEXT : PageTables.RODATA;
            pt.map(GuestLayout.pageDown(s.vaddr()), GuestLayout.pageUp(s.end()), flags);
        }
        long imageEnd = GuestLayout.pageUp(image.imageEnd());
        pt.map(imageEnd, layout.guardPage, PageTables.DATA);          // TLS, TCB, heap, net region
        pt.map(layout.stackBottom, layout.stackTop, PageTables.DATA); // the guard page below stays unmapped
        return pt.root;
    }

    private void setSpecialRegisters(long pml4) {
        MemorySegment s = scratch;
        ioctl(vcpuFd, KvmApi.KVM_GET_SREGS, s.address(), "KVM_GET_SREGS");
        int dataSel = GuestLayout.SEL_DATA | 3;
        segment(s, KvmApi.SREGS_CS, 0, 0xffffffffL, GuestLayout.SEL_CODE | 3, 11, 3, 0, 1, 1, 1);
        for (long off : new long[] {KvmApi.SREGS_DS, KvmApi.SREGS_ES, KvmApi.SREGS_GS, KvmApi.SREGS_SS}) {
            segment(s, off, 0, 0xffffffffL, dataSel, 3, 3, 1, 1, 0, 1);
        }
        segment(s, KvmApi.SREGS_FS, layout.threadPointer, 0xffffffffL, dataSel, 3, 3, 1, 1, 0, 1);
        segment(s, KvmApi.SREGS_TR, GuestLayout.TSS, GuestLayout.TSS_LIMIT, GuestLayout.SEL_TSS, 11, 0, 0, 0, 0, 0);
        s.set(JAVA_LONG, KvmApi.SREGS_GDT + KvmApi.DTABLE_BASE, GuestLayout.GDT);
        s.set(JAVA_SHORT, KvmApi.SREGS_GDT + KvmApi.DTABLE_LIMIT, (short) GuestLayout.GDT_LIMIT);
        // No IDT: any fault at CPL 3 escalates to a triple fault, which KVM reports as KVM_EXIT_SHUTDOWN.
        s.set(JAVA_LONG, KvmApi.SREGS_IDT + KvmApi.DTABLE_BASE, 0);
        s.set(JAVA_SHORT, KvmApi.SREGS_IDT + KvmApi.DTABLE_LIMIT, (short) 0);
        s.set(JAVA_LONG, KvmApi.SREGS_CR0, CR0);
        s.set(JAVA_LONG, KvmApi.SREGS_CR2, CR2_NONE);
        s.set(JAVA_LONG, KvmApi.SREGS_CR3, pml4);
        s.set(JAVA_LONG, KvmApi.SREGS_CR4, CR4);
        s.set(JAVA_LONG, KvmApi.SREGS_EFER, EFER);
        ioctl(vcpuFd, KvmApi.KVM_SET_SREGS, s.address(), "KVM_SET_SREGS");
    }

    private static void segment(MemorySegment s, long at, long base, long limit, int selector, int type, int dpl,
                                int db, int sFlag, int l, int g) {
        s.set(JAVA_LONG, at + KvmApi.SEG_BASE, base);
        s.set(JAVA_INT, at + KvmApi.SEG_LIMIT, (int) limit);
        s.set(JAVA_SHORT, at + KvmApi.SEG_SELECTOR, (short) selector);
        s.set(JAVA_BYTE, at + KvmApi.SEG_TYPE, (byte) type);
        s.set(JAVA_BYTE, at + KvmApi.SEG_PRESENT, (byte) 1);
        s.set(JAVA_BYTE, at + KvmApi.SEG_DPL, (byte) dpl);
        s.set(JAVA_BYTE, at + KvmApi.SEG_DB, (byte) db);
        s.set(JAVA_BYTE, at + KvmApi.SEG_S, (byte) sFlag);
        s.set(JAVA_BYTE, at + KvmApi.SEG_L, (byte) l);
        s.set(JAVA_BYTE, at + KvmApi.SEG_G, (byte) g);
        s.set(JAVA_BYTE, at + KvmApi.SEG_AVL, (byte) 0);
        s.set(JAVA_BYTE, at + KvmApi.SEG_UNUSABLE, (byte) 0);
    }

    private void setRegisters() {
        MemorySegment r = scratch.asSlice(0, KvmApi.REGS_SIZE);
        r.fill((byte) 0);
        r.set(JAVA_LONG, KvmApi.REGS_RIP, image.entry());
        r.set(JAVA_LONG, KvmApi.REGS_RSP, layout.stackTop - 8); // as if _start had been called: (rsp+8) % 16 == 0
        r.set(JAVA_LONG, KvmApi.REGS_RDI, GuestLayout.BOOT_INFO);
        r.set(JAVA_LONG, KvmApi.REGS_RFLAGS, RFLAGS);
        ioctl(vcpuFd, KvmApi.KVM_SET_REGS, r.address(), "KVM_SET_REGS");
    }

    /**
     * Sets the guest TSC to BOOT_TSC and reads the wall clock right after: the guest computes
     * wall time as wallclock_ns + (rdtsc - boot_tsc) / tsc_khz. The error is the few
     * microseconds between the ioctl returning and the clock read; the guest TSC keeps
     * counting at tsc_khz from the write on, whether or not the vCPU runs.
     */
    private void setTscAndWallClock() {
        MemorySegment m = scratch;
        m.set(JAVA_INT, 0, 1);
        m.set(JAVA_INT, 4, 0);
        m.set(JAVA_INT, KvmApi.MSRS_HEADER, KvmApi.MSR_IA32_TSC);
        m.set(JAVA_INT, KvmApi.MSRS_HEADER + 4, 0);
        m.set(JAVA_LONG, KvmApi.MSRS_HEADER + 8, BOOT_TSC);
        int n = ioctl(vcpuFd, KvmApi.KVM_SET_MSRS, m.address(), "KVM_SET_MSRS");
        Instant now = Instant.now();
        if (n != 1) throw new VmmException("KVM_SET_MSRS did not accept IA32_TSC");
        BootInfo.writeClock(mem, now.getEpochSecond() * 1_000_000_000L + now.getNano(), BOOT_TSC);
    }

    // ---- running -------------------------------------------------------------------------

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
            if (closed) throw new IllegalStateException("VM is closed");
            if (started) throw new IllegalStateException("VM already ran");
            started = true;
        }
        ScheduledFuture<?> timer = null;
        Duration timeout = config.timeout();
        if (timeout != null) {
            timer = Timers.INSTANCE.schedule(() -> requestStop(new StopCause("timeout", timeout, false)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (net != null) net.start(image.name());
        try {
            return onVcpuThread();
        } finally {
            if (timer != null) timer.cancel(false);
            if (net != null) net.close();
        }
    }

    private VmExit onVcpuThread() {
        VmExit[] end = new VmExit[1];
        Throwable[] failure = new Throwable[1];
        SyscallFilter filter = MonitorFilters.vcpu(vcpuFd, VCPU_IOCTLS, net == null ? -1 : net.doorbellFd());
        Thread vcpu = Thread.ofPlatform().name("kiln-vcpu-" + image.name()).daemon().unstarted(() -> {
            synchronized (this) {
                vcpuTid = Libc.gettid();
                vcpuThread = Thread.currentThread();
            }
            try {
                end[0] = confinedLoop(filter);
            } catch (Throwable t) {
                failure[0] = t; // the filter could not be installed (the caller's to report), or an Error
            } finally {
                synchronized (this) {
                    vcpuTid = 0;
                    vcpuThread = null;
                }
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

    /** On the vCPU thread: confines it, then serves the guest until it ends. */
    private VmExit confinedLoop(SyscallFilter filter) {
        Sandbox.confine(filter);
        try {
            return loop();
        } catch (RuntimeException e) {
            return new VmExit.GuestError("monitor error while serving the guest: " + e);
        }
    }

    private VmExit loop() {
        MemorySegment run = this.run;
        while (true) {
            StopCause s = stop;
            if (s != null) return stopped(s);
            int r = Libc.ioctl(errno, vcpuFd, KvmApi.KVM_RUN, 0);
            if (r < 0) {
                int e = Libc.errno(errno);
                if (e == Libc.EINTR || e == Libc.EAGAIN) {
                    interrupted++;
                    continue; // the stop flag is checked at the top
                }
                return new VmExit.GuestError("KVM_RUN failed: " + Libc.describe(e));
            }
            exits++;
            int reason = run.get(JAVA_INT, KvmApi.RUN_EXIT_REASON);
            VmExit end = switch (reason) {
                case KvmApi.EXIT_IO -> onIo(run);
                case KvmApi.EXIT_SHUTDOWN -> {
                    crashed = true;
                    yield new VmExit.Crashed(crashReport());
                }
                case KvmApi.EXIT_INTR -> null;
                case KvmApi.EXIT_MMIO -> new VmExit.GuestError(String.format(
                        "guest %s guest-physical 0x%x, outside its memory (MMIO exit)",
                        run.get(JAVA_BYTE, KvmApi.RUN_MMIO_IS_WRITE) != 0 ? "wrote" : "read",
                        run.get(JAVA_LONG, KvmApi.RUN_MMIO_PHYS_ADDR)));
                case KvmApi.EXIT_HLT -> new VmExit.GuestError("guest halted (HLT exit)");
                case KvmApi.EXIT_FAIL_ENTRY -> new VmExit.GuestError(String.format(
                        "KVM could not enter the guest (hardware entry failure reason 0x%x)",
                        run.get(JAVA_LONG, KvmApi.RUN_FAIL_ENTRY_REASON)));
                case KvmApi.EXIT_INTERNAL_ERROR -> new VmExit.GuestError(String.format(
                        "KVM internal error (suberror %d%s) at %s", run.get(JAVA_INT, KvmApi.RUN_INTERNAL_SUBERROR),
                        run.get(JAVA_INT, KvmApi.RUN_INTERNAL_SUBERROR) == 1 ? ": instruction emulation failed" : "",
                        ripDescription()));
                default -> new VmExit.GuestError("unexpected KVM exit reason " + reason + " at " + ripDescription());
            };
            if (end != null) return end;
        }
    }

    private VmExit stopped(StopCause s) {
        if (s.guestError()) return new VmExit.GuestError(s.reason());
        return s.timeout() != null ? new VmExit.TimedOut(s.timeout()) : new VmExit.Stopped(s.reason());
    }

    /** Port I/O: only a 32-bit OUT of one value to a hypercall port is valid. */
    private VmExit onIo(MemorySegment run) {
        ioExits++;
        int direction = run.get(JAVA_BYTE, KvmApi.RUN_IO_DIRECTION);
        int size = run.get(JAVA_BYTE, KvmApi.RUN_IO_SIZE);
        int port = run.get(JAVA_SHORT, KvmApi.RUN_IO_PORT) & 0xffff;
        int count = run.get(JAVA_INT, KvmApi.RUN_IO_COUNT);
        if (direction != KvmApi.IO_OUT) {
            return guestError("IN from port 0x%x: the Kiln ABI has no IN hypercalls", port);
        }
        int call = port - Abi.HC_PORT_BASE;
        if (call < 1 || call > Abi.HC_MAX) return guestError("OUT to unknown port 0x%x (not a Kiln hypercall)", port);
        if (size != 4 || count != 1) {
            return guestError("hypercall %d (port 0x%x) made with a %d-byte access, count %d; hypercalls are one 32-bit OUT",
                    call, port, size, count);
        }
        long dataOffset = run.get(JAVA_LONG, KvmApi.RUN_IO_DATA_OFFSET);
        if (dataOffset < 0 || dataOffset > runSize - 4) return guestError("KVM reported a bad I/O data offset");
        long block = run.get(ValueLayout.JAVA_INT_UNALIGNED, dataOffset) & 0xffffffffL;
        return switch (call) {
            case Abi.HC_CONSOLE_WRITE -> consoleWrite(block);
            case Abi.HC_EXIT -> exit(block);
            case Abi.HC_WALLTIME -> walltime(block);
            case Abi.HC_YIELD -> yieldCall(block);
            case Abi.HC_NET_NOTIFY -> netNotify(block);
            default -> abort(block);
        };
    }

    /** Checks an argument block: 8-byte aligned, wholly in memory the guest may read (and write, for out fields). */
    private String badBlock(String call, long block, int size, boolean out) {
        if ((block & 7) != 0) return String.format("%s: argument block 0x%x is not 8-byte aligned", call, block);
        boolean ok = out ? layout.guestWritable(block, size) : layout.guestReadable(block, size, bootInfoEnd);
        if (!ok) {
            return String.format("%s: argument block 0x%x (+%d bytes) is not in guest %s memory", call, block, size,
                    out ? "writable" : "readable");
        }
        return null;
    }

    private VmExit consoleWrite(long block) {
        consoleWrites++;
        String bad = badBlock("console_write", block, Abi.CONSOLE_WRITE_SIZE, false);
        if (bad != null) return new VmExit.GuestError(bad);
        long data = mem.get(JAVA_LONG, block + Abi.CONSOLE_WRITE_DATA);
        long len = mem.get(JAVA_LONG, block + Abi.CONSOLE_WRITE_LEN);
        if (Long.compareUnsigned(len, Abi.CONSOLE_WRITE_MAX) > 0) {
            return guestError("console_write: length %s is above the maximum %d", Long.toUnsignedString(len),
                    Abi.CONSOLE_WRITE_MAX);
        }
        if (!layout.guestReadable(data, len, bootInfoEnd)) {
            return guestError("console_write: buffer 0x%x (+%d bytes) is not in guest memory", data, len);
        }
        int n = (int) len;
        if (consoleBuffer.length < n) consoleBuffer = new byte[Math.max(n, consoleBuffer.length * 2)];
        MemorySegment.copy(mem, JAVA_BYTE, data, consoleBuffer, 0, n);
        consoleBytes += n;
        try {
            config.console().write(consoleBuffer, 0, n);
            config.console().flush();
        } catch (IOException e) {
            return new VmExit.GuestError("console output failed: " + e.getMessage());
        }
        return null;
    }

    private VmExit exit(long block) {
        exitCalls++;
        String bad = badBlock("exit", block, Abi.EXIT_SIZE, false);
        if (bad != null) return new VmExit.GuestError(bad);
        return new VmExit.Exited(mem.get(JAVA_LONG, block + Abi.EXIT_STATUS));
    }

    private VmExit walltime(long block) {
        walltimeCalls++;
        String bad = badBlock("walltime", block, Abi.WALLTIME_SIZE, true);
        if (bad != null) return new VmExit.GuestError(bad);
        Instant now = Instant.now();
        mem.set(JAVA_LONG, block + Abi.WALLTIME_NS, now.getEpochSecond() * 1_000_000_000L + now.getNano());
        return null;
    }

    /**
     * Blocks (parks, never spins) until the timeout passes, the VM is stopped, or a device has
     * work the guest asked to be woken for (then at once, without blocking).
     */
    private VmExit yieldCall(long block) {
        yieldCalls++;
        String bad = badBlock("yield", block, Abi.YIELD_SIZE, true);
        if (bad != null) return new VmExit.GuestError(bad);
        long timeout = mem.get(JAVA_LONG, block + Abi.YIELD_TIMEOUT_NS);
        long wait = Long.compareUnsigned(timeout, YIELD_CAP_NS) > 0 ? YIELD_CAP_NS : timeout;
        long deadline = System.nanoTime() + wait;
        long ready = 0;
        if (net != null) {
            ready = net.sleep(deadline, () -> stop != null);
            if (ready != 0) yieldNetWakeups++;
        } else {
            for (long left = wait; left > 0 && stop == null; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
        }
        mem.set(JAVA_LONG, block + Abi.YIELD_READY, ready);
        return null;
    }

    /** The guest made descriptors available and the device asked to be told (event index): wake its I/O thread. */
    private VmExit netNotify(long block) {
        notifyCalls++;
        String bad = badBlock("net_notify", block, Abi.NET_NOTIFY_SIZE, false);
        if (bad != null) return new VmExit.GuestError(bad);
        if (net == null) return guestError("net_notify: this VM has no net device (boot info net_base is 0)");
        long queues = mem.get(JAVA_LONG, block + Abi.NET_NOTIFY_QUEUES);
        if (queues == 0 || (queues & ~(Abi.NET_NOTIFY_RX | Abi.NET_NOTIFY_TX)) != 0) {
            return guestError("net_notify: queue mask 0x%x names no queue or one that does not exist", queues);
        }
        net.notifyQueues();
        return null;
    }

    private VmExit abort(long block) {
        abortCalls++;
        String bad = badBlock("abort", block, Abi.ABORT_SIZE, false);
        if (bad != null) return new VmExit.GuestError(bad);
        long msg = mem.get(JAVA_LONG, block + Abi.ABORT_MSG);
        long len = mem.get(JAVA_LONG, block + Abi.ABORT_LEN);
        if (Long.compareUnsigned(len, Abi.ABORT_MESSAGE_MAX) > 0) len = Abi.ABORT_MESSAGE_MAX;
        if (!layout.guestReadable(msg, len, bootInfoEnd)) {
            return guestError("abort: message 0x%x (+%d bytes) is not in guest memory", msg, len);
        }
        // The message travels in the exit, not on the console: the console is the guest's
        // output (stdout), and whoever ran the VM reports how it ended.
        return new VmExit.Aborted(escape(mem.asSlice(msg, len).toArray(JAVA_BYTE)));
    }

    /** Printable ASCII stays, everything else becomes \n, \t, \\ or \xNN. */
    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.toString();
    }

    private static VmExit guestError(String format, Object... args) {
        return new VmExit.GuestError(String.format(format, args));
    }

    // ---- crashes -------------------------------------------------------------------------

    private CrashReport crashReport() {
        MemorySegment r = scratch.asSlice(0, KvmApi.REGS_SIZE);
        MemorySegment s = scratch.asSlice(KvmApi.REGS_SIZE, KvmApi.SREGS_SIZE);
        ioctl(vcpuFd, KvmApi.KVM_GET_REGS, r.address(), "KVM_GET_REGS");
        ioctl(vcpuFd, KvmApi.KVM_GET_SREGS, s.address(), "KVM_GET_SREGS");
        Map<String, Long> regs = new LinkedHashMap<>();
        for (int i = 0; i < KvmApi.REG_NAMES.length; i++) regs.put(KvmApi.REG_NAMES[i], r.get(JAVA_LONG, 8L * i));
        long rip = regs.get("rip");
        long cr2 = s.get(JAVA_LONG, KvmApi.SREGS_CR2);
        long cr0 = s.get(JAVA_LONG, KvmApi.SREGS_CR0);
        boolean pageFault = cr2 != CR2_NONE;
        String hint;
        if ((cr0 & 0x8000_0000L) == 0) {
            // Some hosts (AMD without state preservation) reset the vCPU on a triple fault.
            hint = "triple fault; the host reset the vCPU, so the registers are lost";
            pageFault = false;
        } else {
            hint = hint(rip, pageFault, cr2);
        }
        String symbol = image.symbolize(rip).map(Object::toString).orElse(null);
        return new CrashReport(image.name(), rip, symbol, pageFault, cr2, regs, hint);
    }

    private String hint(long rip, boolean pageFault, long cr2) {
        if (!pageFault) {
            if (layout.guestReadable(rip, 2, bootInfoEnd) && mem.get(JAVA_BYTE, rip) == 0x0f
                    && mem.get(JAVA_BYTE, rip + 1) == 0x0b) {
                return "invalid opcode (ud2 at RIP)";
            }
            return "fault without a page fault (general protection, invalid opcode, division by zero, ...)";
        }
        if (cr2 >= layout.guardPage && cr2 < layout.guardPage + GuestLayout.PAGE) {
            return "stack overflow (CR2 in the stack guard page)";
        }
        if (cr2 >= 0 && cr2 < GuestLayout.PAGE) return "null pointer dereference (CR2 < 4096)";
        for (GuestImage.Segment seg : image.segments()) {
            if (cr2 >= GuestLayout.pageDown(seg.vaddr()) && cr2 < GuestLayout.pageUp(seg.end())) {
                if (cr2 == rip && !seg.executable()) return "executed non-executable memory (W^X: CR2 = RIP)";
                if (!seg.writable()) return "write to read-only memory (W^X: " + seg.permissions() + " segment)";
            }
        }
        if (cr2 == rip) return "executed non-executable memory (W^X: CR2 = RIP, data/heap/stack are NX)";
        if (cr2 < 0 || cr2 >= layout.memSize) return "access beyond guest memory (CR2 >= mem_size)";
        if (cr2 < GuestLayout.IMAGE_MIN) return "access to the monitor's reserved memory below 0x400000";
        return "page fault";
    }

    private String ripDescription() {
        try {
            MemorySegment r = scratch.asSlice(0, KvmApi.REGS_SIZE);
            ioctl(vcpuFd, KvmApi.KVM_GET_REGS, r.address(), "KVM_GET_REGS");
            long rip = r.get(JAVA_LONG, KvmApi.REGS_RIP);
            return "0x" + Long.toHexString(rip) + image.symbolize(rip).map(x -> " <" + x + ">").orElse("");
        } catch (VmmException e) {
            return "an unknown RIP";
        }
    }

    // ---- stopping ------------------------------------------------------------------------

    /** Ends the VM from any thread: {@link #run} returns {@link VmExit.Stopped} soon after. */
    public void stop(String reason) {
        requestStop(new StopCause(reason == null ? "stopped" : reason, null, false));
    }

    private synchronized void requestStop(StopCause cause) {
        if (stop != null || closed) return;
        stop = cause;
        run.set(JAVA_BYTE, KvmApi.RUN_IMMEDIATE_EXIT, (byte) 1); // covers a kick that lands before KVM_RUN
        if (vcpuTid != 0) {
            VcpuKicker.kick(vcpuTid); // safe: vcpuTid is only non-zero while that thread is inside run()
            LockSupport.unpark(vcpuThread);
        }
    }

    /** A snapshot of the counters; thread-safe, also while the VM runs. */
    public VmStats stats() {
        VmStats.Net n = net == null ? null : new VmStats.Net(net.rxFrames.get(), net.rxBytes.get(), net.txFrames.get(),
                net.txBytes.get(), net.txDropped.get(), net.rxRingFull.get(), notifyCalls, yieldNetWakeups,
                net.vcpuWakeups.get(), net.ioWakeups.get(), net.yieldKicks.get());
        return new VmStats(exits, ioExits, interrupted, consoleWrites, consoleBytes, exitCalls, walltimeCalls,
                yieldCalls, abortCalls, notifyCalls, setupNanos, n);
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
     * size; see {@link Shell}). Must not be called while {@link #run} is running.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            if (vcpuTid != 0) throw new IllegalStateException("close() while the VM is running; stop() it first");
            closed = true;
        }
        if (net != null) net.close(); // when run() never ran
        if (crashed) {
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
