package dev.kiln.vmm;

/**
 * A problem setting up or running a VM that is the user's or the host's, not the guest's:
 * no /dev/kvm, no permission, a bad image, memory too small for the image. A guest that
 * misbehaves never throws; it ends with a {@link VmExit} instead.
 */
public class VmmException extends RuntimeException {
    public VmmException(String message) {
        super(message);
    }

    public VmmException(String message, Throwable cause) {
        super(message, cause);
    }
}
