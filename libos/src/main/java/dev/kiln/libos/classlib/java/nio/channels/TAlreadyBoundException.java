package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.AlreadyBoundException in native images. */
public class TAlreadyBoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TAlreadyBoundException() {
    }
}
