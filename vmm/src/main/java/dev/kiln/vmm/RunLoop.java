package dev.kiln.vmm;

import dev.kiln.linux.Errno;
import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.core.CpuState;
import dev.kiln.vmm.crash.CrashAnalyzer;
import dev.kiln.vmm.gdb.GdbStub;
import dev.kiln.vmm.gdb.StopReason;
import dev.kiln.vmm.hypercall.HypercallDispatcher;
import dev.kiln.vmm.kvm.Vcpu;
import dev.kiln.vmm.profile.Sampler;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The vCPU thread's loop: KVM_RUN until the guest ends, each exit turned into what the ABI
 * says: port I/O to the hypercall dispatcher, a shutdown (triple fault) to a crash report,
 * anything else to a guest error. A stop request (any thread) makes KVM_RUN return EINTR
 * and is seen at the top of the loop.
 */
final class RunLoop {
    /** Every ioctl the vCPU thread makes on its vCPU (its seccomp filter allows these alone): running it, and reading registers for crash reports. */
    static final long[] VCPU_IOCTLS = {KvmApi.KVM_RUN, KvmApi.KVM_GET_REGS, KvmApi.KVM_GET_SREGS};

    /** The ioctls the GDB stub's thread makes on the vCPU while the vCPU thread waits (its own filter: MonitorFilters.gdb). */
    static final long[] DEBUGGER_IOCTLS = {KvmApi.KVM_GET_REGS, KvmApi.KVM_SET_REGS, KvmApi.KVM_GET_SREGS,
            KvmApi.KVM_SET_GUEST_DEBUG};

    private final Vcpu vcpu;
    private final HypercallDispatcher hypercalls;
    private final CrashAnalyzer crashes;
    private final StopRequest stop;
    // Written by the vCPU thread only, read by stats() from any thread: volatile is enough.
    volatile long exits, ioExits, interrupted;
    /** KVM_EXIT_INTR: a signal (a stop, a kick) reached the vCPU while the guest ran. */
    volatile long intrExits;
    private volatile boolean crashed;
    /** The registers at the crash, for a core file; null unless crashed. */
    private volatile CpuState crashState;
    private final VcpuPause pause;
    /**
     * The debugger's stub, or null: set before the vCPU thread starts (kiln run --gdb) or while
     * it runs (the daemon's debug route), when the next exit sees it.
     */
    private volatile GdbStub debugger;
    /** The profiler's sampler while one samples this VM (kiln profile), or null. */
    private volatile Sampler sampler;
    private static final int RIP = KvmApi.REG_NAMES.indexOf("rip");
    private static final int YIELD_PORT = dev.kiln.vmm.abi.Abi.HC_PORT_BASE + dev.kiln.vmm.abi.Abi.HC_YIELD;

    RunLoop(Vcpu vcpu, HypercallDispatcher hypercalls, CrashAnalyzer crashes, StopRequest stop, VcpuPause pause) {
        this.vcpu = vcpu;
        this.pause = pause;
        this.hypercalls = hypercalls;
        this.crashes = crashes;
        this.stop = stop;
    }

    /** Stops for this debugger when it asks and on KVM_EXIT_DEBUG, from the next exit on. Once. */
    void debugWith(GdbStub stub) {
        this.debugger = stub;
    }

    /** Samples for this sampler from the next loop on (null: no more). Any thread. */
    void sampleWith(Sampler s) {
        this.sampler = s;
    }

    /** Runs the guest until it ends; the calling thread is the vCPU thread. */
    VmExit run() {
        try {
            VmExit end = loop();
            if (debugger != null) debugger.ended(end.exitStatus());
            return end;
        } finally {
            pause.ended();
        }
    }

