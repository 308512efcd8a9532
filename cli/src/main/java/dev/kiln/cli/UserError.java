package dev.kiln.cli;

/** A mistake in what the user asked for: reported as one line, without a stack trace. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
