package dev.kiln.libos.classlib.java.net;

/** java.net.UnknownHostException in native images (TeaVM maps this class to it; see META-INF/teavm.properties). */
public class TUnknownHostException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public TUnknownHostException() {
    }

    public TUnknownHostException(String message) {
        super(message);
    }
}
