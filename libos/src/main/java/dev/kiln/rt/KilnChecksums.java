package dev.kiln.rt;

import java.util.zip.Checksum;

/** Checksum.update(byte[]), JDK 9's default method, which TeaVM 0.16.0's interface lacks (ApiAdditions adds it). */
public final class KilnChecksums {
    private KilnChecksums() {
    }

    public static void update(Checksum checksum, byte[] b) {
        checksum.update(b, 0, b.length);
    }
}
