package dev.kiln.builder.nativeimage;

/** A native image could not be built; the message says why, for a person to act on. */
public final class NativeBuildException extends Exception {
    public NativeBuildException(String message) {
        super(message);
    }

    public NativeBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
