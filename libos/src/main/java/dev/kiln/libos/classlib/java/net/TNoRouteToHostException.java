package dev.kiln.libos.classlib.java.net;

/** java.net.NoRouteToHostException in native images (TeaVM maps this class to it; see META-INF/teavm.properties). */
public class TNoRouteToHostException extends TSocketException {
    private static final long serialVersionUID = 1L;

    public TNoRouteToHostException() {
    }

    public TNoRouteToHostException(String message) {
        super(message);
    }
}
