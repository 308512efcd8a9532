package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.CancelledKeyException in native images. */
public class TCancelledKeyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TCancelledKeyException() {
    }
}
