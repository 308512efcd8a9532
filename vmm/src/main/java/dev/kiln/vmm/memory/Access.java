package dev.kiln.vmm.memory;

/**
 * What the guest may do with a region of its memory. The page tables are built from these
 * ({@link PageTables}), and {@link GuestMemory} checks every pointer the guest hands over
 * against the same regions: what the monitor reads or writes for the guest is exactly what the
 * guest could read or write itself.
 */
public enum Access {
    /** GDT and TSS: the CPU reads them through the page tables; CPL 3 can neither read nor write them. */
    SUPERVISOR_READ(false, false),
    /** Image code: readable and executable. */
    TEXT(true, false),
    /** Read-only data and the boot info: readable, never executable. */
    RODATA(true, false),
    /** Data, bss, TLS, heap, the stats page, the net region, the stack: readable and writable, never executable. */
    DATA(true, true),
    /**
     * The control page: the guest may only read it; the monitor writes it while the guest runs
     * ({@link GuestMemory#controlPage}), so the guest sees a stop request without an exit.
     */
    CONTROL(true, false);

    private final boolean guestReadable, guestWritable;

    Access(boolean guestReadable, boolean guestWritable) {
        this.guestReadable = guestReadable;
        this.guestWritable = guestWritable;
    }

    public boolean guestReadable() {
        return guestReadable;
    }

    public boolean guestWritable() {
        return guestWritable;
    }
}
