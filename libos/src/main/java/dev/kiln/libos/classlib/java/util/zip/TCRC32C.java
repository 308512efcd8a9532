package dev.kiln.libos.classlib.java.util.zip;

import java.util.zip.Checksum;

/**
 * java.util.zip.CRC32C (JDK 9) in native images, which TeaVM's class library lacks: CRC-32 with
 * Castagnoli's polynomial (RFC 3720), table-driven, reflected, initial and final value all ones.
 */
public final class TCRC32C implements Checksum {
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private int crc = 0xffffffff;

    @Override
    public void update(int b) {
        crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xff];
    }

    @Override
    public void update(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new ArrayIndexOutOfBoundsException();
        }
        int c = crc;
        for (int i = off; i < off + len; i++) {
            c = (c >>> 8) ^ TABLE[(c ^ b[i]) & 0xff];
        }
        crc = c;
    }

    @Override
    public void update(byte[] b) {
        update(b, 0, b.length);
    }

    @Override
    public long getValue() {
        return ~crc & 0xffffffffL;
    }

    @Override
    public void reset() {
        crc = 0xffffffff;
    }
}
