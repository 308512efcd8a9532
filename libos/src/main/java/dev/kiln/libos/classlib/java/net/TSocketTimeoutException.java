package dev.kiln.libos.classlib.java.net;

/** java.net.SocketTimeoutException in native images (TeaVM maps this class to it; see dev.kiln.libos.teavm.KilnSubstitutionPolicy). */
public class TSocketTimeoutException extends java.io.InterruptedIOException {
    private static final long serialVersionUID = 1L;

    public TSocketTimeoutException() {
    }

    public TSocketTimeoutException(String message) {
        super(message);
    }
}
