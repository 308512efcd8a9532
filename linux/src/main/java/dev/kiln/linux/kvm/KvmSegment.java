package dev.kiln.linux.kvm;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * One struct kvm_segment (a segment register as KVM_SET_SREGS takes it), present and usable.
 *
 * @param type the descriptor type (11: execute/read code, accessed; 3: read/write data, accessed; 11 for a busy 64-bit TSS)
 * @param s 1 for a code or data segment, 0 for a system one (TSS)
 * @param l 1 for 64-bit code
 * @param g 1 when the limit counts 4 KiB units
 */
public record KvmSegment(long base, int limit, int selector, int type, int dpl, int db, int s, int l, int g) {
    /** Writes this segment at {@code offset} of a struct kvm_sregs ({@link KvmApi#SREGS_CS} and so on). */
    public void writeTo(MemorySegment sregs, long offset) {
        sregs.set(JAVA_LONG, offset + KvmApi.SEG_BASE, base);
        sregs.set(JAVA_INT, offset + KvmApi.SEG_LIMIT, limit);
        sregs.set(JAVA_SHORT, offset + KvmApi.SEG_SELECTOR, (short) selector);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_TYPE, (byte) type);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_PRESENT, (byte) 1);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_DPL, (byte) dpl);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_DB, (byte) db);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_S, (byte) s);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_L, (byte) l);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_G, (byte) g);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_AVL, (byte) 0);
        sregs.set(JAVA_BYTE, offset + KvmApi.SEG_UNUSABLE, (byte) 0);
    }
}
