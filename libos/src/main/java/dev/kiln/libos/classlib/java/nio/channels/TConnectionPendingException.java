package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.ConnectionPendingException in native images. */
public class TConnectionPendingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TConnectionPendingException() {
    }
}
