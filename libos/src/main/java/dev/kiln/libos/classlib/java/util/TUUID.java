package dev.kiln.libos.classlib.java.util;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * java.util.UUID in native images, in place of TeaVM's (which has no public constructor, no
 * nameUUIDFromBytes, no compareTo and no version fields). Written from the JDK's Javadoc; the
 * parsing errors are HotSpot 25's.
 */
public final class TUUID implements Serializable, Comparable<TUUID> {
    private static final long serialVersionUID = -4856846361193249489L;
    private static SecureRandom random;

    private final long mostSigBits;
    private final long leastSigBits;

    public TUUID(long mostSigBits, long leastSigBits) {
        this.mostSigBits = mostSigBits;
        this.leastSigBits = leastSigBits;
    }

    /** A version 4 (random) UUID, its 122 random bits from SecureRandom. */
    public static TUUID randomUUID() {
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] b = new byte[16];
        random.nextBytes(b);
        return fromBytes(b, 0x40);
    }

    /** A version 3 (MD5 name-based) UUID. */
    public static TUUID nameUUIDFromBytes(byte[] name) {
        try {
            return fromBytes(MessageDigest.getInstance("MD5").digest(name), 0x30);
        } catch (NoSuchAlgorithmException e) {
            throw new InternalError("MD5 not supported", e);
        }
    }

    private static TUUID fromBytes(byte[] b, int version) {
        b[6] = (byte) ((b[6] & 0x0f) | version);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (b[i] & 0xff);
            lsb = lsb << 8 | (b[i + 8] & 0xff);
        }
        return new TUUID(msb, lsb);
    }

    public static TUUID fromString(String name) {
        int len = name.length();
        if (len > 36) {
            throw new IllegalArgumentException("UUID string too large");
        }
        int dash1 = name.indexOf('-');
        int dash2 = name.indexOf('-', dash1 + 1);
        int dash3 = name.indexOf('-', dash2 + 1);
        int dash4 = name.indexOf('-', dash3 + 1);
        int dash5 = name.indexOf('-', dash4 + 1);
        if (dash4 < 0 || dash5 >= 0) {
            throw new IllegalArgumentException("Invalid UUID string: " + name);
        }
        long msb = (hex(name, 0, dash1) & 0xffffffffL) << 32 | (hex(name, dash1 + 1, dash2) & 0xffffL) << 16
                | (hex(name, dash2 + 1, dash3) & 0xffffL);
        long lsb = (hex(name, dash3 + 1, dash4) & 0xffffL) << 48 | (hex(name, dash4 + 1, len) & 0xffffffffffffL);
        return new TUUID(msb, lsb);
    }

    /** Long.parseLong(name, begin, end, 16), with its messages. */
    private static long hex(String s, int begin, int end) {
        if (begin == end) {
            throw new NumberFormatException("For input string: \"\" under radix 16");
        }
        int i = begin;
        boolean negative = false;
        char first = s.charAt(i);
        long limit = -Long.MAX_VALUE;
        if (first == '-' || first == '+') {
            negative = first == '-';
            if (negative) {
                limit = Long.MIN_VALUE;
            }
            if (++i == end) {
                throw error(s, begin, end, i);
            }
        }
        long multmin = limit / 16;
        long result = 0;
        for (; i < end; i++) {
            int digit = Character.digit(s.charAt(i), 16);
            if (digit < 0 || result < multmin) {
                throw error(s, begin, end, i);
            }
            result *= 16;
            if (result < limit + digit) {
                throw error(s, begin, end, i);
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    private static NumberFormatException error(String s, int begin, int end, int at) {
        return new NumberFormatException("Error at index " + (at - begin) + " in: \"" + s.substring(begin, end) + "\"");
    }

    public long getLeastSignificantBits() {
        return leastSigBits;
    }

    public long getMostSignificantBits() {
        return mostSigBits;
    }

    public int version() {
        return (int) ((mostSigBits >> 12) & 0x0f);
    }

    public int variant() {
        return (int) ((leastSigBits >>> (64 - (leastSigBits >>> 62))) & (leastSigBits >> 63));
    }

    public long timestamp() {
        timeBased();
        return (mostSigBits & 0x0fffL) << 48 | ((mostSigBits >> 16) & 0x0ffffL) << 32 | mostSigBits >>> 32;
    }

    public int clockSequence() {
        timeBased();
        return (int) ((leastSigBits & 0x3fff000000000000L) >>> 48);
    }

    public long node() {
        timeBased();
        return leastSigBits & 0x0000ffffffffffffL;
    }

    private void timeBased() {
        if (version() != 1) {
            throw new UnsupportedOperationException("Not a time-based UUID");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(36);
        hex(sb, mostSigBits >>> 32, 8).append('-');
        hex(sb, mostSigBits >>> 16, 4).append('-');
        hex(sb, mostSigBits, 4).append('-');
        hex(sb, leastSigBits >>> 48, 4).append('-');
        hex(sb, leastSigBits, 12);
        return sb.toString();
    }

    private static StringBuilder hex(StringBuilder sb, long value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            sb.append("0123456789abcdef".charAt((int) (value >>> shift) & 0xf));
        }
        return sb;
    }

    @Override
    public int hashCode() {
        long hilo = mostSigBits ^ leastSigBits;
        return ((int) (hilo >> 32)) ^ (int) hilo;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TUUID u && u.mostSigBits == mostSigBits && u.leastSigBits == leastSigBits;
    }

    @Override
    public int compareTo(TUUID val) {
        int msb = Long.compare(mostSigBits, val.mostSigBits);
        return msb != 0 ? msb : Long.compare(leastSigBits, val.leastSigBits);
    }
}
