package dev.kiln.vmm.memory;

import dev.kiln.vmm.GuestLayout;
import dev.kiln.vmm.MappedGuest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page tables and GuestMemory's checks come from the same regions; this walks the tables
 * the way the CPU does, for every page of memory, and checks that the monitor would read or
 * write for the guest exactly what the guest could read or write itself.
 */
class PageTablesTest {
    @Test
    void everyPageIsMappedAsGuestMemoryChecksIt() {
        for (boolean net : new boolean[] {false, true}) {
            try (MappedGuest g = new MappedGuest("netecho", 32L << 20, net)) {
                GuestMemory m = g.memory;
                long root = PageTables.build(m, g.regions, GuestLayout.PT_POOL, GuestLayout.CONTROL);
                GuestMemory.BootWriter tables = m.boot();
                int user = 0, supervisor = 0;
                for (long page = 0; page < m.size(); page += GuestLayout.PAGE) {
                    long pte = walk(tables, root, page);
                    boolean present = (pte & PageTables.P) != 0;
                    boolean us = present && (pte & PageTables.US) != 0;
                    boolean rw = present && (pte & PageTables.RW) != 0;
                    boolean nx = (pte & PageTables.NX) != 0;
                    String where = String.format("page 0x%x (pte 0x%x, net %b)", page, pte, net);
                    assertEquals(us, m.guestReadable(page, GuestLayout.PAGE), where);
                    assertEquals(us && rw, m.guestWritable(page, GuestLayout.PAGE), where);
                    if (present) assertEquals(page, pte & PageTables.ADDR_MASK & -GuestLayout.PAGE, "identity map: " + where);
                    if (rw) assertTrue(nx, "W^X: " + where);
                    if (present && !us) supervisor++;
                    if (us) user++;
                }
                assertEquals(3, supervisor, "GDT and TSS pages: supervisor only");
                assertTrue(user > 1000, "user pages: " + user);
                assertEquals(0, walk(tables, root, g.layout.guardPage) & PageTables.P, "guard page");
            }
        }
    }

    /** The leaf entry for va (a 2 MiB leaf is returned as is, with its offset inside added to the address). */
    private static long walk(GuestMemory.BootWriter mem, long root, long va) {
        long table = root;
        for (int shift = 39; shift >= 12; shift -= 9) {
            long e = mem.getLong((table & PageTables.ADDR_MASK) + ((va >>> shift) & 511) * 8);
            if ((e & PageTables.P) == 0) return 0;
            if (shift == 21 && (e & PageTables.PS) != 0) return e + (va & (PageTables.LARGE_PAGE - 1));
            if (shift == 12) return e;
            assertEquals(PageTables.P | PageTables.RW | PageTables.US, e & 0xfff & ~0x60L,
                    "intermediate entries allow everything: the leaf decides");
            table = e;
        }
        throw new AssertionError("unreachable");
    }
}
