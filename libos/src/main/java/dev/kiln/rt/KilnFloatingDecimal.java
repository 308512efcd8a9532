package dev.kiln.rt;

/**
 * Double.toString and Float.toString as the JDK (19 and later) specifies them: of the decimals that
 * round to the value (R), the shortest ones (length m; when m is 1, those of length 1 or 2), and of
 * those the closest to the value (a tie: the even significand); then printed plainly when
 * 10^-3 &lt;= d &lt; 10^7, else as d.ddd...E±n. TeaVM's StringBuilder.append(double) prints
 * 4.940656458412465E-324 for Double.MIN_VALUE (the JDK: 4.9E-324) and 9.999999999999999E22 for
 * 1.0E23. The builder replaces the bodies of TeaVM's AbstractStringBuilder.insert(int, double) and
 * insert(int, float), through which append, Double.toString, String.valueOf and string
 * concatenation all go.
 *
 * <p>The decimal is found with the Schubfach algorithm (R. Giulietti, "The Schubfach way to render
 * doubles"), in long arithmetic: a value is {@code c * 2^q}; its rounding interval, scaled by
 * {@code 4 * 10^-k} where 10^k is the largest power of ten not above the interval's width, is
 * computed from a 126-bit approximation g of a power of ten (one multiplication, rounded to odd,
 * which keeps the comparisons with the grid exact). On that scale the multiples of 4 are the
 * decimals of the grid 10^k: the value lies between s and s + 1, and at most one multiple of 10 of
 * the grid is inside R. No BigInteger: images that print a double do not carry it.
 *
 * <p>The powers of ten g(k) for every k a double or a float needs (-324..292) are computed exactly
 * on first use with a little multi-word arithmetic ({@link #powerTable}) rather than stored: the
 * image carries a few hundred bytes of code instead of a 10 KB table. KilnFloatingDecimalTest
 * checks the table against BigInteger and the results against HotSpot.
 */
public final class KilnFloatingDecimal {
    private static final long MASK_63 = (1L << 63) - 1;
    private static final long MASK_32 = (1L << 32) - 1;

    /** The k of the table: a double's interval scale 10^k runs from 10^-324 (subnormals) to 10^292. */
    static final int K_MIN = -324;
    static final int K_MAX = 292;

    /** g(k) = floor(10^-k * 2^(125 - floor(log2(10^-k)))) + 1 as {high 63 bits, low 63 bits}, from k = K_MIN. */
    private static long[] g;

    private KilnFloatingDecimal() {
    }

    public static String toString(double v) {
        long bits = Double.doubleToRawLongBits(v);
        boolean negative = bits < 0;
        int biased = (int) (bits >>> 52) & 0x7ff;
        long fraction = bits & ((1L << 52) - 1);
        if (biased == 0x7ff) {
            return fraction != 0 ? "NaN" : negative ? "-Infinity" : "Infinity";
        }
        if (biased != 0) {
            long c = (1L << 52) | fraction;
            int q = biased - 1075;
            if (q < 0 && q > -53 && (c & ((1L << -q) - 1)) == 0) {
                return text(negative, c >> -q, 0); // an integer: itself
            }
            return decimal(negative, c, q, 0, c == 1L << 52 && biased > 1, true);
        }
        if (fraction == 0) {
            return negative ? "-0.0" : "0.0";
        }
        // The smallest subnormals (c = 1, 2) are scaled by 10 so that the grid has two digits (s >= 10):
        // their shortest decimals have length 1, and the JDK then picks the closest of length 2.
        return fraction < 3 ? decimal(negative, 10 * fraction, -1074, -1, false, true)
                : decimal(negative, fraction, -1074, 0, false, true);
    }

    public static String toString(float v) {
        int bits = Float.floatToRawIntBits(v);
        boolean negative = bits < 0;
        int biased = (bits >>> 23) & 0xff;
        int fraction = bits & ((1 << 23) - 1);
        if (biased == 0xff) {
            return fraction != 0 ? "NaN" : negative ? "-Infinity" : "Infinity";
        }
        if (biased != 0) {
            int c = (1 << 23) | fraction;
            int q = biased - 150;
            if (q < 0 && q > -24 && (c & ((1 << -q) - 1)) == 0) {
                return text(negative, c >> -q, 0);
            }
            return decimal(negative, c, q, 0, c == 1 << 23 && biased > 1, false);
        }
        if (fraction == 0) {
            return negative ? "-0.0" : "0.0";
        }
        return fraction < 8 ? decimal(negative, 10L * fraction, -149, -1, false, false)
                : decimal(negative, fraction, -149, 0, false, false);
    }

