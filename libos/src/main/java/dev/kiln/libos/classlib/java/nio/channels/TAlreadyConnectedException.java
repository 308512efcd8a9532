package dev.kiln.libos.classlib.java.nio.channels;

/** java.nio.channels.AlreadyConnectedException in native images. */
public class TAlreadyConnectedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TAlreadyConnectedException() {
    }
}
