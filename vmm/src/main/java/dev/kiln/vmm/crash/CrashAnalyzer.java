package dev.kiln.vmm.crash;

import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.CrashReport;
import dev.kiln.image.GuestImage;
import dev.kiln.vmm.GuestLayout;
import dev.kiln.vmm.memory.GuestMemory;
import dev.kiln.vmm.x86.X86Setup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the registers of a guest that faulted into a {@link CrashReport}: the faulting RIP
 * with its symbol, CR2 when a page fault happened, and a hint at what probably happened,
 * read from where CR2 and RIP fall in the VM's memory map (the guard page, page 0, a
 * read-only segment, memory beyond the guest's, the monitor's low memory) or from the
 * instruction at RIP.
 *
 * <p>The guest has no IDT, so any fault becomes a triple fault (KVM_EXIT_SHUTDOWN) with the
 * registers as they were at the faulting instruction; CR2 was set to {@link X86Setup#CR2_NONE}
 * at entry, so a CR2 still holding it means no page fault happened.
 */
public final class CrashAnalyzer {
    private final GuestImage image;
    private final GuestLayout layout;
    private final GuestMemory memory;

    public CrashAnalyzer(GuestImage image, GuestLayout layout, GuestMemory memory) {
        this.image = image;
        this.layout = layout;
        this.memory = memory;
    }

    /**
     * The report for registers in kvm_regs order ({@link KvmApi#REG_NAMES}) and the control
     * registers CR0 and CR2 as KVM_GET_SREGS read them after the shutdown.
     */
    public CrashReport analyze(long[] regs, long cr0, long cr2) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (int i = 0; i < KvmApi.REG_NAMES.size(); i++) named.put(KvmApi.REG_NAMES.get(i), regs[i]);
        long rip = named.get("rip");
        boolean pageFault = cr2 != X86Setup.CR2_NONE;
        String hint;
        if ((cr0 & X86Setup.CR0_PG) == 0) {
            // Some hosts (AMD without state preservation) reset the vCPU on a triple fault.
            hint = "triple fault; the host reset the vCPU, so the registers are lost";
            pageFault = false;
        } else {
            hint = hint(rip, pageFault, cr2);
        }
        String symbol = image.symbolize(rip).map(Object::toString).orElse(null);
        return new CrashReport(image.name(), rip, symbol, pageFault, cr2, named, hint);
    }

    /** What probably happened at {@code rip}, given whether a page fault at {@code cr2} did. */
    public String hint(long rip, boolean pageFault, long cr2) {
        if (!pageFault) {
            if (memory.guestReadable(rip, 2)) {
                var code = memory.readable(rip, 2, "RIP");
                if (code.getByte(0) == 0x0f && code.getByte(1) == 0x0b) return "invalid opcode (ud2 at RIP)";
            }
            return "fault without a page fault (general protection, invalid opcode, division by zero, ...)";
        }
        if (cr2 >= layout.guardPage && cr2 < layout.guardPage + GuestLayout.PAGE) {
            return "stack overflow (CR2 in the stack guard page)";
        }
        if (cr2 >= 0 && cr2 < GuestLayout.PAGE) return "null pointer dereference (CR2 < 4096)";
        for (GuestImage.Segment seg : image.segments()) {
            if (cr2 >= GuestLayout.pageDown(seg.vaddr()) && cr2 < GuestLayout.pageUp(seg.end())) {
                if (cr2 == rip && !seg.executable()) return "executed non-executable memory (W^X: CR2 = RIP)";
                if (!seg.writable()) return "write to read-only memory (W^X: " + seg.permissions() + " segment)";
            }
        }
        if (cr2 == rip) return "executed non-executable memory (W^X: CR2 = RIP, data/heap/stack are NX)";
        if (cr2 < 0 || cr2 >= layout.memSize) return "access beyond guest memory (CR2 >= mem_size)";
        if (cr2 < GuestLayout.IMAGE_MIN) return "access to the monitor's reserved memory below 0x400000";
        return "page fault";
    }

    /** "0x401234 <main+0x4>" for exit reasons that name where the guest was. */
    public String describe(long rip) {
        return "0x" + Long.toHexString(rip) + image.symbolize(rip).map(x -> " <" + x + ">").orElse("");
    }
}
