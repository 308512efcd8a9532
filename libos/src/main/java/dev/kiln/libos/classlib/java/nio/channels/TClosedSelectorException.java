package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.ClosedSelectorException in native images. */
public class TClosedSelectorException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TClosedSelectorException() {
    }
}