    /**
     * The text of {@code c * 2^q} (c > 0).
     *
     * @param dk          added to the decimal's exponent (-1 where c was scaled by 10)
     * @param closerBelow the value is a power of two above the smallest normal: the next smaller value
     *                    is half as far as the next larger one, so the interval is narrower below
     * @param wide        a double (126-bit g), else a float (63-bit g)
     */
    private static String decimal(boolean negative, long c, int q, int dk, boolean closerBelow, boolean wide) {
        int open = (int) c & 1; // an odd significand: the interval's ends round away from the value
        long cb = c << 2; // the value, in units of 2^(q-2)
        long cbr = cb + 2;
        long cbl;
        int k;
        if (closerBelow) {
            cbl = cb - 1;
            k = floorLog10ThreeQuartersPow2(q);
        } else {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        }
        long[] table = powerTable();
        int i = 2 * (k - K_MIN);
        long g1 = table[i];
        long g0 = table[i + 1];
        int h = q + floorLog2Pow10(-k) + (wide ? 2 : 33);
        long vb;
        long vbl;
        long vbr;
        if (wide) {
            vb = roundToOdd(g1, g0, cb << h);
            vbl = roundToOdd(g1, g0, cbl << h);
            vbr = roundToOdd(g1, g0, cbr << h);
        } else {
            vb = roundToOdd(g1 + 1, cb << h);
            vbl = roundToOdd(g1 + 1, cbl << h);
            vbr = roundToOdd(g1 + 1, cbr << h);
        }
        // On this scale the value is vb / 4 grid steps of 10^k, the interval [vbl, vbr] / 4.
        long s = vb >> 2;
        if (s >= 100) {
            // At most one multiple of 10 steps (a shorter decimal) lies in the interval: if so, it is the one.
            long sp10 = 10 * (s / 10);
            long tp10 = sp10 + 10;
            boolean upIn = vbl + open <= sp10 << 2;
            boolean wpIn = (tp10 << 2) + open <= vbr;
            if (upIn != wpIn) {
                return text(negative, upIn ? sp10 : tp10, k + dk);
            }
        }
        long t = s + 1;
        boolean uIn = vbl + open <= s << 2;
        boolean wIn = (t << 2) + open <= vbr;
        if (uIn != wIn) {
            return text(negative, uIn ? s : t, k + dk);
        }
        // both in: the closer one, the even one on a tie
        long cmp = vb - ((s + t) << 1);
        return text(negative, cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k + dk);
    }

    /** Round to odd of g * cp / 2^127, g = g1 * 2^63 + g0 (g1, g0, cp non-negative). */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1; // the bits below 2^127, in units of 2^64 of the product / 2^63
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    /** Round to odd of g * cp / 2^95 (g, cp non-negative). */
    private static long roundToOdd(long g, long cp) {
        long x1 = multiplyHigh(g, cp);
        return (x1 >>> 31) | ((x1 & MASK_32) + MASK_32) >>> 32;
    }

    /** The high 64 bits of the 128-bit product of two non-negative longs. */
    static long multiplyHigh(long x, long y) {
        long xh = x >>> 32;
        long xl = x & MASK_32;
        long yh = y >>> 32;
        long yl = y & MASK_32;
        long lowLow = xl * yl;
        long mid = xh * yl + (lowLow >>> 32);
        long mid2 = xl * yh + (mid & MASK_32);
        return xh * yh + (mid >>> 32) + (mid2 >>> 32);
    }

    // floor(log10(2^q)), floor(log10(3/4 * 2^q)) and floor(log2(10^e)) in fixed point (2^32), exact
    // for |q| <= 1200 and |e| <= 400 (checked exhaustively by KilnFloatingDecimalTest).

