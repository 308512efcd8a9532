package dev.kiln.vmm.memory;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.GuestLayout;
import dev.kiln.vmm.MappedGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GuestMemory's checks with hostile addresses and lengths, on the real layout of
 * guest/tests/hello in 16 MiB (no KVM needed: the memory is an ordinary mapping).
 */
class GuestMemoryTest {
    private static MappedGuest g;
    private static GuestMemory m;

    @BeforeAll
    static void map() {
        g = new MappedGuest();
        m = g.memory;
    }

    @AfterAll
    static void unmap() {
        g.close();
    }

    /** Addresses and lengths no check may accept, read or write: overflow, negatives, outside, unmapped. */
    @ParameterizedTest(name = "0x{0} +{1}")
    @CsvSource({
            // overflowing addr + len, negative lengths and addresses
            "7ffffffffffffff8, 16", "fffffffffffffff0, 32", "400000, -1", "400000, -9223372036854775808",
            "ffffffffffffffff, 1", "8000000000000000, 8",
            // page 0, GDT/TSS (supervisor only), the page-table pool up to the control page, the control page and beyond
            "0, 8", "0, 0", "ff8, 8", "1000, 8", "1080, 104", "3ff8, 8", "14000, 8", "20000, 4096", "3fe000, 4096",
            "3fe000, 4104",
            // beyond memory, straddling its end
            "1000000, 1", "fffff8, 16", "fffffffff, 8",
    })
    void hostileRangesAreRefused(String addrHex, long len) {
        long addr = Long.parseUnsignedLong(addrHex, 16);
        assertFalse(m.guestReadable(addr, len));
        assertFalse(m.guestWritable(addr, len));
        GuestFault f = assertThrows(GuestFault.class, () -> m.readable(addr, len, "test: buffer"));
        assertEquals(String.format("test: buffer 0x%x (+%s bytes) is not in guest readable memory", addr,
                Long.toUnsignedString(len)), f.getMessage());
        assertThrows(GuestFault.class, () -> m.writable(addr, len, "test: buffer"));
    }

    /** The control page: the guest reads it (so the monitor may read it for the guest), only the monitor writes it. */
    @Test
    void theControlPageIsReadableOnlyForTheGuestAndWritableForTheMonitor() {
        long c = GuestLayout.CONTROL;
        assertTrue(m.guestReadable(c, GuestLayout.PAGE));
        assertFalse(m.guestWritable(c, 8));
        assertThrows(GuestFault.class, () -> m.writable(c, 8, "test: block"));
        GuestRange page = m.controlPage(c);
        page.putLong(0, 1);
        assertEquals(1, m.readable(c, 8, "test").getLong(0));
        page.putLong(0, 0);
        assertThrows(IllegalArgumentException.class, () -> m.controlPage(GuestLayout.BOOT_INFO));
        assertThrows(IllegalArgumentException.class, () -> m.controlPage(c + 8));
        assertThrows(IllegalArgumentException.class, () -> m.controlPage(g.layout.heapStart));
    }

    /**
     * A debugger may write code (an int3) and data, but not the control page: a byte there would
     * be a stop request the monitor never made. Reading it is allowed, as the guest can.
     */
    @Test
    void aDebuggerWritesCodeAndDataButNotTheControlPage() {
        long c = GuestLayout.CONTROL;
        assertEquals(0, m.debuggerRead(c, 8, "test").getLong(0));
        assertFalse(m.debuggerWritable(c, 8));
        GuestFault f = assertThrows(GuestFault.class, () -> m.debuggerWrite(c, 1, "gdb write"));
        assertEquals(String.format("gdb write 0x%x (+1 bytes) is not memory a debugger may write", c), f.getMessage());
        assertTrue(m.debuggerWritable(g.layout.heapStart, 8));
        m.debuggerWrite(g.layout.heapStart, 8, "gdb write").putLong(0, 7);
        assertEquals(7, m.readable(g.layout.heapStart, 8, "test").getLong(0));
        assertFalse(m.debuggerWritable(0x1080, 8), "the TSS");
        assertThrows(GuestFault.class, () -> m.debuggerRead(0x1080, 8, "gdb read"));
    }

    @Test
    void theBootInfoWindowIsReadableOnlyAndEndsWithItsPage() {
        long bi = GuestLayout.BOOT_INFO;
        assertTrue(m.guestReadable(bi, MappedGuest.BOOT_INFO_SIZE));
        assertTrue(m.guestReadable(bi, GuestLayout.PAGE), "the whole mapped page");
        assertFalse(m.guestReadable(bi, GuestLayout.PAGE + 1), "the next page is the pool or unmapped");
        assertFalse(m.guestReadable(bi - 8, 16), "starts in the TSS page");
        assertFalse(m.guestWritable(bi, 8));
        assertFalse(m.guestWritable(bi + 64, 8));
    }

