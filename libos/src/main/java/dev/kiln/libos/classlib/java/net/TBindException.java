package dev.kiln.libos.classlib.java.net;

/** java.net.BindException in native images (TeaVM maps this class to it; see dev.kiln.libos.teavm.KilnSubstitutionPolicy). */
public class TBindException extends TSocketException {
    private static final long serialVersionUID = 1L;

    public TBindException() {
    }

    public TBindException(String message) {
        super(message);
    }
}
