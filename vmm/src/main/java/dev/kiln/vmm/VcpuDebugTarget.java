package dev.kiln.vmm;

import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.vmm.gdb.DebugTarget;
import dev.kiln.vmm.kvm.Vcpu;
import dev.kiln.vmm.memory.GuestMemory;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The GDB stub's view of one VM: its vCPU's registers and debug controls (ioctls made on the
 * stub's thread while the vCPU thread waits, so the vCPU thread's seccomp filter needs none of
 * them), and guest memory through {@link GuestMemory#debugger}.
 */
final class VcpuDebugTarget implements DebugTarget {
    private static final long[] SEGMENTS = {KvmApi.SREGS_CS, KvmApi.SREGS_SS, KvmApi.SREGS_DS, KvmApi.SREGS_ES,
            KvmApi.SREGS_FS, KvmApi.SREGS_GS};
    private final Vcpu vcpu;
    private final GuestMemory memory;
    private final StopRequest stop;

    VcpuDebugTarget(Vcpu vcpu, GuestMemory memory, StopRequest stop) {
        this.vcpu = vcpu;
        this.memory = memory;
        this.stop = stop;
    }

    @Override
    public long[] registers() {
        return vcpu.registers();
    }

    @Override
    public void setRegisters(long[] kvmOrder) {
        vcpu.setAllRegisters(kvmOrder);
    }

    @Override
    public int[] segmentSelectors() {
        MemorySegment s = vcpu.specialRegisters();
        int[] out = new int[SEGMENTS.length];
        for (int i = 0; i < out.length; i++) out[i] = s.get(JAVA_SHORT, SEGMENTS[i] + KvmApi.SEG_SELECTOR) & 0xffff;
        return out;
    }

    @Override
    public byte[] read(long address, int len) {
        if (len < 0 || !memory.guestReadable(address, len)) return null;
        byte[] b = new byte[len];
        memory.debuggerRead(address, len, "gdb read").copyTo(0, b, 0, len);
        return b;
    }

    @Override
    public boolean write(long address, byte[] bytes) {
        if (!memory.debuggerWritable(address, bytes.length)) return false;
        memory.debuggerWrite(address, bytes.length, "gdb write").copyFrom(bytes, 0, 0, bytes.length);
        return true;
    }

    @Override
    public void setGuestDebug(boolean enabled, boolean singleStep, long[] debugRegs) {
        int control = 0;
        if (enabled) {
            control = KvmApi.GUESTDBG_ENABLE | KvmApi.GUESTDBG_USE_SW_BP;
            if (singleStep) control |= KvmApi.GUESTDBG_SINGLESTEP;
            if (debugRegs[7] != 0) control |= KvmApi.GUESTDBG_USE_HW_BP;
        }
        vcpu.setGuestDebug(control, debugRegs);
    }

    @Override
    public void kill() {
        stop.request(new StopRequest.Cause("killed by the debugger", null, false));
    }
}
