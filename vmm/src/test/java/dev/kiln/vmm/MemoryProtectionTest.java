package dev.kiln.vmm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** W^X and the monitor's own structures, probed from inside with guest/tests/memprobe.c. */
class MemoryProtectionTest {
    @Test
    void writingTheTextSegmentCrashes() {
        CrashReport c = VmTest.crash(Guests.boot("memprobe", "write-text"));
        assertTrue(c.symbol().startsWith("probe_write"), c.format());
        assertEquals("write to read-only memory (W^X: R-X segment)", c.hint(), c.format());
    }

    @Test
    void writingRodataCrashes() {
        CrashReport c = VmTest.crash(Guests.boot("memprobe", "write-rodata"));
        assertEquals("write to read-only memory (W^X: R-- segment)", c.hint(), c.format());
    }

    @Test
    void executingTheStackCrashes() {
        Guests.Run r = Guests.boot("memprobe", "exec-stack");
        CrashReport c = assertInstanceOf(VmExit.Crashed.class, r.exit(), r.console()).report();
        assertTrue(c.hint().startsWith("executed non-executable memory"), c.format());
        assertEquals(c.rip(), c.cr2(), c.format());
    }

    /** GDT/TSS (supervisor-only), an unmapped page-table page, the null page: unreadable from CPL 3. */
    @ParameterizedTest
    @ValueSource(strings = {"0x0", "0x1000", "0x2000", "0x14000", "0x15000", "0x100000", "0x3fe000"})
    void monitorMemoryIsUnreadable(String address) {
        Guests.Run r = Guests.boot("memprobe", "read", address);
        VmTest.crash(r);
        assertTrue(!r.console().contains("survived"), r.console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1000", "0x4000", "0x14000"})
    void monitorMemoryIsUnwritable(String address) {
        VmTest.crash(Guests.boot("memprobe", "write", address));
    }

    /** The control page (the monitor's stop request) at 0x3ff000: a hostile guest can read it, never write it. */
    @Test
    void controlPageIsReadableButNotWritable() {
        Guests.Run read = Guests.boot("memprobe", "read", "0x3ff000");
        assertTrue(read.console().contains("survived"), read.console());
        CrashReport c = VmTest.crash(Guests.boot("memprobe", "write", "0x3ff000"));
        assertTrue(c.pageFault() && c.cr2() == 0x3ff000, c.format());
        assertEquals("write to the control page (the monitor's, read-only for the guest)", c.hint(), c.format());
    }

    @Test
    void bootInfoIsReadableButNotWritable() {
        Guests.Run read = Guests.boot("memprobe", "read", "0x4000");
        assertTrue(read.console().contains("survived"), read.console());
        CrashReport c = VmTest.crash(Guests.boot("memprobe", "write", "0x4000"));
        assertTrue(c.pageFault() && c.cr2() == 0x4000, c.format());
    }
}
