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

    /** Checksum.update(ByteBuffer) (a default method since JDK 9): the remaining bytes, the position moved to the limit. */
    public static void update(Checksum checksum, java.nio.ByteBuffer buffer) {
        int pos = buffer.position();
        int rem = buffer.limit() - pos;
        if (rem <= 0) {
            return;
        }
        if (buffer.hasArray()) {
            checksum.update(buffer.array(), buffer.arrayOffset() + pos, rem);
        } else {
            byte[] b = new byte[rem];
            for (int i = 0; i < rem; i++) {
                b[i] = buffer.get(pos + i);
            }
            checksum.update(b, 0, rem);
        }
        buffer.position(pos + rem);
    }

    public static void writeBytes(java.io.ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }
}