    static int floorLog10Pow2(int q) {
        return (int) (q * 1292913986L >> 32);
    }

    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) (q * 1292913986L - 536607788L >> 32);
    }

    static int floorLog2Pow10(int e) {
        return (int) (e * 14267572527L >> 32);
    }

    /** The table of g(k), computed on first use. */
    static long[] powerTable() {
        long[] t = g;
        if (t == null) {
            t = computePowerTable();
            g = t;
        }
        return t;
    }

    /**
     * g(k) for every k, exactly: for k <= 0, 10^-k is an integer (computed by multiplying by ten) and
     * g its top 126 bits plus one; for k > 0, floor(2^N / 10^k) is computed by dividing 2^N by ten k
     * times (nested floor divisions by integers are exact), and g is its bits from the one worth
     * 2^(126 + floor(log2(10^k))) down, plus one. Words are 32-bit, least significant first.
     */
    private static long[] computePowerTable() {
        long[] t = new long[2 * (K_MAX - K_MIN + 1)];
        int[] power = new int[35]; // 10^324 < 2^1077
        power[0] = 1;
        for (int e = 0; e <= -K_MIN; e++) {
            if (e > 0) {
                multiplyByTen(power);
            }
            int length = bitLength(power);
            store(t, -e, power, length - 126);
        }
        int n = 1120; // above 126 + floor(log2(10^292)) = 1095
        int[] quotient = new int[n / 32 + 1];
        quotient[n / 32] = 1 << (n % 32);
        for (int k = 1; k <= K_MAX; k++) {
            divideByTen(quotient);
            // 10^-k * 2^(125 - floor(log2(10^-k))) = 2^(126 + floor(k log2 10)) / 10^k
            store(t, k, quotient, n - 126 - floorLog2Pow10(k));
        }
        return t;
    }

    /** g(k) = (the 126 bits of {@code words} from bit {@code from} up: floor(x / 2^from)) + 1. */
    private static void store(long[] table, int k, int[] words, int from) {
        long high = 0;
        long low = 0;
        for (int b = 125; b >= 0; b--) {
            int at = from + b;
            long bit = at >= 0 && at < 32 * words.length ? (words[at >>> 5] >>> (at & 31)) & 1 : 0;
            if (b >= 63) {
                high = (high << 1) | bit;
            } else {
                low = (low << 1) | bit;
            }
        }
        low++;
        if (low < 0) { // past 63 bits: carry
            low = 0;
            high++;
        }
        int i = 2 * (k - K_MIN);
        table[i] = high;
        table[i + 1] = low;
    }

    private static void multiplyByTen(int[] words) {
        long carry = 0;
        for (int i = 0; i < words.length; i++) {
            long x = (words[i] & MASK_32) * 10 + carry;
            words[i] = (int) x;
            carry = x >>> 32;
        }
    }

    private static void divideByTen(int[] words) {
        long remainder = 0;
        for (int i = words.length - 1; i >= 0; i--) {
            long x = (remainder << 32) | (words[i] & MASK_32);
            words[i] = (int) (x / 10);
            remainder = x % 10;
        }
    }

    private static int bitLength(int[] words) {
        for (int i = words.length - 1; i >= 0; i--) {
            if (words[i] != 0) {
                return 32 * i + 32 - Integer.numberOfLeadingZeros(words[i]);
            }
        }
        return 0;
    }

    /**
     * {@code f * 10^e} (f > 0) as the JDK writes it: trailing zeros dropped, plain for
     * 10^-3 &lt;= d &lt; 10^7, else computerized scientific notation; at least one fraction digit.
     */
    private static String text(boolean negative, long f, int e) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        char[] digits = new char[19];
        int n = 0;
        for (long x = f; x != 0; x /= 10) {
            digits[n++] = (char) ('0' + (int) (x % 10));
        }
        // digits[n-1..0] are the significand's digits, most significant first
        int exp10 = n + e - 1; // the value is d.ddd x 10^exp10
        char[] out = new char[n + 12];
        int p = 0;
        if (negative) {
            out[p++] = '-';
        }
        if (exp10 >= -3 && exp10 < 7) {
            if (exp10 < 0) {
                out[p++] = '0';
                out[p++] = '.';
                for (int z = -1; z > exp10; z--) {
                    out[p++] = '0';
                }
                for (int i = n - 1; i >= 0; i--) {
                    out[p++] = digits[i];
                }
            } else {
                for (int i = n - 1, pos = 0; pos <= exp10; i--, pos++) {
                    out[p++] = i >= 0 ? digits[i] : '0';
                }
                out[p++] = '.';
                if (n > exp10 + 1) {
                    for (int i = n - 1 - (exp10 + 1); i >= 0; i--) {
                        out[p++] = digits[i];
                    }
                } else {
                    out[p++] = '0';
                }
            }
            return new String(out, 0, p);
        }
        out[p++] = digits[n - 1];
        out[p++] = '.';
        if (n > 1) {
            for (int i = n - 2; i >= 0; i--) {
                out[p++] = digits[i];
            }
        } else {
            out[p++] = '0';
        }
        out[p++] = 'E';
        if (exp10 < 0) {
            out[p++] = '-';
            exp10 = -exp10;
        }
        if (exp10 >= 100) {
            out[p++] = (char) ('0' + exp10 / 100);
        }
        if (exp10 >= 10) {
            out[p++] = (char) ('0' + exp10 / 10 % 10);
        }
        out[p++] = (char) ('0' + exp10 % 10);
        return new String(out, 0, p);
    }
}
