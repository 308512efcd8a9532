package dev.kiln.vmm.crash;

import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.CrashReport;
import dev.kiln.image.GuestImage;
import dev.kiln.vmm.GuestLayout;
import dev.kiln.vmm.MappedGuest;
import dev.kiln.vmm.x86.X86Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crash hints from registers alone, on guest/tests/nullderef's real layout and symbols (no KVM). */
class CrashAnalyzerTest {
    private static final long CR0 = X86Setup.CR0_PG | 1;
    private static MappedGuest g;
    private static CrashAnalyzer analyzer;
    private static GuestImage.Segment text, data;

    @BeforeAll
    static void map() {
        g = new MappedGuest("nullderef", 16L << 20, false);
        analyzer = new CrashAnalyzer(g.image, g.layout, g.memory);
        text = g.image.segments().stream().filter(GuestImage.Segment::executable).findFirst().orElseThrow();
        data = g.image.segments().stream().filter(GuestImage.Segment::writable).findFirst().orElseThrow();
    }

    @AfterAll
    static void unmap() {
        g.close();
    }

    private static String hint(long rip, long cr2) {
        return analyzer.hint(rip, cr2 != X86Setup.CR2_NONE, cr2);
    }

    @Test
    void pageFaultsAreNamedByWhereCr2Falls() {
        long rip = g.image.entry();
        assertEquals("null pointer dereference (CR2 < 4096)", hint(rip, 8));
        assertEquals("stack overflow (CR2 in the stack guard page)", hint(rip, g.layout.guardPage + 100));
        long inText = text.vaddr() + 16 == rip ? text.vaddr() + 24 : text.vaddr() + 16;
        assertEquals("write to read-only memory (W^X: R-X segment)", hint(rip, inText));
        assertEquals("executed non-executable memory (W^X: CR2 = RIP)", hint(data.vaddr(), data.vaddr()));
        long heap = g.layout.heapStart;
        assertEquals("executed non-executable memory (W^X: CR2 = RIP, data/heap/stack are NX)", hint(heap, heap));
        assertEquals("access beyond guest memory (CR2 >= mem_size)", hint(rip, g.layout.memSize));
        assertEquals("access beyond guest memory (CR2 >= mem_size)", hint(rip, 0xffff_8000_0000_0000L));
        assertEquals("access to the monitor's reserved memory below 0x400000", hint(rip, GuestLayout.PT_POOL));
        assertEquals("page fault", hint(rip, heap + 64));
    }

    @Test
    void withoutAPageFaultTheInstructionAtRipDecides() {
        long rip = text.vaddr() + 32;
        assertTrue(hint(rip, X86Setup.CR2_NONE).startsWith("fault without a page fault"));
        g.memory.boot().putBytes(rip, new byte[] {0x0f, 0x0b});
        assertEquals("invalid opcode (ud2 at RIP)", hint(rip, X86Setup.CR2_NONE));
        assertTrue(hint(0xdead_beef_0000L, X86Setup.CR2_NONE).startsWith("fault without a page fault"),
                "a RIP outside guest memory is not read");
    }

    @Test
    void theReportNamesTheFunctionAndKeepsTheRegisters() {
        GuestImage.Symbol f = g.image.symbols().stream().filter(s -> s.name().equals("read_through_null"))
                .findFirst().orElseThrow();
        long[] regs = new long[KvmApi.REG_NAMES.size()];
        for (int i = 0; i < regs.length; i++) regs[i] = 0x1000 + i;
        assertTrue(f.size() > 1, f.toString());
        regs[KvmApi.REG_NAMES.indexOf("rip")] = f.address() + 1;
        CrashReport r = analyzer.analyze(regs, CR0, 0);
        assertEquals("read_through_null+0x1", r.symbol());
        assertTrue(r.pageFault());
        assertEquals("null pointer dereference (CR2 < 4096)", r.hint());
        assertEquals(0x1003, r.register("rdx"));
        assertEquals(f.address() + 1, r.rip());
        assertTrue(r.format().startsWith("guest nullderef crashed: null pointer dereference"), r.format());
    }

    @Test
    void aHostThatResetTheVcpuIsSaidSo() {
        long[] regs = new long[KvmApi.REG_NAMES.size()];
        CrashReport r = analyzer.analyze(regs, 0x10, 0);
        assertFalse(r.pageFault());
        assertEquals("triple fault; the host reset the vCPU, so the registers are lost", r.hint());
        assertNull(r.symbol());
        assertEquals("0x1234", analyzer.describe(0x1234));
    }
}
