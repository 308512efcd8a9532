package dev.kiln.vmm.x86;

import dev.kiln.linux.kvm.KvmApi;
import dev.kiln.linux.kvm.KvmSegment;
import dev.kiln.vmm.GuestLayout;
import dev.kiln.vmm.kvm.Vcpu;
import dev.kiln.vmm.memory.GuestMemory;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The x86-64 machine state a native image wakes up in (docs/abi.md): 64-bit long mode with
 * paging, CPL 3 with flat segments, a GDT and a TSS whose I/O bitmap lets every IN/OUT exit
 * to the monitor, no IDT (any fault becomes a triple fault, KVM_EXIT_SHUTDOWN), SSE on,
 * EFER.NXE for W^X, and the registers of an entry point called with the boot info in RDI.
 */
public final class X86Setup {
    /** CR2 at entry: non-canonical, so no page fault can ever report it; still there after a crash = no #PF. */
    public static final long CR2_NONE = 0xdead_0000_0000_0000L;
    /**
     * The guest TSC is set to this just before the wall clock is read (boot_tsc). Not 0:
     * KVM treats a host write of 0 as "synchronize with the other vCPUs" and may keep the
     * old offset instead of honouring the value.
     */
    public static final long BOOT_TSC = 1L << 20;
    /** CR0.PG: clear after a triple fault on hosts that reset the vCPU (see the crash analysis). */
    public static final long CR0_PG = 0x8000_0000L;
    static final long CR0 = CR0_PG | 0x5_0033L;       // PG AM WP NE ET MP PE
    static final long CR4 = 0x20 | 0x200 | 0x400;     // PAE OSFXSR OSXMMEXCPT
    static final long EFER = 0x100 | 0x400 | 0x800;   // LME LMA NXE
    static final long RFLAGS = 0x3002;                // IOPL 3, reserved bit 1 (see TSS_IOMAP_OFFSET)
    static final int MSR_IA32_TSC = 0x10;

    static final int SEL_CODE = 0x08, SEL_DATA = 0x10, SEL_TSS = 0x18;
    /** null, code, data, 16-byte TSS descriptor. */
    static final int GDT_LIMIT = 5 * 8 - 1;
    /**
     * The TSS's I/O permission bitmap follows it and allows every port (all zero bits) plus
     * the terminating 0xff byte. Measured on this project's nested KVM: the guest's RFLAGS.IOPL
     * is not honoured (KVM_GET_REGS reads it back as 0), so with a TSS that has no bitmap
     * every OUT faults; with this bitmap every IN/OUT exits to the monitor, which decides.
     */
    static final long TSS_IOMAP_OFFSET = 0x68, TSS_IOMAP_BYTES = 0x10000 / 8;
    static final long TSS_LIMIT = TSS_IOMAP_OFFSET + TSS_IOMAP_BYTES; // includes the 0xff terminator

    private X86Setup() {}

    /**
     * Writes the GDT (null, 64-bit code at DPL 3, data at DPL 3, a 64-bit TSS that only
     * satisfies VM entry checks) and the TSS's I/O bitmap terminator into guest memory.
     */
    public static void writeDescriptorTables(GuestMemory.BootWriter mem) {
        long gdt = GuestLayout.GDT;
        mem.putLong(gdt + SEL_CODE, 0x00affb000000ffffL);
        mem.putLong(gdt + SEL_DATA, 0x00cff3000000ffffL);
        long[] tss = tssDescriptor(GuestLayout.TSS, TSS_LIMIT);
        mem.putLong(gdt + SEL_TSS, tss[0]);
        mem.putLong(gdt + SEL_TSS + 8, tss[1]);
        mem.putShort(GuestLayout.TSS + 0x66, (short) TSS_IOMAP_OFFSET); // the I/O map base field
        mem.putByte(GuestLayout.TSS + TSS_IOMAP_OFFSET + TSS_IOMAP_BYTES, (byte) 0xff);
    }

    /** The two quadwords of a busy 64-bit TSS descriptor (type 0xb, present), as TR holds it. */
    static long[] tssDescriptor(long base, long limit) {
        long low = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0xbL << 40) | (1L << 47)
                | (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
        return new long[] {low, base >>> 32};
    }