    private VmExit loop() {
        while (true) {
            StopRequest.Cause s = stop.cause();
            if (s != null) return s.exit();
            if (debugger != null && debugger.attentionWanted()) {
                vcpu.requestImmediateExit(false); // the debugger's kick; a stop request is seen at the top
                debugger.stopped(StopReason.REQUESTED);
                continue;
            }
            if (pause.wanted()) { // a reader of guest memory (kiln dump, kiln stack) holds the guest still
                vcpu.requestImmediateExit(false);
                pause.serve(() -> CpuState.of(vcpu.registers(), vcpu.specialRegisters()));
                continue;
            }
            Sampler p = sampler;
            if (p != null) {
                if (p.due()) p.take(() -> vcpu.registers()[RIP], true); // asked for while a hypercall was served: the guest resumes here
                p.inGuest();
            }
            int r = vcpu.run();
            if (p != null) {
                p.inHost(r == 0 && vcpu.exitReason() == KvmApi.EXIT_IO && vcpu.portIo().port() == YIELD_PORT);
                // A kick lands late (hundreds of us here): if the guest exited on its own first, the
                // sample is taken now, where it stopped, not after a yield that may last a second.
                if (p.due()) p.take(() -> vcpu.registers()[RIP], !(r == -Errno.EINTR || r == 0 && vcpu.exitReason() == KvmApi.EXIT_INTR));
            }
            if (r < 0) {
                if (r == -Errno.EINTR || r == -Errno.EAGAIN) {
                    if (p != null) p.interrupted();
                    interrupted++;
                    continue; // the stop request is checked at the top
                }
                return new VmExit.GuestError("KVM_RUN failed: " + Errno.describe(-r));
            }
            exits++;
            VmExit end = onExit(vcpu.exitReason());
            if (end != null) return end;
        }
    }

    /** The registers when the guest crashed, or null. */
    CpuState crashState() {
        return crashState;
    }

    /** True if the guest crashed (its vCPU state is then not trusted to a reset). */
    boolean crashed() {
        return crashed;
    }

    private VmExit onExit(int reason) {
        return switch (reason) {
            case KvmApi.EXIT_IO -> {
                ioExits++;
                yield hypercalls.dispatch(vcpu.portIo());
            }
            case KvmApi.EXIT_SHUTDOWN -> {
                long[] regs = vcpu.registers();
                StopReason trap = debugger == null ? null
                        : debugger.explainTripleFault(regs[KvmApi.REG_NAMES.indexOf("rip")]);
                if (trap != null) { // the debugger's int3 or single step, not a crash
                    debugger.stopped(trap);
                    yield null;
                }
                MemorySegment s = vcpu.specialRegisters();
                crashState = CpuState.of(regs, s);
                crashed = true;
                yield new VmExit.Crashed(crashes.analyze(regs, s.get(JAVA_LONG, KvmApi.SREGS_CR0),
                        s.get(JAVA_LONG, KvmApi.SREGS_CR2)));
            }
            case KvmApi.EXIT_INTR -> {
                intrExits++;
                Sampler p = sampler;
                if (p != null) p.interrupted();
                yield null;
            }
            case KvmApi.EXIT_DEBUG -> {
                if (debugger == null) yield new VmExit.GuestError("unexpected debug exit at " + rip());
                debugger.stopped(StopReason.debugExit(vcpu.debugException(), vcpu.debugDr6()));
                yield null;
            }
            case KvmApi.EXIT_MMIO -> new VmExit.GuestError(String.format(
                    "guest %s guest-physical 0x%x, outside its memory (MMIO exit)",
                    vcpu.mmioWrite() ? "wrote" : "read", vcpu.mmioAddress()));
            case KvmApi.EXIT_HLT -> new VmExit.GuestError("guest halted (HLT exit)");
            case KvmApi.EXIT_FAIL_ENTRY -> new VmExit.GuestError(String.format(
                    "KVM could not enter the guest (hardware entry failure reason 0x%x)", vcpu.failEntryReason()));
            case KvmApi.EXIT_INTERNAL_ERROR -> new VmExit.GuestError(String.format("KVM internal error (suberror %d%s) at %s",
                    vcpu.internalSuberror(), vcpu.internalSuberror() == 1 ? ": instruction emulation failed" : "", rip()));
            default -> new VmExit.GuestError("unexpected KVM exit reason " + reason + " at " + rip());
        };
    }

    private String rip() {
        try {
            return crashes.describe(vcpu.registers()[KvmApi.REG_NAMES.indexOf("rip")]);
        } catch (VmmException e) {
            return "an unknown RIP";
        }
    }
}
