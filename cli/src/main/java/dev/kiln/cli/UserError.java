package dev.kiln.cli;

/** A mistake in what the user asked for: reported as one line, without a stack trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
