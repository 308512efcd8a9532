package dev.kiln.engine.client;

/** The daemon refused a request: its HTTP status and its message (one line for the user). */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
