package dev.kiln.libos.classlib.java.security;

import java.security.GeneralSecurityException;

/** java.security.DigestException in native images (TeaVM's class library lacks it). */
public class TDigestException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    public TDigestException() {
    }

    public TDigestException(String message) {
        super(message);
    }
}
