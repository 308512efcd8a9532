package dev.kiln.vmm.memory;

import dev.kiln.vmm.VmmException;

import java.util.List;

/**
 * Builds 4-level x86-64 page tables straight into guest memory, identity-mapping the
 * {@link Region}s that {@link GuestMemory} checks the guest's pointers against, so the two
 * agree by construction (and PageTablesTest walks the tables to show it). Tables come from a
 * pool of pages the guest never sees mapped; guest memory starts zeroed, so only present
 * entries are written. Leaves are 4 KiB pages, or 2 MiB pages where a whole aligned 2 MiB
 * span has one protection (most of the heap), which keeps the number of table pages, and so
 * the memory touched at boot, small.
 */
public final class PageTables {
    static final long P = 1, RW = 2, US = 4, PS = 0x80, NX = 1L << 63;
    static final long LARGE_PAGE = 2L << 20;
    private static final long TABLE = P | RW | US; // intermediate entries: the leaf decides
    static final long ADDR_MASK = 0x000f_ffff_ffff_f000L;

    private final GuestMemory.BootWriter mem;
    private final long poolStart, poolEnd;
    private long next;
    private final long root;

    private PageTables(GuestMemory.BootWriter mem, long poolStart, long poolEnd) {
        this.mem = mem;
        this.poolStart = poolStart;
        this.next = poolStart;
        this.poolEnd = poolEnd;
        this.root = allocate();
    }

    /**
     * Maps every region with its access, taking table pages from [poolStart, poolEnd);
     * returns the root (CR3).
     */
    public static long build(GuestMemory memory, List<Region> regions, long poolStart, long poolEnd) {
        PageTables pt = new PageTables(memory.boot(), poolStart, poolEnd);
        for (Region r : regions) pt.map(r.start(), r.end(), flags(r.access()));
        return pt.root;
    }

    /** Leaf flags: user pages for the guest's regions, supervisor read-only for what only the CPU reads. */
    static long flags(Access access) {
        return switch (access) {
            case SUPERVISOR_READ -> P | NX;
            case TEXT -> P | US;
            case RODATA, CONTROL -> P | US | NX;
            case DATA -> P | US | RW | NX;
        };
    }

    private long allocate() {
        if (next >= poolEnd) throw new VmmException("page-table pool exhausted: the image has too many"
                + " separately protected regions");
        long page = next;
        next += GuestMemory.PAGE;
        return page;
    }

    /** The table the entry at {@code entryAddr} points to, creating it if absent. */
    private long table(long entryAddr) {
        long e = mem.getLong(entryAddr);
        if ((e & P) != 0) {
            if ((e & PS) != 0) throw new IllegalStateException("remapping inside a 2 MiB page");
            return e & ADDR_MASK;
        }
        long t = allocate();
        mem.putLong(entryAddr, t | TABLE);
        return t;
    }

    private long pdEntry(long va) {
        long pdpt = table(root + ((va >>> 39) & 511) * 8);
        long pd = table(pdpt + ((va >>> 30) & 511) * 8);
        return pd + ((va >>> 21) & 511) * 8;
    }

    /** Maps [start, end) (page-aligned) identity with {@code flags}; 2 MiB pages where possible. */
    private void map(long start, long end, long flags) {
        long va = start;
        while (va < end) {
            long pde = pdEntry(va);
            if ((va & (LARGE_PAGE - 1)) == 0 && end - va >= LARGE_PAGE && mem.getLong(pde) == 0) {
                mem.putLong(pde, va | flags | PS);
                va += LARGE_PAGE;
                continue;
            }
            long pt = table(pde);
            long spanEnd = Math.min(end, (va | (LARGE_PAGE - 1)) + 1);
            for (; va < spanEnd; va += GuestMemory.PAGE) {
                mem.putLong(pt + ((va >>> 12) & 511) * 8, va | flags);
            }
        }
    }

    /** Page-table pages used. */
    long pagesUsed() {
        return (next - poolStart) / GuestMemory.PAGE;
    }
}
