package dev.kiln.libos.classlib.java.util.concurrent;

public class TCompletionException extends RuntimeException {
    public TCompletionException() {
    }

    public TCompletionException(String message) {
        super(message);
    }

    public TCompletionException(String message, Throwable cause) {
        super(message, cause);
    }

    public TCompletionException(Throwable cause) {
        super(cause);
    }
}
