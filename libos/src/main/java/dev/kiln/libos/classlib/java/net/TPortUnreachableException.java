package dev.kiln.libos.classlib.java.net;

/** java.net.PortUnreachableException in native images (TeaVM maps this class to it; see dev.kiln.libos.teavm.KilnSubstitutionPolicy). */
public class TPortUnreachableException extends TSocketException {
    private static final long serialVersionUID = 1L;

    public TPortUnreachableException() {
    }

    public TPortUnreachableException(String message) {
        super(message);
    }
}
