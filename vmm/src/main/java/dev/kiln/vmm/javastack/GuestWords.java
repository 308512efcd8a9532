package dev.kiln.vmm.javastack;

/**
 * Guest memory as a stack walk reads it: little-endian words at guest addresses, each access
 * checked. A value read here is untrusted; an address that is not in memory the guest may read
 * throws {@link Unreadable}, which ends the walk of one thread with an error line.
 */
public interface GuestWords {
    long u64(long address);

    int i32(long address);

    byte[] bytes(long address, int length);

    /** An address a walk reached that points nowhere readable: a scribbled or half-built structure. */
    final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
