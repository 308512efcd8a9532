package dev.kiln.oci.runtime;

/** A failure kiln-oci reports to its caller: one line to --log (JSON) and stderr, exit status 1. */
public final class RuntimeError extends RuntimeException {
    public RuntimeError(String message) {
        super(message);
    }

    public RuntimeError(String message, Throwable cause) {
        super(message, cause);
    }
}
