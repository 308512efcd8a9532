package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.NotYetConnectedException in native images. */
public class TNotYetConnectedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TNotYetConnectedException() {
    }
}
