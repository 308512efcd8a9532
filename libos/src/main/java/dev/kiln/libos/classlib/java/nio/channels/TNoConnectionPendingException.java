package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.NoConnectionPendingException in native images. */
public class TNoConnectionPendingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TNoConnectionPendingException() {
    }
}
