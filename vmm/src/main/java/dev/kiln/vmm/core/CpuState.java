package dev.kiln.vmm.core;

import dev.kiln.linux.kvm.KvmApi;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The vCPU's registers at one instant, as a core file needs them: the general registers in
 * kvm_regs order ({@link KvmApi#REG_NAMES}), the FS and GS bases (the guest's TLS) and the
 * segment selectors.
 */
public record CpuState(long[] regs, long fsBase, long gsBase, int cs, int ss, int ds, int es, int fs, int gs) {
    public CpuState {
        if (regs.length != KvmApi.REG_NAMES.size()) {
            throw new IllegalArgumentException(regs.length + " registers, not " + KvmApi.REG_NAMES.size());
        }
        regs = regs.clone();
    }

    /** From KVM_GET_REGS (kvm_regs order) and a KVM_GET_SREGS buffer. */
    public static CpuState of(long[] regs, MemorySegment sregs) {
        return new CpuState(regs, sregs.get(JAVA_LONG, KvmApi.SREGS_FS + KvmApi.SEG_BASE),
                sregs.get(JAVA_LONG, KvmApi.SREGS_GS + KvmApi.SEG_BASE), selector(sregs, KvmApi.SREGS_CS),
                selector(sregs, KvmApi.SREGS_SS), selector(sregs, KvmApi.SREGS_DS), selector(sregs, KvmApi.SREGS_ES),
                selector(sregs, KvmApi.SREGS_FS), selector(sregs, KvmApi.SREGS_GS));
    }

    private static int selector(MemorySegment sregs, long segment) {
        return sregs.get(JAVA_SHORT, segment + KvmApi.SEG_SELECTOR) & 0xffff;
    }

    /** The register called {@code name} in kvm_regs ("rip", "rsp", ...). */
    public long reg(String name) {
        int i = KvmApi.REG_NAMES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no register " + name);
        return regs[i];
    }

    @Override
    public long[] regs() {
        return regs.clone();
    }
}
