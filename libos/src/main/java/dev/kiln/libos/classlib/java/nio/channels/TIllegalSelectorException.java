package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.IllegalSelectorException in native images. */
public class TIllegalSelectorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TIllegalSelectorException() {
    }
}
