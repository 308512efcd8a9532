package dev.kiln.vmm.x86;

import dev.kiln.vmm.GuestLayout;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The descriptor encodings and the layout facts the x86 setup relies on. */
class X86SetupTest {
    @Test
    void theTssDescriptorDecodesToItsBaseLimitAndType() {
        long base = 0x1234_5678_9abc_def0L, limit = 0xabcde;
        long[] d = X86Setup.tssDescriptor(base, limit);
        long lo = d[0];
        assertEquals(limit, (lo & 0xffff) | ((lo >>> 48) & 0xf) << 16);
        assertEquals(base, ((lo >>> 16) & 0xffffff) | ((lo >>> 56) & 0xff) << 24 | d[1] << 32);
        assertEquals(0xb, (lo >>> 40) & 0xf, "busy 64-bit TSS");
        assertEquals(1, (lo >>> 47) & 1, "present");
        assertEquals(0, (lo >>> 45) & 3, "DPL 0");
    }

    @Test
    void theGdtTssAndIoBitmapFitBelowTheBootInfo() {
        assertTrue(GuestLayout.GDT + X86Setup.GDT_LIMIT < GuestLayout.TSS);
        assertTrue(GuestLayout.TSS + X86Setup.TSS_LIMIT < GuestLayout.BOOT_INFO, "the 0xff terminator included");
        assertEquals(65536, X86Setup.TSS_IOMAP_BYTES * 8, "one bit per port");
    }
}
