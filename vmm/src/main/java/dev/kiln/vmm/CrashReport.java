package dev.kiln.vmm;

import dev.kiln.linux.kvm.KvmApi;

import java.util.List;
import java.util.Map;

/**
 * The state of a guest that faulted. The guest has no IDT, so any fault becomes a triple
 * fault (KVM_EXIT_SHUTDOWN) with the registers as they were at the faulting instruction
 * (verified on this project's nested AMD KVM: RIP points at the faulting instruction and
 * CR2 holds the page-fault address).
 *
 * @param image the image's name
 * @param rip the faulting instruction
 * @param symbol "function+0xoffset" from the image's symbol table, or null if unknown
 * @param pageFault whether a page fault happened (then {@code cr2} is its address)
 * @param cr2 the page-fault address, meaningful only if {@code pageFault}
 * @param registers rax..r15, rip, rflags in kvm_regs order
 * @param hint what probably happened ("stack overflow (CR2 in the stack guard page)", ...)
 */
public record CrashReport(String image, long rip, String symbol, boolean pageFault, long cr2,
                          Map<String, Long> registers, String hint) {
    public CrashReport {
        registers = Map.copyOf(registers);
    }

    public long register(String name) {
        Long v = registers.get(name);
        if (v == null) throw new IllegalArgumentException("no register " + name);
        return v;
    }

    /** "null pointer dereference (CR2 < 4096) at 0x401234 <read_through_null+0x4>". */
    public String summary() {
        return hint + " at " + location();
    }

    private String location() {
        return hex(rip) + (symbol == null ? "" : " <" + symbol + ">");
    }

    /** A multi-line report for people. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("guest ").append(image).append(" crashed: ").append(hint).append('\n');
        sb.append("  at ").append(location()).append('\n');
        sb.append("  cr2 ").append(pageFault ? hex(cr2) + " (page-fault address)" : "(no page fault)").append('\n');
        List<String> names = KvmApi.REG_NAMES;
        for (int i = 0; i < 16; i++) {
            sb.append("  ").append(String.format("%-3s %016x", names.get(i), register(names.get(i))));
            if (i % 4 == 3) sb.append('\n');
        }
        sb.append(String.format("  rip %016x  rflags %016x%n", rip, register("rflags")));
        return sb.toString();
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
