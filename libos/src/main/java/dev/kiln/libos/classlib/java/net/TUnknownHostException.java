package dev.kiln.libos.classlib.java.net;

/** java.net.UnknownHostException in native images (TeaVM maps this class to it; see dev.kiln.libos.teavm.KilnSubstitutionPolicy). */
public class TUnknownHostException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public TUnknownHostException() {
    }

    public TUnknownHostException(String message) {
        super(message);
    }
}
