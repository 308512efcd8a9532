package dev.kiln.libos.classlib.java.net;

/** java.net.PortUnreachableException in native images (TeaVM maps this class to it; see META-INF/teavm.properties). */
public class TPortUnreachableException extends TSocketException {
    private static final long serialVersionUID = 1L;

    public TPortUnreachableException() {
    }

    public TPortUnreachableException(String message) {
        super(message);
    }
}
