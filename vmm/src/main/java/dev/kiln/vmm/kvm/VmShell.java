package dev.kiln.vmm.kvm;

import dev.kiln.linux.Libc;
import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.memory.GuestRam;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The expensive, image-independent part of a VM: the KVM VM with its guest memory in slot 0,
 * and one vCPU with its kvm_run mapping and CPUID.
 *
 * <p>Measured on this project's nested KVM, creating these costs about 0.9 ms (KVM_CREATE_VM,
 * KVM_SET_USER_MEMORY_REGION and KVM_CREATE_VCPU each wait for kernel bookkeeping, the memory
 * slot for an RCU grace period) and destroying them 0.6 ms or more under load: more than a
 * whole boot should take. So {@code Kvm} keeps shells of VMs that ended and hands them to the
 * next VM of the same memory size after {@link #reset}: guest memory is dropped
 * (MADV_DONTNEED: the next VM sees zero pages, the host gets the memory back) and every piece
 * of vCPU state a CPL-3 guest can change is overwritten ({@link Vcpu#reset}).
 */
public final class VmShell {
    private final long memSize;
    private final int vmFd;
    private final GuestRam ram;
    private final Vcpu vcpu;

    private VmShell(long memSize, int vmFd, GuestRam ram, Vcpu vcpu) {
        this.memSize = memSize;
        this.vmFd = vmFd;
        this.ram = ram;
        this.vcpu = vcpu;
    }

    /** A new VM on /dev/kvm ({@code kvmFd}) with {@code memSize} bytes of memory and vCPU 0. */
    public static VmShell create(int kvmFd, long memSize, long vcpuMmapSize, MemorySegment cpuid) {
        int vm = -1;
        GuestRam ram = null;
        try {
            vm = KvmCalls.ioctl(kvmFd, KvmApi.KVM_CREATE_VM, 0, "KVM_CREATE_VM on /dev/kvm");
            ram = GuestRam.map(memSize);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment region = a.allocate(KvmApi.MEMREGION_SIZE, 8);
                region.set(JAVA_INT, KvmApi.MEMREGION_SLOT, 0);
                region.set(JAVA_INT, KvmApi.MEMREGION_FLAGS, 0);
                region.set(JAVA_LONG, KvmApi.MEMREGION_GUEST_PHYS_ADDR, 0);
                region.set(JAVA_LONG, KvmApi.MEMREGION_MEMORY_SIZE, memSize);
                region.set(JAVA_LONG, KvmApi.MEMREGION_USERSPACE_ADDR, ram.hostAddress());
                KvmCalls.ioctl(vm, KvmApi.KVM_SET_USER_MEMORY_REGION, region.address(), "KVM_SET_USER_MEMORY_REGION");
            }
            return new VmShell(memSize, vm, ram, Vcpu.create(vm, vcpuMmapSize, cpuid));
        } catch (RuntimeException e) {
            if (vm >= 0) Libc.close(vm);
            if (ram != null) ram.unmap();
            throw e;
        }
    }

    public long memSize() {
        return memSize;
    }

    public GuestRam ram() {
        return ram;
    }

    public Vcpu vcpu() {
        return vcpu;
    }

    /** Makes a used shell indistinguishable, to the next guest, from a new one. */
    public void reset() {
        ram.discard();
        vcpu.reset();
    }

    public void destroy() {
        vcpu.destroy();
        Libc.close(vmFd);
        ram.unmap();
    }
}
