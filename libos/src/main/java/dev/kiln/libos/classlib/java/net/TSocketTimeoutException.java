package dev.kiln.libos.classlib.java.net;

/** java.net.SocketTimeoutException in native images (TeaVM maps this class to it; see META-INF/teavm.properties). */
public class TSocketTimeoutException extends java.io.InterruptedIOException {
    private static final long serialVersionUID = 1L;

    public TSocketTimeoutException() {
    }

    public TSocketTimeoutException(String message) {
        super(message);
    }
}
