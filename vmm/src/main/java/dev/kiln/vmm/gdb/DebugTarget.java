package dev.kiln.vmm.gdb;

/**
 * What the GDB stub does to a stopped VM; the run loop's side is {@link GdbStub#stopped}. All
 * of it is called on the stub's thread while the vCPU thread waits, never while the guest runs.
 */
public interface DebugTarget {
    /** rax..r15, rip, rflags in kvm_regs order. */
    long[] registers();

    /** Writes them back (the same order). */
    void setRegisters(long[] kvmOrder);

    /** The selectors of cs, ss, ds, es, fs, gs. */
    int[] segmentSelectors();

    /** Reads len bytes at a guest address, or null if they are not all in guest-readable memory. */
    byte[] read(long address, int len);

    /** Writes bytes at a guest address (code included); false if they are not all in guest-readable memory. */
    boolean write(long address, byte[] bytes);

    /** KVM_SET_GUEST_DEBUG for the next run: software breakpoints, single step, DR0..DR7. */
    void setGuestDebug(boolean enabled, boolean singleStep, long[] debugRegs);

    /** Ends the VM (the debugger's kill). */
    void kill();
}
