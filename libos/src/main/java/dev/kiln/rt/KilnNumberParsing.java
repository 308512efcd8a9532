package dev.kiln.rt;

import java.math.BigInteger;

/**
 * Integer.parseInt, Long.parseLong, Short.parseShort, Byte.parseByte, Double.parseDouble and
 * Float.parseFloat as the JDK's Javadoc specifies them, with HotSpot's messages
 * ({@code For input string: "12x"}, {@code ... under radix 16}, {@code Value out of range.}, {@code
 * empty String}). TeaVM's say "String contains digits out of radix 10: 12x", and its parseDouble
 * rejected hexadecimal literals, a d/f suffix and surrounding white space. The builder gives those
 * methods of TeaVM's classes these bodies (NumberRewrite); valueOf and decode call them.
 *
 * <p>Decimal and hexadecimal strings become the nearest double (or float), ties to even, computed
 * exactly with integers: value = num / den x 2^e2, divided to one more bit than the precision, the
 * remainder deciding the rounding.
 */
public final class KilnNumberParsing {
    private KilnNumberParsing() {
    }

    public static int parseInt(String s, int radix) {
        return (int) parse(s, radix, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public static long parseLong(String s, int radix) {
        return parse(s, radix, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static short parseShort(String s, int radix) {
        return (short) narrow(s, radix, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public static byte parseByte(String s, int radix) {
        return (byte) narrow(s, radix, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /** Integer.decode: an optional sign, then 0x, 0X, # (hexadecimal) or 0 (octal), then digits. */
    public static Integer decodeInt(String nm) {
        return (int) decode(nm, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public static Long decodeLong(String nm) {
        return decode(nm, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long decode(String nm, long min, long max) {
        if (nm.isEmpty()) {
            throw new NumberFormatException("Zero length string");
        }
        int index = 0;
        boolean negative = false;
        char first = nm.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            index++;
        }
        int radix = 10;
        if (nm.startsWith("0x", index) || nm.startsWith("0X", index)) {
            index += 2;
            radix = 16;
        } else if (nm.startsWith("#", index)) {
            index++;
            radix = 16;
        } else if (nm.startsWith("0", index) && nm.length() > 1 + index) {
            index++;
            radix = 8;
        }
        if (nm.startsWith("-", index) || nm.startsWith("+", index)) {
            throw new NumberFormatException("Sign character in wrong position");
        }
        String digits = nm.substring(index);
        // the sign goes with the digits, so that MIN_VALUE parses
        return parse(negative ? "-" + digits : digits, radix, min, max);
    }

    private static int narrow(String s, int radix, int min, int max) {
        int v = parseInt(s, radix);
        if (v < min || v > max) {
            throw new NumberFormatException("Value out of range. Value:\"" + s + "\" Radix:" + radix);
        }
        return v;
    }

    private static long parse(String s, int radix, long min, long max) {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string");
        }
        if (radix < Character.MIN_RADIX) {
            throw new NumberFormatException("radix " + radix + " less than Character.MIN_RADIX");
        }
        if (radix > Character.MAX_RADIX) {
            throw new NumberFormatException("radix " + radix + " greater than Character.MAX_RADIX");
        }
        int len = s.length();
        int i = 0;
        boolean negative = false;
        if (len > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= len) {
            throw forInputString(s, radix);
        }
        // accumulate negatively: MIN_VALUE has no positive counterpart
        long limit = negative ? min : -max;
        long multmin = limit / radix;
        long result = 0;
        for (; i < len; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0 || result < multmin) {
                throw forInputString(s, radix);
            }
            result *= radix;
            if (result < limit + digit) {
                throw forInputString(s, radix);
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    private static NumberFormatException forInputString(String s, int radix) {
        return new NumberFormatException("For input string: \"" + s + "\"" + (radix == 10 ? "" : " under radix " + radix));
    }

    public static double parseDouble(String s) {
        return parseFloating(s, false);
    }

    public static float parseFloat(String s) {
        return (float) parseFloating(s, true);
    }

    /** A float result is exact in the double returned. */
    private static double parseFloating(String in, boolean isFloat) {
        if (in == null) {
            throw new NullPointerException("Cannot invoke \"String.length()\" because \"in\" is null");
        }
        String s = in.trim();
        if (s.isEmpty()) {
            throw new NumberFormatException("empty String");
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String rest = s.substring(i);
        if (rest.equals("NaN")) {
            return Double.NaN;
        }
        if (rest.equals("Infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double magnitude;
        if (rest.length() > 1 && rest.charAt(0) == '0' && (rest.charAt(1) == 'x' || rest.charAt(1) == 'X')) {
            magnitude = hex(s, rest.substring(2), isFloat);
        } else {
            magnitude = decimal(s, rest, isFloat);
        }
        return negative ? -magnitude : magnitude;
    }

    private static double decimal(String s, String t, boolean isFloat) {
        int end = withoutSuffix(t);
        StringBuilder digits = new StringBuilder();
        int i = 0;
        int fractionDigits = 0;
        boolean point = false;
        boolean any = false;
        for (; i < end; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                any = true;
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.') {
                if (point) {
                    throw new NumberFormatException("multiple points");
                }
                point = true;
            } else {
                break;
            }
        }
        if (!any) {
            throw forInputString(s, 10);
        }
        long exponent = 0;
        if (i < end) {
            char c = t.charAt(i);
            if (c != 'e' && c != 'E') {
                throw forInputString(s, 10);
            }
            exponent = exponent(s, t, i + 1, end);
        }
        BigInteger n = new BigInteger(digits.toString());
        if (n.signum() == 0) {
            return 0.0;
        }
        long e10 = exponent - fractionDigits;
        // far outside the range even for 10^5 digits: no need to compute with huge powers
        long magnitude10 = e10 + digits.length();
        if (magnitude10 > 400) {
            return Double.POSITIVE_INFINITY;
        }
        if (magnitude10 < -400) {
            return 0.0;
        }
        BigInteger num = n;
        BigInteger den = BigInteger.ONE;
        if (e10 >= 0) {
            num = num.multiply(BigInteger.TEN.pow((int) e10));
        } else {
            den = BigInteger.TEN.pow((int) -e10);
        }
        return round(num, den, 0, isFloat);
    }

    private static double hex(String s, String t, boolean isFloat) {
        int end = withoutSuffix(t);
        int p = -1;
        for (int i = 0; i < end; i++) {
            if (t.charAt(i) == 'p' || t.charAt(i) == 'P') {
                p = i;
                break;
            }
        }
        if (p < 0) {
            throw forInputString(s, 10);
        }
        StringBuilder digits = new StringBuilder();
        int fractionDigits = 0;
        boolean point = false;
        for (int i = 0; i < p; i++) {
            char c = t.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 128) {
                digits.append(c);
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                throw forInputString(s, 10);
            }
        }
        if (digits.isEmpty()) {
            throw forInputString(s, 10);
        }
        long exponent = exponent(s, t, p + 1, end);
        BigInteger n = new BigInteger(digits.toString(), 16);
        if (n.signum() == 0) {
            return 0.0;
        }
        long e2 = exponent - 4L * fractionDigits;
        if (e2 + n.bitLength() > 1100) {
            return Double.POSITIVE_INFINITY;
        }
        if (e2 + n.bitLength() < -1100) {
            return 0.0;
        }
        return round(n, BigInteger.ONE, (int) e2, isFloat);
    }

    /** The end of the literal without a float type suffix (f F d D). */
    private static int withoutSuffix(String t) {
        int end = t.length();
        if (end == 0) {
            return 0;
        }
        char last = t.charAt(end - 1);
        return last == 'f' || last == 'F' || last == 'd' || last == 'D' ? end - 1 : end;
    }

    /** A signed decimal exponent from t[from, end), saturated far beyond any finite result. */
    private static long exponent(String s, String t, int from, int end) {
        int i = from;
        boolean negative = false;
        if (i < end && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        if (i >= end) {
            throw forInputString(s, 10);
        }
        long v = 0;
        for (; i < end; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw forInputString(s, 10);
            }
            v = Math.min(v * 10 + (c - '0'), 100_000_000L);
        }
        return negative ? -v : v;
    }

    /** num / den x 2^e2 rounded to the nearest double or float, ties to even. */
    private static double round(BigInteger num, BigInteger den, int e2, boolean isFloat) {
        int precision = isFloat ? 24 : 53;
        int minQ = isFloat ? -149 : -1074; // the weight of the last bit of the smallest subnormal
        int maxBiased = isFloat ? 255 : 2047;
        int q = num.bitLength() - den.bitLength() + e2 - precision;
        while (true) {
            if (q < minQ) {
                q = minQ;
            }
            BigInteger n = num;
            BigInteger d = den;
            int shift = q - e2; // m = num / den / 2^shift
            if (shift >= 0) {
                d = d.shiftLeft(shift);
            } else {
                n = n.shiftLeft(-shift);
            }
            BigInteger[] qr = n.divideAndRemainder(d);
            BigInteger m = qr[0];
            int bits = m.bitLength();
            if (bits > precision) {
                q += bits - precision;
                continue;
            }
            if (bits < precision && q > minQ) {
                q -= precision - bits;
                continue;
            }
            int half = qr[1].shiftLeft(1).compareTo(d);
            long mant = m.longValue();
            if (half > 0 || (half == 0 && (mant & 1) != 0)) {
                mant++;
                if (mant == 1L << precision) {
                    mant >>= 1;
                    q++;
                }
            }
            if (mant == 0) {
                return 0.0;
            }
            boolean normal = mant >= 1L << (precision - 1);
            int biased = normal ? q + (precision - 1) + (isFloat ? 127 : 1023) : 0;
            if (biased >= maxBiased) {
                return Double.POSITIVE_INFINITY;
            }
            if (isFloat) {
                int fbits = normal ? (biased << 23) | (int) (mant & ((1 << 23) - 1)) : (int) mant;
                return Float.intBitsToFloat(fbits);
            }
            long dbits = normal ? ((long) biased << 52) | (mant & ((1L << 52) - 1)) : mant;
            return Double.longBitsToDouble(dbits);
        }
    }
}
