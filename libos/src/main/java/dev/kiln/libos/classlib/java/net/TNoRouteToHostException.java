package dev.kiln.libos.classlib.java.net;

/** java.net.NoRouteToHostException in native images (TeaVM maps this class to it; see dev.kiln.libos.teavm.KilnSubstitutionPolicy). */
public class TNoRouteToHostException extends TSocketException {
    private static final long serialVersionUID = 1L;

    public TNoRouteToHostException() {
    }

    public TNoRouteToHostException(String message) {
        super(message);
    }
}
