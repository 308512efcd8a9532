package dev.kiln.rt;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.UnsupportedCharsetException;

/**
 * ByteBuffer and Charset methods that TeaVM 0.16.0's class library lacks (JDK 11's mismatch,
 * JDK 13's slice(index, length), Charset.isSupported), added to those classes by the builder's
 * ApiAdditions. Written from the JDK's Javadoc.
 */
public final class KilnNioMethods {
    private KilnNioMethods() {
    }

    /** A buffer of length bytes sharing this one's content from index on, its position and mark left alone. */
    public static ByteBuffer slice(ByteBuffer b, int index, int length) {
        if (index < 0 || length < 0 || index > b.limit() - length) {
            throw new IndexOutOfBoundsException("Range [" + index + ", " + index + " + " + length + ") out of bounds for length " + b.limit());
        }
        ByteBuffer d = b.duplicate();
        d.limit(index + length);
        d.position(index);
        return d.slice();
    }

    /** The relative index of the first byte that differs between the remaining contents, or -1. */
    public static int mismatch(ByteBuffer a, ByteBuffer b) {
        int n = Math.min(a.remaining(), b.remaining());
        for (int i = 0; i < n; i++) {
            if (a.get(a.position() + i) != b.get(b.position() + i)) {
                return i;
            }
        }
        return a.remaining() == b.remaining() ? -1 : n;
    }

    /** An illegal name still throws IllegalCharsetNameException, as on HotSpot. */
    public static boolean isSupported(String name) {
        try {
            Charset.forName(name);
            return true;
        } catch (UnsupportedCharsetException e) {
            return false;
        }
    }
}
