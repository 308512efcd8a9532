package dev.kiln.jvm.qemu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Does this host's KVM run guest kernel code fast? A Linux guest spends its boot at CPL 0, which
 * some nested KVMs (this project's machines) emulate instruction by instruction. The probe is the
 * one of ../shared/probes/kvm-probe.c: a tiny 64-bit guest at CPL 0 runs a 100 000-iteration
 * loop; natively that takes well under a millisecond, emulated about 90 ms. Through FFM, no C.
 */
public final class KvmProbe {
    /** Above this many ns per loop iteration, kernel code is considered emulated. */
    static final double FAST_NS = 20.0;
    private static final int ITERATIONS = 100_000;
    private static final long MEM_SIZE = 4 << 20;
    private static final long CODE_AT = 0x100000;
    private static final int EXIT_PORT = 0x501;
    private static final long KVM_CREATE_VM = 0xAE01;
    private static final long KVM_GET_VCPU_MMAP_SIZE = 0xAE04;
    private static final long KVM_CREATE_VCPU = 0xAE41;
    private static final long KVM_SET_USER_MEMORY_REGION = 0x4020AE46L;
    private static final long KVM_RUN = 0xAE80;
    private static final long KVM_GET_SREGS = 0x8138AE83L;
    private static final long KVM_SET_SREGS = 0x4138AE84L;
    private static final long KVM_SET_REGS = 0x4090AE82L;
    private static final int KVM_EXIT_IO = 2;

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
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        MethodHandle ioctlL = linker.downcallHandle(libc.find("ioctl").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
        MethodHandle ioctlP = linker.downcallHandle(libc.find("ioctl").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
        MethodHandle mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        MethodHandle munmap = linker.downcallHandle(libc.find("munmap").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        int kvm = -1;
        int vm = -1;
        int vcpu = -1;
        MemorySegment mem = MemorySegment.NULL;
        MemorySegment run = MemorySegment.NULL;
        long runSize = 0;
        try (Arena a = Arena.ofConfined()) {
            kvm = (int) open.invokeExact(a.allocateFrom("/dev/kvm"), 2 | 02000000);
            if (kvm < 0) {
                return new Result(false, Double.NaN, false, "cannot open /dev/kvm (permissions?)");
            }
            vm = (int) ioctlL.invokeExact(kvm, KVM_CREATE_VM, 0L);
            if (vm < 0) {
                return new Result(false, Double.NaN, false, "KVM_CREATE_VM failed");
            }
            mem = ((MemorySegment) mmap.invokeExact(MemorySegment.NULL, MEM_SIZE, 3, 0x01 | 0x20, -1, 0L))
                    .reinterpret(MEM_SIZE);
            // mov rcx, N; 1: mov [0x200000], rcx; dec rcx; jnz 1b; mov dx, 0x501; out dx, eax
            byte[] loop = {0x48, (byte) 0xc7, (byte) 0xc1, 0, 0, 0, 0, 0x48, (byte) 0x89, 0x0c, 0x25, 0x00, 0x00, 0x20,
                0x00, 0x48, (byte) 0xff, (byte) 0xc9, 0x75, (byte) 0xf4, 0x66, (byte) 0xba, 0x01, 0x05, (byte) 0xef};
            MemorySegment code = mem.asSlice(CODE_AT, loop.length);
            code.copyFrom(MemorySegment.ofArray(loop));
            code.set(JAVA_INT.withByteAlignment(1), 3, ITERATIONS);
            MemorySegment region = a.allocate(32, 8);
            region.set(JAVA_INT, 0, 0);
            region.set(JAVA_INT, 4, 0);
            region.set(JAVA_LONG, 8, 0);
            region.set(JAVA_LONG, 16, MEM_SIZE);
            region.set(JAVA_LONG, 24, mem.address());
            if ((int) ioctlP.invokeExact(vm, KVM_SET_USER_MEMORY_REGION, region) < 0) {
                return new Result(false, Double.NaN, false, "KVM_SET_USER_MEMORY_REGION failed");
            }
            vcpu = (int) ioctlL.invokeExact(vm, KVM_CREATE_VCPU, 0L);
            runSize = (int) ioctlL.invokeExact(kvm, KVM_GET_VCPU_MMAP_SIZE, 0L);
            if (vcpu < 0 || runSize <= 0) {
                return new Result(false, Double.NaN, false, "KVM_CREATE_VCPU failed");
            }
            run = ((MemorySegment) mmap.invokeExact(MemorySegment.NULL, runSize, 3, 0x01, vcpu, 0L)).reinterpret(runSize);
            // Identity map of the first 1 GiB with 2 MiB pages, supervisor only.
            mem.set(JAVA_LONG, 0x1000, 0x2000 | 3);
            mem.set(JAVA_LONG, 0x2000, 0x3000 | 3);
            for (int i = 0; i < 512; i++) {
                mem.set(JAVA_LONG, 0x3000 + i * 8L, ((long) i << 21) | 0x83);
            }
            mem.set(JAVA_LONG, 0x500, 0);
            mem.set(JAVA_LONG, 0x508, 0x00af9b000000ffffL); // 64-bit code, DPL 0
            mem.set(JAVA_LONG, 0x510, 0x00cf93000000ffffL); // data, DPL 0
            MemorySegment sregs = a.allocate(312, 8);
            if ((int) ioctlP.invokeExact(vcpu, KVM_GET_SREGS, sregs) < 0) {
                return new Result(false, Double.NaN, false, "KVM_GET_SREGS failed");
            }
            segment(sregs, 0, 8, 11, 1, 0, 1, 1); // cs: type 11, l=1, g=1
            for (int seg = 1; seg <= 5; seg++) { // ds es fs gs ss
                segment(sregs, seg * 24, 16, 3, 0, 1, 0, 1);
            }
            sregs.set(JAVA_LONG, 192, 0x500);            // gdt.base
            sregs.set(JAVA_SHORT, 200, (short) 23);      // gdt.limit
            sregs.set(JAVA_LONG, 224, 0x80050033L);      // cr0: PG AM WP NE ET MP PE
            sregs.set(JAVA_LONG, 240, 0x1000);           // cr3
            sregs.set(JAVA_LONG, 248, 0x20 | 0x200 | 0x400); // cr4: PAE OSFXSR OSXMMEXCPT
            sregs.set(JAVA_LONG, 264, 0x500);            // efer: LME LMA
            if ((int) ioctlP.invokeExact(vcpu, KVM_SET_SREGS, sregs) < 0) {
                return new Result(false, Double.NaN, false, "KVM_SET_SREGS failed");
            }
            MemorySegment regs = a.allocate(144, 8);
            regs.set(JAVA_LONG, 6 * 8, 0x80000);   // rsp
            regs.set(JAVA_LONG, 16 * 8, CODE_AT);  // rip
            regs.set(JAVA_LONG, 17 * 8, 0x2);      // rflags
            if ((int) ioctlP.invokeExact(vcpu, KVM_SET_REGS, regs) < 0) {
                return new Result(false, Double.NaN, false, "KVM_SET_REGS failed");
            }
            long t0 = System.nanoTime();
            while (true) {
                if ((int) ioctlL.invokeExact(vcpu, KVM_RUN, 0L) < 0) {
                    return new Result(true, Double.NaN, false, "KVM_RUN failed");
                }
                int reason = run.get(JAVA_INT, 8);
                if (reason == KVM_EXIT_IO && Short.toUnsignedInt(run.get(JAVA_SHORT, 34)) == EXIT_PORT) {
                    break;
                }
                if (reason != KVM_EXIT_IO) {
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
        } catch (Throwable t) {
            return new Result(false, Double.NaN, false, "probe failed: " + t);
        } finally {
            try {
                if (run.address() != 0) {
                    int ignored = (int) munmap.invokeExact(run, runSize);
                }
                if (mem.address() != 0) {
                    int ignored = (int) munmap.invokeExact(mem, MEM_SIZE);
                }
                for (int fd : new int[] {vcpu, vm, kvm}) {
                    if (fd >= 0) {
                        int ignored = (int) close.invokeExact(fd);
                    }
                }
            } catch (Throwable ignored) {
                // cleanup only
            }
        }
    }

    /** Fills a struct kvm_segment (24 bytes) at off. */
    private static void segment(MemorySegment s, long off, int selector, int type, int l, int db, int unused, int g) {
        s.set(JAVA_LONG, off, 0);                   // base
        s.set(JAVA_INT, off + 8, 0xffffffff);       // limit
        s.set(JAVA_SHORT, off + 12, (short) selector);
        s.set(JAVA_BYTE, off + 14, (byte) type);
        s.set(JAVA_BYTE, off + 15, (byte) 1);       // present
        s.set(JAVA_BYTE, off + 16, (byte) 0);       // dpl
        s.set(JAVA_BYTE, off + 17, (byte) db);
        s.set(JAVA_BYTE, off + 18, (byte) 1);       // s
        s.set(JAVA_BYTE, off + 19, (byte) l);
        s.set(JAVA_BYTE, off + 20, (byte) g);
        s.set(JAVA_BYTE, off + 21, (byte) 0);       // avl
        s.set(JAVA_BYTE, off + 22, (byte) 0);       // unusable
    }
}
