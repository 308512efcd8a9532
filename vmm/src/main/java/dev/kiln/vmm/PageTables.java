package dev.kiln.vmm;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Builds 4-level x86-64 page tables straight into guest memory. Tables come from a pool of
 * pages the guest never sees mapped; guest memory starts zeroed, so only present entries
 * are written. Leaves are 4 KiB pages, or 2 MiB pages where a whole aligned 2 MiB span has
 * one protection (most of the heap), which keeps the number of table pages, and so the
 * memory touched at boot, small.
 */
final class PageTables {
    static final long P = 1, RW = 2, US = 4, PS = 0x80, NX = 1L << 63;
    /** Leaf flags for the three kinds of guest memory. */
    static final long TEXT = P | US, RODATA = P | US | NX, DATA = P | US | RW | NX;
    /** Monitor structures the CPU itself must reach (GDT, TSS): no user access, no writes. */
    static final long SUPERVISOR_RO = P | NX;
    private static final long TABLE = P | RW | US; // intermediate entries: the leaf decides
    private static final long ADDR_MASK = 0x000f_ffff_ffff_f000L;

    private final MemorySegment mem;
    private final long poolEnd;
    private long next;
    final long root;

    PageTables(MemorySegment mem, long poolStart, long poolEnd) {
        this.mem = mem;
        this.next = poolStart;
        this.poolEnd = poolEnd;
        this.root = allocate();
    }

    private long allocate() {
        if (next >= poolEnd) throw new VmmException("page-table pool exhausted: the image has too many"
                + " separately protected regions");
        long page = next;
        next += GuestLayout.PAGE;
        return page;
    }

    /** The table the entry at {@code entryAddr} points to, creating it if absent. */
    private long table(long entryAddr) {
        long e = mem.get(JAVA_LONG, entryAddr);
        if ((e & P) != 0) {
            if ((e & PS) != 0) throw new IllegalStateException("remapping inside a 2 MiB page");
            return e & ADDR_MASK;
        }
        long t = allocate();
        mem.set(JAVA_LONG, entryAddr, t | TABLE);
        return t;
    }

    private long pdEntry(long va) {
        long pdpt = table(root + ((va >>> 39) & 511) * 8);
        long pd = table(pdpt + ((va >>> 30) & 511) * 8);
        return pd + ((va >>> 21) & 511) * 8;
    }

    /** Maps [start, end) (page-aligned) identity with {@code flags}; 2 MiB pages where possible. */
    void map(long start, long end, long flags) {
        long va = start;
        while (va < end) {
            long pde = pdEntry(va);
            if ((va & (GuestLayout.LARGE_PAGE - 1)) == 0 && end - va >= GuestLayout.LARGE_PAGE
                    && mem.get(JAVA_LONG, pde) == 0) {
                mem.set(JAVA_LONG, pde, va | flags | PS);
                va += GuestLayout.LARGE_PAGE;
                continue;
            }
            long pt = table(pde);
            long spanEnd = Math.min(end, (va | (GuestLayout.LARGE_PAGE - 1)) + 1);
            for (; va < spanEnd; va += GuestLayout.PAGE) {
                mem.set(JAVA_LONG, pt + ((va >>> 12) & 511) * 8, va | flags);
            }
        }
    }

    /** Page-table pages used. */
    long pagesUsed(long poolStart) {
        return (next - poolStart) / GuestLayout.PAGE;
    }
}
