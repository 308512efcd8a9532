package dev.kiln.libos.classlib.java.net;

/** java.net.SocketAddress in native images. */
public abstract class TSocketAddress implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public TSocketAddress() {
    }
}
