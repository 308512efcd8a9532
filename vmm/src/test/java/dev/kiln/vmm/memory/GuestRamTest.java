package dev.kiln.vmm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GuestRamTest {
    /**
     * The eight-at-a-time count of mincore's vector agrees with a byte-by-byte one: bit 0 only
     * (the kernel reserves the others, set here at random), every length around the 8-byte steps.
     */
    @Test
    void residentPagesCountsBitZeroOfEveryByte() {
        Random random = new Random(11);
        try (Arena a = Arena.ofConfined()) {
            for (int pages = 0; pages <= 67; pages++) {
                MemorySegment vec = a.allocate(pages + 1); // one byte past the end, set, must not count
                long expected = 0;
                for (int i = 0; i <= pages; i++) {
                    byte b = (byte) random.nextInt(256);
                    vec.set(ValueLayout.JAVA_BYTE, i, b);
                    if (i < pages) expected += b & 1;
                }
                vec.set(ValueLayout.JAVA_BYTE, pages, (byte) 1);
                assertEquals(expected, GuestRam.residentPages(vec, pages), pages + " pages");
            }
        }
    }

    /** A fresh mapping is backed by nothing, and both of mincore's readings say so. */
    @Test
    void freshMappingHasNoResidentPage() {
        GuestRam ram = GuestRam.map(259L * GuestMemory.PAGE);
        try {
            assertEquals(0, ram.residentBytes());
            for (boolean p : ram.residentPages()) assertEquals(false, p);
        } finally {
            ram.unmap();
        }
    }
}
