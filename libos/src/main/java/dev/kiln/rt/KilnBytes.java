package dev.kiln.rt;

import java.util.zip.Checksum;

/**
 * Checksum.update(byte[]) (JDK 9's default method) and ByteArrayOutputStream.writeBytes (JDK 11),
 * which TeaVM 0.16.0 lacks (ApiAdditions adds them): the byte-array conveniences of java.util.zip's
 * and java.io's everyday use.
 */
public final class KilnBytes {
    private KilnBytes() {
    }

    public static void update(Checksum checksum, byte[] b) {
        checksum.update(b, 0, b.length);
    }

    public static void writeBytes(java.io.ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }
}