    /**
     * Sets the segment, descriptor-table and control registers: flat DPL-3 segments, FS based
     * at the thread pointer, TR at the TSS (busy, as VM entry requires), no IDT, paging with
     * {@code pml4} as CR3.
     */
    public static void setSpecialRegisters(Vcpu vcpu, long pml4, long threadPointer) {
        MemorySegment s = vcpu.specialRegisters();
        int data = SEL_DATA | 3;
        new KvmSegment(0, 0xffffffff, SEL_CODE | 3, 11, 3, 0, 1, 1, 1).writeTo(s, KvmApi.SREGS_CS);
        KvmSegment flat = new KvmSegment(0, 0xffffffff, data, 3, 3, 1, 1, 0, 1);
        for (long at : new long[] {KvmApi.SREGS_DS, KvmApi.SREGS_ES, KvmApi.SREGS_GS, KvmApi.SREGS_SS}) {
            flat.writeTo(s, at);
        }
        new KvmSegment(threadPointer, 0xffffffff, data, 3, 3, 1, 1, 0, 1).writeTo(s, KvmApi.SREGS_FS);
        new KvmSegment(GuestLayout.TSS, (int) TSS_LIMIT, SEL_TSS, 11, 0, 0, 0, 0, 0).writeTo(s, KvmApi.SREGS_TR);
        s.set(JAVA_LONG, KvmApi.SREGS_GDT + KvmApi.DTABLE_BASE, GuestLayout.GDT);
        s.set(JAVA_SHORT, KvmApi.SREGS_GDT + KvmApi.DTABLE_LIMIT, (short) GDT_LIMIT);
        // No IDT: any fault at CPL 3 escalates to a triple fault, which KVM reports as KVM_EXIT_SHUTDOWN.
        s.set(JAVA_LONG, KvmApi.SREGS_IDT + KvmApi.DTABLE_BASE, 0);
        s.set(JAVA_SHORT, KvmApi.SREGS_IDT + KvmApi.DTABLE_LIMIT, (short) 0);
        s.set(JAVA_LONG, KvmApi.SREGS_CR0, CR0);
        s.set(JAVA_LONG, KvmApi.SREGS_CR2, CR2_NONE);
        s.set(JAVA_LONG, KvmApi.SREGS_CR3, pml4);
        s.set(JAVA_LONG, KvmApi.SREGS_CR4, CR4);
        s.set(JAVA_LONG, KvmApi.SREGS_EFER, EFER);
        vcpu.setSpecialRegisters();
    }

    /** The registers at entry: RIP at the entry point, RSP as if _start had been called ((rsp+8) % 16 == 0), RDI the boot info. */
    public static void setEntryRegisters(Vcpu vcpu, long entry, long stackTop) {
        vcpu.setRegisters(entry, stackTop - 8, GuestLayout.BOOT_INFO, RFLAGS);
    }

    /** The guest's clock anchor: the wall clock (ns since the epoch) and the guest TSC at the same moment. */
    public record ClockAnchor(long wallclockNs, long guestTsc) {
    }

    /**
     * Sets the guest TSC to {@link #BOOT_TSC}, then reads the wall clock between two reads of
     * the guest TSC as KVM reports it: the guest computes wall time as wallclock_ns + (rdtsc -
     * boot_tsc) / tsc_khz. The write is only a wish: some KVM hosts keep the old offset (the
     * guest TSC then counts from the host's boot, and an image's clock was ahead by the host's
     * uptime), so boot_tsc is what the guest TSC really was, never the value written. The error
     * is the few microseconds between the two reads.
     */
    public static ClockAnchor setTscAndReadWallClock(Vcpu vcpu) {
        vcpu.setMsr(MSR_IA32_TSC, BOOT_TSC);
        long before = vcpu.getMsr(MSR_IA32_TSC);
        java.time.Instant now = java.time.Instant.now();
        long after = vcpu.getMsr(MSR_IA32_TSC);
        return new ClockAnchor(now.getEpochSecond() * 1_000_000_000L + now.getNano(), before + (after - before) / 2);
    }
}
