package dev.kiln.vmm;

/**
 * A device found a value in guest memory that breaks the ABI (a ring index, a descriptor).
 * Thrown inside the device code only and turned into {@link VmExit.GuestError} for that VM:
 * it never leaves the monitor.
 */
final class GuestFault extends RuntimeException {
    GuestFault(String message) {
        super(message, null, false, false);
    }
}
