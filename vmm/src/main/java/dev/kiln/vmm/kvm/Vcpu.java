package dev.kiln.vmm.kvm;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.VmmException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * One KVM vCPU: its file descriptor, its kvm_run mapping (how KVM_RUN reports each exit) and
 * native buffers for the register ioctls. The buffers are not thread-safe: the thread that
 * sets the VM up uses them, then the one thread that runs it; only {@link #requestImmediateExit}
 * may be called from any thread.
 */
public final class Vcpu {
    /** A port I/O exit as kvm_run reports it; {@code data} is the 32-bit value written, or -1 if KVM's offset to it is bad. */
    public record PortIo(int direction, int size, int port, int count, long data) {}

    private final int fd;
    private final long runAddr, runSize;
    private final MemorySegment run;
    // Freed by the GC once unreachable, never closed: closing a shared arena is a handshake with every thread of the
    // process, and with a thousand VMs (three thousand threads) each VM's teardown waited on several of them.
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment regs = arena.allocate(KvmApi.REGS_SIZE, 8);
    private final MemorySegment sregs = arena.allocate(KvmApi.SREGS_SIZE, 8);
    private final MemorySegment scratch = arena.allocate(KvmApi.FPU_SIZE, 16); // kvm_msrs, kvm_fpu

    /** The vCPU's descriptor (its thread's seccomp filter allows ioctls on this one only). */
    public int fd() {
        return fd;
    }

    private Vcpu(int fd, long runAddr, long runSize) {
        this.fd = fd;
        this.runAddr = runAddr;
        this.runSize = runSize;
        this.run = MemorySegment.ofAddress(runAddr).reinterpret(runSize);
    }

    /** Creates vCPU 0 of the VM {@code vmFd}, maps its kvm_run ({@code runSize} bytes) and sets its CPUID. */
    static Vcpu create(int vmFd, long runSize, MemorySegment cpuid) {
        int fd = KvmCalls.ioctl(vmFd, KvmApi.KVM_CREATE_VCPU, 0, "KVM_CREATE_VCPU");
        long runMap = Libc.mmap(0, runSize, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
        if (runMap < 0) {
            Libc.close(fd);
            throw new VmmException("cannot map kvm_run: " + Errno.describe((int) -runMap));
        }
        Vcpu v = new Vcpu(fd, runMap, runSize);
        try {
            KvmCalls.ioctl(fd, KvmApi.KVM_SET_CPUID2, cpuid.address(), "KVM_SET_CPUID2");
        } catch (RuntimeException e) {
            v.destroy();
            throw e;
        }
        return v;
    }

    /** KVM_RUN: 0 when the guest exited (see {@link #exitReason}), or -errno (EINTR: a kick or immediate_exit). */
    public int run() {
        return Libc.ioctl(fd, KvmApi.KVM_RUN, 0);
    }

    public int exitReason() {
        return run.get(JAVA_INT, KvmApi.RUN_EXIT_REASON);
    }

    /** Makes the next (or current) KVM_RUN return EINTR at once; safe from any thread. */
    public void requestImmediateExit(boolean on) {
        run.set(JAVA_BYTE, KvmApi.RUN_IMMEDIATE_EXIT, (byte) (on ? 1 : 0));
    }

    /** The port I/O exit KVM_RUN just reported. */
    public PortIo portIo() {
        long dataOffset = run.get(JAVA_LONG, KvmApi.RUN_IO_DATA_OFFSET);
        long data = dataOffset < 0 || dataOffset > runSize - 4 ? -1
                : run.get(JAVA_INT_UNALIGNED, dataOffset) & 0xffffffffL;
        return new PortIo(run.get(JAVA_BYTE, KvmApi.RUN_IO_DIRECTION), run.get(JAVA_BYTE, KvmApi.RUN_IO_SIZE),
                run.get(JAVA_SHORT, KvmApi.RUN_IO_PORT) & 0xffff, run.get(JAVA_INT, KvmApi.RUN_IO_COUNT), data);
    }

    public long mmioAddress() {
        return run.get(JAVA_LONG, KvmApi.RUN_MMIO_PHYS_ADDR);
    }

    public boolean mmioWrite() {
        return run.get(JAVA_BYTE, KvmApi.RUN_MMIO_IS_WRITE) != 0;
    }

    public long failEntryReason() {
        return run.get(JAVA_LONG, KvmApi.RUN_FAIL_ENTRY_REASON);
    }

    public int internalSuberror() {
        return run.get(JAVA_INT, KvmApi.RUN_INTERNAL_SUBERROR);
    }

    /** KVM_GET_REGS: rax..r15, rip, rflags in kvm_regs order ({@link KvmApi#REG_NAMES}). */
    public long[] registers() {
        KvmCalls.ioctl(fd, KvmApi.KVM_GET_REGS, regs.address(), "KVM_GET_REGS");
        return regs.toArray(JAVA_LONG);
    }

    /** KVM_SET_REGS with every register zero except these. */
    public void setRegisters(long rip, long rsp, long rdi, long rflags) {
        regs.fill((byte) 0);
        regs.set(JAVA_LONG, KvmApi.REGS_RIP, rip);
        regs.set(JAVA_LONG, KvmApi.REGS_RSP, rsp);
        regs.set(JAVA_LONG, KvmApi.REGS_RDI, rdi);
        regs.set(JAVA_LONG, KvmApi.REGS_RFLAGS, rflags);
        KvmCalls.ioctl(fd, KvmApi.KVM_SET_REGS, regs.address(), "KVM_SET_REGS");
    }

    /** KVM_SET_REGS with all of rax..r15, rip, rflags in kvm_regs order (a debugger's register write). */
    public void setAllRegisters(long[] values) {
        if (values.length != KvmApi.REG_NAMES.size()) throw new IllegalArgumentException("kvm_regs has 18 registers");
        MemorySegment.copy(values, 0, regs, JAVA_LONG, 0, values.length);
        KvmCalls.ioctl(fd, KvmApi.KVM_SET_REGS, regs.address(), "KVM_SET_REGS");
    }

    /**
     * KVM_SET_GUEST_DEBUG (kiln run --gdb only): {@code control} is KVM_GUESTDBG_* flags; debugRegs
     * are DR0..DR7 for hardware breakpoints and watchpoints (DR4 and DR5 unused). With
     * KVM_GUESTDBG_USE_SW_BP an int3 exits to the monitor (KVM_EXIT_DEBUG) and the guest never
     * sees the #BP, so it needs no IDT.
     */
    public void setGuestDebug(int control, long[] debugRegs) {
        MemorySegment d = scratch.asSlice(0, KvmApi.GUEST_DEBUG_SIZE);
        d.fill((byte) 0);
        d.set(JAVA_INT, KvmApi.GUEST_DEBUG_CONTROL, control);
        for (int i = 0; i < 8 && i < debugRegs.length; i++) d.set(JAVA_LONG, KvmApi.GUEST_DEBUG_REGS + 8L * i, debugRegs[i]);
        KvmCalls.ioctl(fd, KvmApi.KVM_SET_GUEST_DEBUG, d.address(), "KVM_SET_GUEST_DEBUG");
    }

    /** The #DB or #BP exit KVM_RUN just reported (KVM_EXIT_DEBUG): the exception vector and DR6. */
    public int debugException() {
        return run.get(JAVA_INT, KvmApi.RUN_DEBUG_EXCEPTION);
    }

    public long debugDr6() {
        return run.get(JAVA_LONG, KvmApi.RUN_DEBUG_DR6);
    }

    /** KVM_GET_SREGS into this vCPU's struct kvm_sregs buffer, returned for reading or changing. */
    public MemorySegment specialRegisters() {
        KvmCalls.ioctl(fd, KvmApi.KVM_GET_SREGS, sregs.address(), "KVM_GET_SREGS");
        return sregs;
    }

    /** KVM_SET_SREGS from the buffer {@link #specialRegisters} returned. */
    public void setSpecialRegisters() {
        KvmCalls.ioctl(fd, KvmApi.KVM_SET_SREGS, sregs.address(), "KVM_SET_SREGS");
    }

    /** KVM_SET_MSRS with one MSR. */
    public void setMsr(int index, long value) {
        MemorySegment m = oneMsr(index);
        m.set(JAVA_LONG, KvmApi.MSRS_HEADER + KvmApi.MSR_DATA, value);
        int n = KvmCalls.ioctl(fd, KvmApi.KVM_SET_MSRS, m.address(), "KVM_SET_MSRS");
        if (n != 1) throw new VmmException(String.format("KVM_SET_MSRS did not accept MSR 0x%x", index));
    }

    /** KVM_GET_MSRS with one MSR: its value as the guest would read it now. */
    public long getMsr(int index) {
        MemorySegment m = oneMsr(index);
        int n = KvmCalls.ioctl(fd, KvmApi.KVM_GET_MSRS, m.address(), "KVM_GET_MSRS");
        if (n != 1) throw new VmmException(String.format("KVM_GET_MSRS did not return MSR 0x%x", index));
        return m.get(JAVA_LONG, KvmApi.MSRS_HEADER + KvmApi.MSR_DATA);
    }

    /** A struct kvm_msrs in the scratch buffer holding one entry, for MSR {@code index}, its data zero. */
    private MemorySegment oneMsr(int index) {
        MemorySegment m = scratch.asSlice(0, KvmApi.MSRS_HEADER + KvmApi.MSR_ENTRY);
        m.fill((byte) 0);
        m.set(JAVA_INT, KvmApi.MSRS_NMSRS, 1);
        m.set(JAVA_INT, KvmApi.MSRS_HEADER + KvmApi.MSR_INDEX, index);
        return m;
    }

    /** KVM_GET_TSC_KHZ: the guest TSC frequency. */
    public int tscKhz() {
        return KvmCalls.ioctl(fd, KvmApi.KVM_GET_TSC_KHZ, 0, "KVM_GET_TSC_KHZ");
    }

    /**
     * Prepares this vCPU for another guest. The last exit may have been an OUT the guest never
     * saw completed (exit, stop during a yield). KVM completes it on the next KVM_RUN by skipping
     * to the instruction after the OUT (on SVM, the saved next RIP), which would hijack the next
     * guest's entry; KVM_RUN with immediate_exit set completes pending I/O and returns EINTR
     * without entering the guest. Then x87 and SSE state go back to their reset values (general,
     * segment and control registers are set by the next boot; CPL 3 cannot reach MSRs, debug
     * registers, or AVX state without CR4.OSXSAVE).
     */
    void reset() {
        requestImmediateExit(true);
        int r = run();
        if (r != -Errno.EINTR) {
            throw new VmmException("KVM_RUN could not complete the last exit: " + (r < 0 ? Errno.describe(-r) : "it ran"));
        }
        requestImmediateExit(false);
        MemorySegment fpu = scratch.asSlice(0, KvmApi.FPU_SIZE);
        fpu.fill((byte) 0);
        fpu.set(JAVA_SHORT, KvmApi.FPU_FCW, (short) 0x37f);
        fpu.set(JAVA_INT, KvmApi.FPU_MXCSR, 0x1f80);
        KvmCalls.ioctl(fd, KvmApi.KVM_SET_FPU, fpu.address(), "KVM_SET_FPU");
    }

    void destroy() {
        Libc.munmap(runAddr, runSize);
        Libc.close(fd);
    }
}
