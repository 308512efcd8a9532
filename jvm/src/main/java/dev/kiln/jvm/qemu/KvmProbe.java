package dev.kiln.jvm.qemu;

import dev.kiln.linux.Libc;
import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.linux.kvm.KvmSegment;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Does this host's KVM run guest kernel code fast? A Linux guest spends its boot at CPL 0, which
 * some nested KVMs (this project's machines) emulate instruction by instruction. The probe is the
 * one of ../shared/probes/kvm-probe.c: a tiny 64-bit guest at CPL 0 runs a 100 000-iteration
 * loop; natively that takes well under a millisecond, emulated about 90 ms. Through FFM, no C:
 * Kiln's libc bindings and the KVM numbers of {@link KvmApi}, which are checked against
 * {@code <linux/kvm.h>}.
 */
public final class KvmProbe {
    /** Above this many ns per loop iteration, kernel code is considered emulated. */
    static final double FAST_NS = 20.0;
    private static final int ITERATIONS = 100_000;
    private static final long MEM_SIZE = 4 << 20;
    private static final long CODE_AT = 0x100000;
    private static final int EXIT_PORT = 0x501;

    /** The verdict: kvm usable at all, ns per CPL-0 iteration (NaN if not measured), and why. */
    public record Result(boolean kvmUsable, double cpl0NsPerIteration, boolean kernelCodeFast, String detail) {}

    private static volatile Result cached;

    private KvmProbe() {}

    public static Result probe() {
        Result r = cached;
        if (r == null) {
            r = measure();
            cached = r;
        }
        return r;
    }

    private static Result measure() {
        if (!Files.exists(Path.of("/dev/kvm"))) {
            return new Result(false, Double.NaN, false, "/dev/kvm does not exist");
        }
        int kvm = -1;
        int vm = -1;
        int vcpu = -1;
        long mem = 0;
        long run = 0;
        long runSize = 0;
        try (Arena a = Arena.ofConfined()) {
            kvm = Libc.open("/dev/kvm", Libc.O_RDWR | Libc.O_CLOEXEC);
            if (kvm < 0) {
                return new Result(false, Double.NaN, false, "cannot open /dev/kvm (permissions?)");
            }
            vm = Libc.ioctl(kvm, KvmApi.KVM_CREATE_VM, 0);
            if (vm < 0) {
                return new Result(false, Double.NaN, false, "KVM_CREATE_VM failed");
            }
            mem = Libc.mmap(0, MEM_SIZE, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED | Libc.MAP_ANONYMOUS, -1, 0);
            if (mem < 0) {
                mem = 0;
                return new Result(false, Double.NaN, false, "cannot map the probe's memory");
            }
            MemorySegment guest = MemorySegment.ofAddress(mem).reinterpret(MEM_SIZE);
            // mov rcx, N; 1: mov [0x200000], rcx; dec rcx; jnz 1b; mov dx, 0x501; out dx, eax
            byte[] loop = {0x48, (byte) 0xc7, (byte) 0xc1, 0, 0, 0, 0, 0x48, (byte) 0x89, 0x0c, 0x25, 0x00, 0x00, 0x20,
                0x00, 0x48, (byte) 0xff, (byte) 0xc9, 0x75, (byte) 0xf4, 0x66, (byte) 0xba, 0x01, 0x05, (byte) 0xef};
            MemorySegment code = guest.asSlice(CODE_AT, loop.length);
            code.copyFrom(MemorySegment.ofArray(loop));
            code.set(JAVA_INT.withByteAlignment(1), 3, ITERATIONS);
            MemorySegment region = a.allocate(KvmApi.MEMREGION_SIZE, 8);
            region.set(JAVA_LONG, KvmApi.MEMREGION_MEMORY_SIZE, MEM_SIZE);
            region.set(JAVA_LONG, KvmApi.MEMREGION_USERSPACE_ADDR, mem);
            if (Libc.ioctl(vm, KvmApi.KVM_SET_USER_MEMORY_REGION, region) < 0) {
                return new Result(false, Double.NaN, false, "KVM_SET_USER_MEMORY_REGION failed");
            }
            vcpu = Libc.ioctl(vm, KvmApi.KVM_CREATE_VCPU, 0);
            runSize = Libc.ioctl(kvm, KvmApi.KVM_GET_VCPU_MMAP_SIZE, 0);
            if (vcpu < 0 || runSize <= 0) {
                return new Result(false, Double.NaN, false, "KVM_CREATE_VCPU failed");
            }
            run = Libc.mmap(0, runSize, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, vcpu, 0);
            if (run < 0) {
                run = 0;
                return new Result(false, Double.NaN, false, "cannot map kvm_run");
            }
            MemorySegment kvmRun = MemorySegment.ofAddress(run).reinterpret(runSize);
            // Identity map of the first 1 GiB with 2 MiB pages, supervisor only.
            guest.set(JAVA_LONG, 0x1000, 0x2000 | 3);
            guest.set(JAVA_LONG, 0x2000, 0x3000 | 3);
            for (int i = 0; i < 512; i++) {
                guest.set(JAVA_LONG, 0x3000 + i * 8L, ((long) i << 21) | 0x83);
            }
            guest.set(JAVA_LONG, 0x500, 0);
            guest.set(JAVA_LONG, 0x508, 0x00af9b000000ffffL); // 64-bit code, DPL 0
            guest.set(JAVA_LONG, 0x510, 0x00cf93000000ffffL); // data, DPL 0
            MemorySegment sregs = a.allocate(KvmApi.SREGS_SIZE, 8);
            if (Libc.ioctl(vcpu, KvmApi.KVM_GET_SREGS, sregs) < 0) {
                return new Result(false, Double.NaN, false, "KVM_GET_SREGS failed");
            }
            new KvmSegment(0, 0xffffffff, 8, 11, 0, 0, 1, 1, 1).writeTo(sregs, KvmApi.SREGS_CS);
            KvmSegment data = new KvmSegment(0, 0xffffffff, 16, 3, 0, 1, 1, 0, 1);
            for (long seg : new long[] {KvmApi.SREGS_DS, KvmApi.SREGS_ES, KvmApi.SREGS_FS, KvmApi.SREGS_GS,
                KvmApi.SREGS_SS}) {
                data.writeTo(sregs, seg);
            }
            sregs.set(JAVA_LONG, KvmApi.SREGS_GDT + KvmApi.DTABLE_BASE, 0x500);
            sregs.set(JAVA_SHORT, KvmApi.SREGS_GDT + KvmApi.DTABLE_LIMIT, (short) 23);
            sregs.set(JAVA_LONG, KvmApi.SREGS_CR0, 0x80050033L);      // PG AM WP NE ET MP PE
            sregs.set(JAVA_LONG, KvmApi.SREGS_CR3, 0x1000);
            sregs.set(JAVA_LONG, KvmApi.SREGS_CR4, 0x20 | 0x200 | 0x400); // PAE OSFXSR OSXMMEXCPT
            sregs.set(JAVA_LONG, KvmApi.SREGS_EFER, 0x500);               // LME LMA
            if (Libc.ioctl(vcpu, KvmApi.KVM_SET_SREGS, sregs) < 0) {
                return new Result(false, Double.NaN, false, "KVM_SET_SREGS failed");
            }
            MemorySegment regs = a.allocate(KvmApi.REGS_SIZE, 8);
            regs.set(JAVA_LONG, KvmApi.REGS_RSP, 0x80000);
            regs.set(JAVA_LONG, KvmApi.REGS_RIP, CODE_AT);
            regs.set(JAVA_LONG, KvmApi.REGS_RFLAGS, 0x2);
            if (Libc.ioctl(vcpu, KvmApi.KVM_SET_REGS, regs) < 0) {
                return new Result(false, Double.NaN, false, "KVM_SET_REGS failed");
            }
            long t0 = System.nanoTime();
            while (true) {
                if (Libc.ioctl(vcpu, KvmApi.KVM_RUN, 0) < 0) {
                    return new Result(true, Double.NaN, false, "KVM_RUN failed");
                }
                int reason = kvmRun.get(JAVA_INT, KvmApi.RUN_EXIT_REASON);
                if (reason == KvmApi.EXIT_IO && Short.toUnsignedInt(kvmRun.get(JAVA_SHORT, KvmApi.RUN_IO_PORT)) == EXIT_PORT) {
                    break;
                }
                if (reason != KvmApi.EXIT_IO) {
                    return new Result(true, Double.NaN, false, "unexpected KVM exit " + reason);
                }
                if (System.nanoTime() - t0 > 10_000_000_000L) {
                    return new Result(true, Double.NaN, false, "probe did not finish in 10 s");
                }
            }
            double ns = (System.nanoTime() - t0) / (double) ITERATIONS;
            boolean fast = ns < FAST_NS;
            return new Result(true, ns, fast, String.format("guest CPL-0 loop: %.1f ns per iteration (%s)", ns,
                    fast ? "native speed" : "emulated; a Linux guest would crawl"));
        } catch (RuntimeException t) {
            return new Result(false, Double.NaN, false, "probe failed: " + t);
        } finally {
            if (run != 0) Libc.munmap(run, runSize);
            if (mem != 0) Libc.munmap(mem, MEM_SIZE);
            for (int fd : new int[] {vcpu, vm, kvm}) {
                if (fd >= 0) Libc.close(fd);
            }
        }
    }
}
