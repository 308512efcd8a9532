package dev.kiln.rt;

/**
 * Integer, Long, Math and BigInteger methods that TeaVM 0.16.0's class library lacks (compress/expand
 * from JDK 19, the unsigned parsers, multiplyHigh, sqrtAndRemainder), added to those classes by the builder's ApiAdditions.
 * Written from the JDK's Javadoc; the parsers' messages are HotSpot's.
 */
public final class KilnBits {
    private KilnBits() {
    }

    /** The bits of i selected by mask, packed towards bit 0 in their order. */
    public static int compress(int i, int mask) {
        int result = 0;
        int out = 0;
        for (int m = mask; m != 0; m &= m - 1) {
            int bit = m & -m;
            if ((i & bit) != 0) {
                result |= 1 << out;
            }
            out++;
        }
        return result;
    }

    /** The low bits of i, spread to the positions of mask's set bits in their order. */
    public static int expand(int i, int mask) {
        int result = 0;
        int in = 0;
        for (int m = mask; m != 0; m &= m - 1) {
            int bit = m & -m;
            if ((i & (1 << in)) != 0) {
                result |= bit;
            }
            in++;
        }
        return result;
    }

    public static long compress(long i, long mask) {
        long result = 0;
        int out = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            long bit = m & -m;
            if ((i & bit) != 0) {
                result |= 1L << out;
            }
            out++;
        }
        return result;
    }

    public static long expand(long i, long mask) {
        long result = 0;
        int in = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            long bit = m & -m;
            if ((i & (1L << in)) != 0) {
                result |= bit;
            }
            in++;
        }
        return result;
    }

    public static int parseUnsignedInt(String s) {
        return parseUnsignedInt(s, 10);
    }

    public static int parseUnsignedInt(String s, int radix) {
        return (int) parseUnsigned(s, radix, 0xFFFF_FFFFL, "int");
    }

    public static long parseUnsignedLong(String s) {
        return parseUnsignedLong(s, 10);
    }

    public static long parseUnsignedLong(String s, int radix) {
        return parseUnsigned(s, radix, -1L, "long");
    }

    /**
     * Digits from left to right, as HotSpot reads them: a character that is no digit of the radix
     * fails with the whole string, a value past max (unsigned) with "exceeds range", whichever comes first.
     */
    private static long parseUnsigned(String s, int radix, long max, String type) {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string");
        }
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            throw new NumberFormatException("radix " + radix + (radix < Character.MIN_RADIX ? " less than Character.MIN_RADIX"
                    : " greater than Character.MAX_RADIX"));
        }
        int len = s.length();
        if (len > 0 && s.charAt(0) == '-') {
            throw new NumberFormatException("Illegal leading minus sign on unsigned string " + s + ".");
        }
        int i = len > 0 && s.charAt(0) == '+' ? 1 : 0;
        if (i == len) {
            throw forInputString(s, radix);
        }
        long limit = Long.divideUnsigned(max, radix);
        long result = 0;
        for (; i < len; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0) {
                throw forInputString(s, radix);
            }
            if (Long.compareUnsigned(result, limit) > 0 || Long.compareUnsigned(result * radix, max - digit) > 0) {
                throw new NumberFormatException("String value " + s + " exceeds range of unsigned " + type + ".");
            }
            result = result * radix + digit;
        }
        return result;
    }

    private static NumberFormatException forInputString(String s, int radix) {
        return new NumberFormatException("For input string: \"" + s + "\"" + (radix == 10 ? "" : " under radix " + radix));
    }

    /** The high 64 bits of the 128-bit signed product, from 32-bit halves. */
    public static long multiplyHigh(long x, long y) {
        long x1 = x >> 32;
        long x0 = x & 0xFFFF_FFFFL;
        long y1 = y >> 32;
        long y0 = y & 0xFFFF_FFFFL;
        long low = x0 * y0;
        long t = x1 * y0 + (low >>> 32);
        long mid = (t & 0xFFFF_FFFFL) + x0 * y1;
        return x1 * y1 + (t >> 32) + (mid >> 32);
    }

    public static long unsignedMultiplyHigh(long x, long y) {
        return multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** BigInteger.sqrtAndRemainder (JDK 9): {s, this - s*s} for s = sqrt(); sqrt throws for a negative value. */
    public static java.math.BigInteger[] sqrtAndRemainder(java.math.BigInteger n) {
        java.math.BigInteger s = n.sqrt();
        return new java.math.BigInteger[] {s, n.subtract(s.multiply(s))};
    }
}
