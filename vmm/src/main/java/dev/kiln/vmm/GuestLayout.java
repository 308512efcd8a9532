package dev.kiln.vmm;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.Access;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.memory.Region;

import java.util.ArrayList;
import java.util.List;

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
 *   0x003f_f000  the control page: mapped read-only, NX; the monitor writes it while the guest runs
 *   0x0040_0000  IMAGE_MIN: the image's PT_LOAD segments (guest/kiln.ld links here)
 *   image end    TLS block and TCB (FS base; stack canary at %fs:0x28), RW NX
 *   heap_start   heap, RW NX, up to heap_end
 *   heap_end     the stats page (abi.h KILN_STATS_SIZE), RW NX: the guest's runtime writes it
 *   stats end    the net device's region when the VM has one (abi.h KILN_NET_REGION_SIZE), RW NX
 *   net end      stack guard page: not mapped
 *                stack ({@link #stackSize}: 8 MiB + 256 KiB from 64 MiB of memory), RW NX, up to
 *                stack_top = mem_size
 * </pre>
 *
 * <p>{@link #regions} turns this map into the list of mapped regions with their access, from
 * which both the page tables and {@link GuestMemory}'s checks of the guest's pointers are
 * made. {@link #IMAGE_MIN} and {@link #MAX_MEMORY} are also the image format's limits (the
 * loader refuses images outside them).
 */
public final class GuestLayout {
    public static final long PAGE = GuestMemory.PAGE;
    /** The GDT and the TSS (x86 setup fills them in; see dev.kiln.vmm.x86.X86Setup). */
    public static final long GDT = 0x1000, TSS = 0x1080;
    public static final long BOOT_INFO = 0x4000, BOOT_INFO_MAX = 0x10000;
    public static final long PT_POOL = BOOT_INFO + BOOT_INFO_MAX;
    /** The control page (abi.h struct kiln_control): the last page below the image; the pool ends here. */
    public static final long CONTROL = GuestImage.LOAD_MIN - GuestMemory.PAGE;
    /** The lowest address an image may be linked at; everything below is the monitor's. */
    public static final long IMAGE_MIN = GuestImage.LOAD_MIN;
    public static final long MAX_MEMORY = GuestImage.LOAD_LIMIT;
    public static final long MIN_MEMORY = 8L << 20;
    /** The stack of the smallest VMs, and the part of a large one's beyond Java's 8 MiB. */
    public static final long MIN_STACK_SIZE = 256L << 10;
    /**
     * Java's main thread has 8 MiB of stack on HotSpot (x86-64 Linux), the image's other threads
     * take theirs from the same native stack (TeaVM's green threads), and TeaVM's and Kiln's
     * runtime need their reserve below (guest/include/kiln/stackguard.h): 8 MiB + 256 KiB.
     */
    public static final long FULL_STACK_SIZE = (8L << 20) + MIN_STACK_SIZE;
    /** The memory from which a VM gets the full stack; below it, an eighth of the memory. */
    public static final long FULL_STACK_MEMORY = 64L << 20;
    /** Bytes reserved for the TCB at the FS base (self pointer at 0, canary at 0x28). */
    public static final long TCB_SIZE = 0x100;

    private final GuestImage image;
    public final long memSize;
    /** Start of the TLS block (the PT_TLS image, then zeroes). */
    public final long tlsBlock;
    /** The FS base: the TCB's address. */
    public final long threadPointer;
    public final long heapStart, heapEnd;
    /** The stats page [statsBase, statsBase + KILN_STATS_SIZE), right after the heap. */
    public final long statsBase;
    /** The net region [netBase, guardPage), or netBase = 0 when the VM has no net device. */
    public final long netBase;
    public final long guardPage, stackBottom, stackTop;

    public GuestLayout(GuestImage image, long memSize) {
        this(image, memSize, false);
    }

    public GuestLayout(GuestImage image, long memSize, boolean net) {
        if (memSize % PAGE != 0) throw new VmmException("guest memory must be a multiple of 4 KiB, got " + memSize);
        if (memSize > MAX_MEMORY) throw new VmmException("guest memory of " + (memSize >> 20) + " MiB is above the 4 GiB limit"
                + " (hypercall blocks are addressed with 32 bits)");
        if (memSize < MIN_MEMORY) throw new VmmException("guest memory of " + memSize + " bytes is below the "
                + (MIN_MEMORY >> 20) + " MiB minimum");
        this.image = image;
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
        stackBottom = memSize - stackSize(memSize);
        guardPage = stackBottom - PAGE;
        long netSize = net ? Abi.NET_REGION_SIZE : 0;
        heapEnd = guardPage - netSize - Abi.STATS_SIZE;
        statsBase = heapEnd;
        netBase = net ? statsBase + Abi.STATS_SIZE : 0;
        if (heapEnd < heapStart) {
            long need = heapStart + PAGE + stackSize(memSize) + netSize + Abi.STATS_SIZE;
            throw new VmmException("guest memory of " + (memSize >> 20) + " MiB is too small for image " + image.name()
                    + ": it needs at least " + ((need + (1 << 20) - 1) >> 20) + " MiB");
        }
    }

    /**
     * Every mapped region and what the guest may do there, for a boot info of
     * {@code bootInfoSize} bytes: GDT and TSS (supervisor read-only: the CPU reads the TSS's I/O
     * bitmap on every IN/OUT), the boot-info pages (read-only), the control page (read-only for
     * the guest, written by the monitor), the image segments (W^X), TLS, heap, stats page and net
     * region, the stack. Nothing else is mapped: page 0, the page-table pool, the gaps between
     * segments and the guard page fault when touched.
     */
    public List<Region> regions(long bootInfoSize) {
        if (bootInfoSize <= 0 || bootInfoSize > BOOT_INFO_MAX) {
            throw new IllegalArgumentException("boot info of " + bootInfoSize + " bytes");
        }
        List<Region> r = new ArrayList<>();
        r.add(new Region(GDT, BOOT_INFO, Access.SUPERVISOR_READ));
        r.add(new Region(BOOT_INFO, pageUp(BOOT_INFO + bootInfoSize), Access.RODATA));
        r.add(new Region(CONTROL, CONTROL + Abi.CONTROL_SIZE, Access.CONTROL));
        for (GuestImage.Segment s : image.segments()) {
            Access a = s.writable() ? Access.DATA : s.executable() ? Access.TEXT : Access.RODATA;
            r.add(new Region(pageDown(s.vaddr()), pageUp(s.end()), a));
        }
        r.add(new Region(pageUp(image.imageEnd()), guardPage, Access.DATA)); // TLS, TCB, heap, stats page, net region
        r.add(new Region(stackBottom, stackTop, Access.DATA));             // the guard page below stays unmapped
        return r;
    }

    /**
     * The stack of a VM of {@code memSize} bytes: {@link #FULL_STACK_SIZE} from 64 MiB (untouched
     * stack pages cost the host nothing, but they are guest memory the heap does not get), an
     * eighth of the memory below, never less than {@link #MIN_STACK_SIZE}.
     */
    public static long stackSize(long memSize) {
        if (memSize >= FULL_STACK_MEMORY) {
            return FULL_STACK_SIZE;
        }
        return Math.max(MIN_STACK_SIZE, pageDown(memSize / 8));
    }

    public static long pageUp(long a) {
        return (a + PAGE - 1) & -PAGE;
    }

    public static long pageDown(long a) {
        return a & -PAGE;
    }
}
