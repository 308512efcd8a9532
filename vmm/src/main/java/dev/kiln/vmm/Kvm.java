package dev.kiln.vmm;

import dev.kiln.linux.Errno;
import dev.kiln.linux.Libc;
import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.kvm.KvmCalls;
import dev.kiln.vmm.kvm.VmShell;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The process's handle on /dev/kvm: opened once and shared by every VM, because opening it
 * and asking for the supported CPUID costs more than the rest of a boot. Thread-safe: VMs
 * may be created from any thread; everything held here is read-only after {@link #open}.
 */
public final class Kvm implements AutoCloseable {
    static final String DEVICE = "/dev/kvm";
    private static final int MAX_CPUID_ENTRIES = 1024;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment cpuid;
    private final int vcpuMmapSize;
    private final boolean perVcpuTscKhz;
    private volatile boolean closed;
    /** Shells of ended VMs, reset and ready for the next VM of the same memory size (see {@link VmShell}). */
    private final ArrayDeque<VmShell> idle = new ArrayDeque<>();
    /** At most this many idle shells are kept; each holds kernel structures but no guest memory. */
    static final int MAX_IDLE_SHELLS = 8;

    private Kvm(int fd) {
        this.fd = fd;
        try {
            int version = Libc.ioctl(fd, KvmApi.KVM_GET_API_VERSION, 0);
            if (version != KvmApi.API_VERSION) {
                throw new VmmException(DEVICE + " speaks KVM API version " + version + ", Kiln needs "
                        + KvmApi.API_VERSION);
            }
            vcpuMmapSize = KvmCalls.ioctl(fd, KvmApi.KVM_GET_VCPU_MMAP_SIZE, 0, "KVM_GET_VCPU_MMAP_SIZE");
            cpuid = supportedCpuid();
            perVcpuTscKhz = Libc.ioctl(fd, KvmApi.KVM_CHECK_EXTENSION, KvmApi.KVM_CAP_GET_TSC_KHZ) > 0;
        } catch (RuntimeException e) {
            Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    /** Opens /dev/kvm; throws a {@link VmmException} naming /dev/kvm when it is missing or forbidden. */
    public static Kvm open() {
        if (!Files.exists(Path.of(DEVICE))) {
            throw new VmmException(DEVICE + " does not exist: this host has no KVM (load kvm_intel or kvm_amd, "
                    + "or enable nested virtualization)");
        }
        int fd = Libc.open(DEVICE, Libc.O_RDWR | Libc.O_CLOEXEC);
        if (fd < 0) {
            String hint = fd == -Errno.EACCES || fd == -Errno.EPERM ? ": add your user to the kvm group or run as root" : "";
            throw new VmmException("cannot open " + DEVICE + ": " + Errno.describe(-fd) + hint);
        }
        return new Kvm(fd);
    }

    /** KVM_GET_SUPPORTED_CPUID, growing the buffer while the kernel says E2BIG. */
    private MemorySegment supportedCpuid() {
        for (int n = 128; ; n *= 2) {
            MemorySegment buf = arena.allocate(KvmApi.CPUID_HEADER + (long) n * KvmApi.CPUID_ENTRY, 8);
            buf.set(JAVA_INT, KvmApi.CPUID_NENT, n);
            int r = Libc.ioctl(fd, KvmApi.KVM_GET_SUPPORTED_CPUID, buf.address());
            if (r == 0) return buf;
            if (r != -Errno.E2BIG || n >= MAX_CPUID_ENTRIES) {
                throw new VmmException("KVM_GET_SUPPORTED_CPUID on " + DEVICE + " failed: " + Errno.describe(-r));
            }
        }
    }

    /** The KVM API version /dev/kvm speaks (checked to be the one Kiln needs when opened). */
    public int apiVersion() {
        return KvmApi.API_VERSION;
    }

    /** How many CPUID leaves KVM_GET_SUPPORTED_CPUID returned: the CPU model guests see. */
    public int supportedCpuidEntries() {
        return cpuid.get(JAVA_INT, KvmApi.CPUID_NENT);
    }

    private volatile int tscKhz;

    /** The guest TSC frequency (KVM_GET_TSC_KHZ on a vCPU; every vCPU gets the same, so asked once). */
    int tscKhz(VmShell shell) {
        int khz = tscKhz;
        if (khz > 0) return khz;
        if (!perVcpuTscKhz) throw new VmmException("KVM_GET_TSC_KHZ failed on " + DEVICE + ": not supported");
        khz = shell.vcpu().tscKhz();
        if (khz <= 0) throw new VmmException("KVM_GET_TSC_KHZ on " + DEVICE + " returned " + khz);
        tscKhz = khz;
        return khz;
    }

    /** A reset shell with this memory size from an ended VM, or a new one. */
    VmShell takeShell(long memSize) {
        synchronized (idle) {
            if (closed) throw new IllegalStateException("Kvm is closed");
            for (Iterator<VmShell> it = idle.iterator(); it.hasNext(); ) {
                VmShell s = it.next();
                if (s.memSize() == memSize) {
                    it.remove();
                    return s;
                }
            }
        }
        return VmShell.create(fd, memSize, vcpuMmapSize, cpuid);
    }

    /** Takes back the shell of an ended VM: reset and kept for reuse, or destroyed. */
    void recycle(VmShell shell) {
        boolean keep;
        synchronized (idle) {
            keep = !closed && idle.size() < MAX_IDLE_SHELLS;
        }
        if (keep) {
            try {
                shell.reset();
            } catch (VmmException e) {
                keep = false;
            }
        }
        if (keep) {
            synchronized (idle) {
                if (!closed) {
                    idle.addFirst(shell);
                    return;
                }
            }
        }
        shell.destroy();
    }

    /** Closes /dev/kvm and destroys idle shells; VMs still open keep working until closed. */
    @Override
    public void close() {
        synchronized (idle) {
            if (closed) return;
            closed = true;
            for (VmShell s : idle) s.destroy();
            idle.clear();
        }
        Libc.close(fd);
        arena.close();
    }
}
