package dev.kiln.vmm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The expensive, image-independent part of a VM: the KVM VM with its memory slot, one vCPU
 * with its kvm_run mapping and CPUID, and native scratch buffers.
 *
 * <p>Measured on this project's nested KVM, creating these costs about 0.9 ms (KVM_CREATE_VM,
 * KVM_SET_USER_MEMORY_REGION and KVM_CREATE_VCPU each wait for kernel bookkeeping, the memory
 * slot for an RCU grace period) and destroying them 0.6 ms or more under load: more than a
 * whole boot should take. So {@link Kvm} keeps shells of VMs that ended and hands them to the
 * next VM of the same memory size after {@link #reset}: guest memory is dropped
 * (MADV_DONTNEED: the next VM sees zero pages, the host gets the memory back) and every piece
 * of vCPU state a CPL-3 guest can change is overwritten (after completing the pending exit) (general and segment registers and
 * RFLAGS by the next boot, x87/SSE state here; CPL 3 cannot reach MSRs, control or debug
 * registers, and AVX state is unreachable without CR4.OSXSAVE).
 */
final class Shell {
    final long memSize;
    final int vmFd, vcpuFd;
    final long memAddr, runAddr, runSize;
    final MemorySegment mem, run;
    final Arena arena = Arena.ofShared();
    final MemorySegment errno;   // for the thread currently using the shell
    final MemorySegment scratch; // kvm_regs + kvm_sregs, kvm_msrs, kvm_fpu, memory region

    private Shell(Kvm kvm, long memSize) {
        this.memSize = memSize;
        this.runSize = kvm.vcpuMmapSize();
        int vm = -1, vcpu = -1;
        long memory = 0, runMap = 0;
        try {
            errno = Libc.newErrnoSlot(arena);
            scratch = arena.allocate(1024, 16);
            vm = Kvm.check(errno, Libc.ioctl(errno, kvm.fd(), KvmApi.KVM_CREATE_VM, 0), "KVM_CREATE_VM on " + Kvm.DEVICE);
            memory = Libc.mmap(errno, 0, memSize, Libc.PROT_READ | Libc.PROT_WRITE,
                    Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_NORESERVE, -1, 0);
            if (memory == -1) {
                memory = 0;
                throw new VmmException("cannot reserve " + (memSize >> 20) + " MiB of guest memory: "
                        + Libc.describe(Libc.errno(errno)));
            }
            MemorySegment region = scratch;
            region.set(JAVA_INT, 0, 0);          // slot
            region.set(JAVA_INT, 4, 0);          // flags
            region.set(JAVA_LONG, 8, 0);         // guest_phys_addr
            region.set(JAVA_LONG, 16, memSize);  // memory_size
            region.set(JAVA_LONG, 24, memory);   // userspace_addr
            Kvm.check(errno, Libc.ioctl(errno, vm, KvmApi.KVM_SET_USER_MEMORY_REGION, region.address()),
                    "KVM_SET_USER_MEMORY_REGION");
            vcpu = Kvm.check(errno, Libc.ioctl(errno, vm, KvmApi.KVM_CREATE_VCPU, 0), "KVM_CREATE_VCPU");
            runMap = Libc.mmap(errno, 0, runSize, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, vcpu, 0);
            if (runMap == -1) {
                runMap = 0;
                throw new VmmException("cannot map kvm_run: " + Libc.describe(Libc.errno(errno)));
            }
            Kvm.check(errno, Libc.ioctl(errno, vcpu, KvmApi.KVM_SET_CPUID2, kvm.cpuid().address()), "KVM_SET_CPUID2");
        } catch (RuntimeException e) {
            if (runMap != 0) Libc.munmap(runMap, runSize);
            if (vcpu >= 0) Libc.close(vcpu);
            if (vm >= 0) Libc.close(vm);
            if (memory != 0) Libc.munmap(memory, memSize);
            arena.close();
            throw e;
        }
        vmFd = vm;
        vcpuFd = vcpu;
        memAddr = memory;
        runAddr = runMap;
        mem = MemorySegment.ofAddress(memAddr).reinterpret(memSize);
        run = MemorySegment.ofAddress(runAddr).reinterpret(runSize);
    }

    static Shell create(Kvm kvm, long memSize) {
        return new Shell(kvm, memSize);
    }

    /** Makes a used shell indistinguishable, to the next guest, from a new one. */
    void reset() {
        if (Libc.madvise(memAddr, memSize, Libc.MADV_DONTNEED) != 0) {
            throw new VmmException("madvise(MADV_DONTNEED) on guest memory failed");
        }
        // The last exit may have been an OUT the guest never saw completed (exit, stop during a
        // yield). KVM completes it on the next KVM_RUN by skipping to the instruction after the OUT
        // (on SVM, the saved next RIP), which would hijack the next guest's entry. KVM_RUN with
        // immediate_exit set completes pending I/O and returns EINTR without entering the guest.
        run.set(JAVA_BYTE, KvmApi.RUN_IMMEDIATE_EXIT, (byte) 1);
        int r = Libc.ioctl(errno, vcpuFd, KvmApi.KVM_RUN, 0);
        if (r == 0 || Libc.errno(errno) != Libc.EINTR) {
            throw new VmmException("KVM_RUN could not complete the last exit: " + Libc.describe(Libc.errno(errno)));
        }
        run.set(JAVA_BYTE, KvmApi.RUN_IMMEDIATE_EXIT, (byte) 0);
        MemorySegment fpu = scratch.asSlice(0, KvmApi.FPU_SIZE);
        fpu.fill((byte) 0);
        fpu.set(JAVA_SHORT, KvmApi.FPU_FCW, (short) 0x37f);  // the x87 and SSE reset values
        fpu.set(JAVA_INT, KvmApi.FPU_MXCSR, 0x1f80);
        Kvm.check(errno, Libc.ioctl(errno, vcpuFd, KvmApi.KVM_SET_FPU, fpu.address()), "KVM_SET_FPU");
    }

    void destroy() {
        Libc.munmap(runAddr, runSize);
        Libc.close(vcpuFd);
        Libc.close(vmFd);
        Libc.munmap(memAddr, memSize);
        arena.close();
    }
}
