package dev.kiln.vmm.memory;

/**
 * The guest broke the ABI: a pointer or length outside the memory it may use, a ring index,
 * a descriptor. Thrown by {@link GuestMemory}'s checks and by device code, caught where the
 * monitor serves the guest (the hypercall dispatcher, a device's I/O thread) and turned into
 * that VM's {@code VmExit.GuestError}: it never leaves the monitor, and never a stack trace
 * (none is recorded, it costs nothing on a path a hostile guest may take at will).
 */
public final class GuestFault extends RuntimeException {
    public GuestFault(String message) {
        super(message, null, false, false);
    }
}
