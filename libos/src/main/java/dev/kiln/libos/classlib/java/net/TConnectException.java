package dev.kiln.libos.classlib.java.net;

/** java.net.ConnectException in native images (TeaVM maps this class to it; see dev.kiln.libos.teavm.KilnSubstitutionPolicy). */
public class TConnectException extends TSocketException {
    private static final long serialVersionUID = 1L;

    public TConnectException() {
    }

    public TConnectException(String message) {
        super(message);
    }
}
