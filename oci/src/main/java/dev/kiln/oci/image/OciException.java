package dev.kiln.oci.image;

/** An OCI image, layout, archive or registry answer that Kiln cannot use; the message says why in one line. */
public class OciException extends RuntimeException {
    public OciException(String message) {
        super(message);
    }

    public OciException(String message, Throwable cause) {
        super(message, cause);
    }
}
