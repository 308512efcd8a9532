package dev.kiln.engine;

/**
 * A request the engine refuses, with the kind that becomes the HTTP status: the message is
 * what the user reads (one line, names the VM or value at fault).
 */
public final class EngineException extends RuntimeException {
    /** The kinds of refusal, with their HTTP status. */
    public enum Kind {
        BAD_REQUEST(400), NOT_FOUND(404), CONFLICT(409), INTERNAL(500);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static EngineException badRequest(String message) {
        return new EngineException(Kind.BAD_REQUEST, message);
    }

    public static EngineException notFound(String message) {
        return new EngineException(Kind.NOT_FOUND, message);
    }

    public static EngineException conflict(String message) {
        return new EngineException(Kind.CONFLICT, message);
    }

    public static EngineException internal(String message) {
        return new EngineException(Kind.INTERNAL, message);
    }
}
