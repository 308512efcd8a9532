package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.UnresolvedAddressException in native images. */
public class TUnresolvedAddressException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TUnresolvedAddressException() {
    }
}
