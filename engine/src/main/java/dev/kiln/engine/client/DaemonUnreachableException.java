package dev.kiln.engine.client;

/** No daemon answers on the socket (none runs, or the socket lets this user in not). */
public final class DaemonUnreachableException extends RuntimeException {
    public DaemonUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
