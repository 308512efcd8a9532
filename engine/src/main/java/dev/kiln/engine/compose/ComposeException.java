package dev.kiln.engine.compose;

/**
 * A compose file Kiln refuses, in one line: {@code compose.yaml:12: services.web.volumes: not
 * supported by Kiln}: the file, the line, where in the document, and what is wrong.
 */
public final class ComposeException extends RuntimeException {
    public ComposeException(String message) {
        super(message);
    }
}
