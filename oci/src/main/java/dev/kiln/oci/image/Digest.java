package dev.kiln.oci.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as OCI writes it, {@code sha256:<64 lowercase hex>}. SHA-256 is the only
 * algorithm Kiln reads or writes; any other (or a malformed one) is refused, because a digest
 * names a blob that will be checked against it and an unknown algorithm cannot be checked.
 */
public record Digest(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!HEX.matcher(hex).matches()) throw new IllegalArgumentException("not a SHA-256 digest: " + hex);
    }

    /** Parses {@code sha256:HEX}. */
    public static Digest parse(String text) {
        if (text == null || !text.startsWith("sha256:")) {
            throw new IllegalArgumentException("digest '" + text + "' is not sha256:<64 hex digits> (only SHA-256 is supported)");
        }
        return new Digest(text.substring(7));
    }

    public static Digest of(byte[] data) {
        return new Digest(HexFormat.of().formatHex(sha256().digest(data)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Throws unless data hashes to this digest; {@code what} names the blob in the message. */
    public void verify(byte[] data, String what) {
        Digest actual = of(data);
        if (!actual.equals(this)) {
            throw new OciException(what + ": content does not match its digest (expected " + this + ", got " + actual + ")");
        }
    }

    /** The path of the blob under an OCI layout: blobs/sha256/HEX. */
    public String blobPath() {
        return "blobs/sha256/" + hex;
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
