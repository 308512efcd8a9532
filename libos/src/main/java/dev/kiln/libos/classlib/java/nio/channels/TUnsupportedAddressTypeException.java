package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.UnsupportedAddressTypeException in native images. */
public class TUnsupportedAddressTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TUnsupportedAddressTypeException() {
    }
}