    @Test
    void theGuardPageBelowTheStackIsNeitherReadableNorWritable() {
        long guard = g.layout.guardPage;
        assertFalse(m.guestReadable(guard, 1));
        assertFalse(m.guestWritable(guard + GuestLayout.PAGE - 8, 8));
        assertFalse(m.guestWritable(guard + GuestLayout.PAGE - 8, 16), "straddles guard page and stack");
        assertFalse(m.guestWritable(guard - 8, 16), "straddles heap and guard page");
        assertTrue(m.guestWritable(guard - 8, 8), "last heap bytes");
        assertTrue(m.guestWritable(guard + GuestLayout.PAGE, 8), "first stack bytes");
    }

    @Test
    void theStackEndsAtTheEndOfMemory() {
        long top = g.layout.stackTop;
        assertEquals(m.size(), top);
        assertTrue(m.guestWritable(top - 8, 8));
        assertFalse(m.guestWritable(top - 7, 8));
        assertFalse(m.guestReadable(top, 0), "a zero-length range must still start in mapped memory");
        assertTrue(m.guestReadable(top - 1, 0));
    }

    @Test
    void textAndRodataAreReadableNotWritableAndDataIsBoth() {
        for (GuestImage.Segment s : g.image.segments()) {
            assertTrue(m.guestReadable(s.vaddr(), s.memSize()), s.toString());
            assertEquals(s.writable(), m.guestWritable(s.vaddr(), s.memSize()), s.toString());
        }
        GuestImage.Segment text = g.image.segments().stream().filter(GuestImage.Segment::executable).findFirst().orElseThrow();
        assertThrows(GuestFault.class, () -> m.writable(text.vaddr(), 8, "x"));
        assertThrows(IllegalStateException.class, () -> m.readable(text.vaddr(), 8, "x").putLong(0, 1),
                "a range checked for reading cannot write");
    }

    @Test
    void aRangeCrossingAdjacentWritableRegionsIsAccepted() {
        // The image's last segment is data/bss here; the TLS/heap region follows it directly.
        GuestImage.Segment last = g.image.segments().getLast();
        assertTrue(last.writable(), "the test needs a writable last segment: " + last);
        long end = GuestLayout.pageUp(last.end());
        assertTrue(m.guestWritable(end - 8, 16));
    }

    @Test
    void aRangeStaysInsideItself() {
        GuestRange r = m.writable(g.layout.heapStart, 16, "x");
        r.putLong(8, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, r.getLong(8));
        assertEquals(0x55667788, r.getInt(8));
        assertThrows(IndexOutOfBoundsException.class, () -> r.getLong(9));
        assertThrows(IndexOutOfBoundsException.class, () -> r.putLong(-8, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.copyTo(8, new byte[16], 0, 16));
    }

    @Test
    void unalignedGuestAddressesWork() {
        GuestRange r = m.writable(g.layout.heapStart + 3, 8, "x");
        r.putLong(0, -2);
        assertEquals(-2, r.getLong(0));
        assertEquals(-1, m.readable(g.layout.heapStart + 7, 2, "x").getShort(0));
    }

    @Test
    void setupWritesAreBoundsCheckedAndEndWhenSealed() {
        try (MappedGuest own = new MappedGuest()) {
            GuestMemory mem = own.memory;
            GuestMemory.BootWriter boot = mem.boot();
            boot.putLong(GuestLayout.PT_POOL, 42); // the monitor's own memory: allowed before the guest runs
            assertEquals(42, boot.getLong(GuestLayout.PT_POOL));
            assertThrows(IllegalArgumentException.class, () -> boot.putLong(mem.size() - 4, 0));
            assertThrows(IllegalArgumentException.class, () -> boot.putLong(-8, 0));
            assertThrows(IllegalArgumentException.class, () -> boot.putBytes(Long.MAX_VALUE - 2, new byte[8]));
            mem.seal();
            assertThrows(IllegalStateException.class, mem::boot);
            assertThrows(IllegalStateException.class, () -> boot.putLong(GuestLayout.PT_POOL, 0),
                    "a writer taken before sealing is refused too");
        }
    }

    @Test
    void overlappingOrOutsideRegionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GuestMemory(g.ram, java.util.List.of(
                new Region(0x400000, 0x402000, Access.DATA), new Region(0x401000, 0x403000, Access.TEXT))));
        assertThrows(IllegalArgumentException.class, () -> new GuestMemory(g.ram, java.util.List.of(
                new Region(0x400000, m.size() + GuestLayout.PAGE, Access.DATA))));
        assertThrows(IllegalArgumentException.class, () -> new Region(0x400001, 0x402000, Access.DATA));
    }
}
