package dev.kiln.vmm.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a classic BPF program as seccomp runs it, with named forward labels instead of
 * counted jump offsets. Only the handful of instructions Kiln's filters need: load a 32-bit
 * word of {@code struct seccomp_data}, AND with a constant, compare with a constant, return.
 *
 * <p>A conditional jump in classic BPF reaches at most 255 instructions forward and never
 * back; {@link #assemble} fails loudly if a label is out of reach or never bound, so a filter
 * that outgrows the simple straight-line shape is a build-time error, not a wrong program.
 */
final class BpfAssembler {
    // Opcodes from <linux/bpf_common.h>: class | size | mode, or class | op | source.
    static final int LD_W_ABS = 0x20;   // BPF_LD | BPF_W | BPF_ABS: A = the u32 at offset k
    static final int ALU_AND_K = 0x54;  // BPF_ALU | BPF_AND | BPF_K: A &= k
    static final int JEQ_K = 0x15;      // BPF_JMP | BPF_JEQ | BPF_K: jump jt if A == k, else jf
    static final int JGE_K = 0x35;      // BPF_JMP | BPF_JGE | BPF_K: unsigned A >= k
    static final int RET_K = 0x06;      // BPF_RET | BPF_K: the filter's verdict is k
    /** BPF_MAXINSNS: the kernel refuses longer programs. */
    static final int MAX_INSTRUCTIONS = 4096;

    private record Insn(int code, String jt, String jf, int k) {}

    private final List<Insn> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private int nextLabel;

    /** A label name not used before. */
    String newLabel() {
        return "L" + nextLabel++;
    }

    /** Binds label to the next instruction written. */
    void bind(String label) {
        if (labels.putIfAbsent(label, insns.size()) != null) throw new IllegalStateException("label bound twice: " + label);
    }

    void load(int offset) {
        insns.add(new Insn(LD_W_ABS, null, null, offset));
    }

    void and(int mask) {
        insns.add(new Insn(ALU_AND_K, null, null, mask));
    }

    /** Goes to ifTrue when A == k, else to ifFalse; null means the next instruction. */
    void jumpIfEqual(int k, String ifTrue, String ifFalse) {
        insns.add(new Insn(JEQ_K, ifTrue, ifFalse, k));
    }

    /** Goes to ifTrue when A >= k (unsigned), else to ifFalse; null means the next instruction. */
    void jumpIfAtLeast(int k, String ifTrue, String ifFalse) {
        insns.add(new Insn(JGE_K, ifTrue, ifFalse, k));
    }

    void ret(int action) {
        insns.add(new Insn(RET_K, null, null, action));
    }

    /**
     * The program as struct sock_filter values, each packed little-endian into a long the way
     * it lies in memory: code (16 bits), jt (8), jf (8), k (32).
     */
    long[] assemble() {
        if (insns.size() > MAX_INSTRUCTIONS) {
            throw new IllegalStateException("filter has " + insns.size() + " instructions, the kernel takes "
                    + MAX_INSTRUCTIONS);
        }
        long[] out = new long[insns.size()];
        for (int pc = 0; pc < out.length; pc++) {
            Insn i = insns.get(pc);
            long jt = offset(pc, i.jt), jf = offset(pc, i.jf);
            out[pc] = (i.code & 0xffffL) | (jt << 16) | (jf << 24) | ((i.k & 0xffffffffL) << 32);
        }
        return out;
    }

    private long offset(int pc, String label) {
        if (label == null) return 0;
        Integer target = labels.get(label);
        if (target == null) throw new IllegalStateException("label never bound: " + label);
        int off = target - (pc + 1);
        if (off < 0 || off > 255) {
            throw new IllegalStateException("jump from " + pc + " to " + label + " (" + target
                    + ") is out of classic BPF's 0..255 reach");
        }
        return off;
    }
}
