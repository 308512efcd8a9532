package dev.kiln.libos.classlib.java.net;

/** java.net.SocketException in native images (TeaVM maps this class to it; see dev.kiln.libos.teavm.KilnSubstitutionPolicy). */
public class TSocketException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public TSocketException() {
    }

    public TSocketException(String message) {
        super(message);
    }

    public TSocketException(String message, Throwable cause) {
        super(message, cause);
    }

    public TSocketException(Throwable cause) {
        super(cause);
    }
}
