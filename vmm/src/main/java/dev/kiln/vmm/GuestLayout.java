package dev.kiln.vmm;

import dev.kiln.image.GuestImage;

/**
 * Where everything goes in one VM's guest-physical memory (identity-mapped, so the same
 * numbers are guest-virtual addresses):
 *
 * <pre>
 *   0x0000_0000  page 0: never mapped (null dereferences fault)
 *   0x0000_1000  GDT, TSS and its I/O permission bitmap: mapped supervisor-only, read-only
 *                (the CPU reads the bitmap on every IN/OUT; CPL 3 cannot touch these pages)
 *   0x0000_4000  boot info, argv, envp, strings: mapped read-only, NX (at most 64 KiB)
 *   0x0001_4000  page-table pool: not mapped (the guest can neither read nor write its tables)
 *   0x0040_0000  IMAGE_MIN: the image's PT_LOAD segments (guest/kiln.ld links here)
 *   image end    TLS block and TCB (FS base; stack canary at %fs:0x28), RW NX
 *   heap_start   heap, RW NX, up to heap_end
 *   heap_end     the net device's region when the VM has one (abi.h KILN_NET_REGION_SIZE), RW NX
 *   net end      stack guard page: not mapped
 *                stack (256 KiB), RW NX, up to stack_top = mem_size
 * </pre>
 */
final class GuestLayout {
    static final long PAGE = 4096, LARGE_PAGE = 2L << 20;
    static final long GDT = 0x1000, TSS = 0x1080;
    /**
     * The TSS's I/O permission bitmap follows it and allows every port (all zero bits) plus
     * the terminating 0xff byte. Measured on this project's nested KVM: the guest's RFLAGS.IOPL
     * is not honoured (KVM_GET_REGS reads it back as 0), so with a TSS that has no bitmap
     * every OUT faults; with this bitmap every IN/OUT exits to the monitor, which decides.
     */
    static final long TSS_IOMAP_OFFSET = 0x68, TSS_IOMAP_BYTES = 0x10000 / 8;
    static final long TSS_LIMIT = TSS_IOMAP_OFFSET + TSS_IOMAP_BYTES; // includes the 0xff terminator
    static final int GDT_LIMIT = 5 * 8 - 1; // null, code, data, 16-byte TSS descriptor
    static final int SEL_CODE = 0x08, SEL_DATA = 0x10, SEL_TSS = 0x18;
    static final long BOOT_INFO = 0x4000, BOOT_INFO_MAX = 0x10000;
    static final long PT_POOL = BOOT_INFO + BOOT_INFO_MAX;
    static final long IMAGE_MIN = GuestImage.LOAD_MIN;
    static final long MAX_MEMORY = GuestImage.LOAD_LIMIT;
    static final long MIN_MEMORY = 8L << 20;
    static final long STACK_SIZE = 256L << 10;
    /** Bytes reserved for the TCB at the FS base (self pointer at 0, canary at 0x28). */
    static final long TCB_SIZE = 0x100;

    final long memSize;
    final long tlsBlock;   // start of the TLS block (PT_TLS image then zeroes)
    final long threadPointer; // FS base = TCB address
    final long heapStart, heapEnd;
    /** The net region [netBase, guardPage), or netBase = 0 when the VM has no net device. */
    final long netBase;
    final long guardPage, stackBottom, stackTop;
    /** Ranges the guest may write and so the monitor may write for it: {start, end} pairs. */
    final long[] writable;

    GuestLayout(GuestImage image, long memSize) {
        this(image, memSize, false);
    }

    GuestLayout(GuestImage image, long memSize, boolean net) {
        if (memSize % PAGE != 0) throw new VmmException("guest memory must be a multiple of 4 KiB, got " + memSize);
        if (memSize > MAX_MEMORY) throw new VmmException("guest memory of " + (memSize >> 20) + " MiB is above the 4 GiB limit"
                + " (hypercall blocks are addressed with 32 bits)");
        if (memSize < MIN_MEMORY) throw new VmmException("guest memory of " + memSize + " bytes is below the "
                + (MIN_MEMORY >> 20) + " MiB minimum");
        this.memSize = memSize;
        long imageEnd = pageUp(image.imageEnd());
        long tp;
        var tls = image.tls();
        if (tls.isPresent()) {
            long align = Math.max(tls.get().align(), 16);
            long tlsSize = GuestImage.roundUp(tls.get().memSize(), align);
            tp = GuestImage.roundUp(imageEnd + tlsSize, Math.max(align, 64));
            tlsBlock = tp - tlsSize;
        } else {
            tp = imageEnd;
            tlsBlock = imageEnd;
        }
        threadPointer = tp;
        heapStart = pageUp(tp + TCB_SIZE);
        stackTop = memSize;
        stackBottom = memSize - STACK_SIZE;
        guardPage = stackBottom - PAGE;
        long netSize = net ? dev.kiln.vmm.abi.Abi.NET_REGION_SIZE : 0;
        heapEnd = guardPage - netSize;
        netBase = net ? heapEnd : 0;
        if (heapEnd < heapStart) {
            long need = heapStart + PAGE + STACK_SIZE + netSize;
            throw new VmmException("guest memory of " + (memSize >> 20) + " MiB is too small for image " + image.name()
                    + ": it needs at least " + ((need + (1 << 20) - 1) >> 20) + " MiB");
        }
        long[] w = new long[2 * (image.segments().size() + 2)];
        int n = 0;
        for (GuestImage.Segment s : image.segments()) {
            if (!s.writable()) continue;
            w[n++] = pageDown(s.vaddr());
            w[n++] = pageUp(s.end());
        }
        w[n++] = imageEnd;
        w[n++] = guardPage; // heap and net region
        w[n++] = stackBottom;
        w[n++] = stackTop;
        writable = java.util.Arrays.copyOf(w, n);
    }

    /** True if [addr, addr+len) lies wholly inside guest memory; overflow-safe for any inputs. */
    boolean inMemory(long addr, long len) {
        return addr >= 0 && len >= 0 && len <= memSize && addr <= memSize - len;
    }

    /** May the guest have the monitor read [addr, addr+len)? Image, heap, stack, or the boot info. */
    boolean guestReadable(long addr, long len, long bootInfoEnd) {
        if (!inMemory(addr, len)) return false;
        return addr >= IMAGE_MIN || (addr >= BOOT_INFO && addr + len <= bootInfoEnd);
    }

    /** May the monitor write [addr, addr+len) for the guest? Only memory the guest itself may write. */
    boolean guestWritable(long addr, long len) {
        if (!inMemory(addr, len)) return false;
        for (int i = 0; i < writable.length; i += 2) {
            if (addr >= writable[i] && addr + len <= writable[i + 1]) return true;
        }
        return false;
    }

    static long pageUp(long a) {
        return (a + PAGE - 1) & -PAGE;
    }

    static long pageDown(long a) {
        return a & -PAGE;
    }
}
