package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.NotYetBoundException in native images. */
public class TNotYetBoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TNotYetBoundException() {
    }
}
