package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.IllegalBlockingModeException in native images. */
public class TIllegalBlockingModeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TIllegalBlockingModeException() {
    }
}
