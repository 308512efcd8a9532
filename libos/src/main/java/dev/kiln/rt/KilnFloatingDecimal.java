package dev.kiln.rt;

import java.math.BigInteger;

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
 * <p>Written from the Javadoc's specification, with exact integer arithmetic: a value is
 * {@code n * 2^(e-2)} with n = 4 * significand, its rounding interval {@code [n - lo, n + 2]} in the
 * same unit (lo is 1 below a power of two, where the next smaller value is half as far), its ends
 * included when the significand is even (round half to even). A decimal {@code c * 10^q} is
 * compared with it after scaling both to integers.
 */
public final class KilnFloatingDecimal {
    private static final BigInteger TEN = BigInteger.TEN;

    private static final BigInteger[] POWERS = new BigInteger[360];

    private KilnFloatingDecimal() {
    }

    private static BigInteger pow10(int k) {
        if (k >= POWERS.length) {
            return TEN.pow(k);
        }
        BigInteger p = POWERS[k];
        if (p == null) {
            p = TEN.pow(k);
            POWERS[k] = p;
        }
        return p;
    }

    public static String toString(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        long bits = Double.doubleToRawLongBits(v);
        String sign = bits < 0 ? "-" : "";
        if (v == 0) {
            return sign + "0.0";
        }
        double abs = Math.abs(v);
        if (abs < 0x1p53 && (double) (long) abs == abs) {
            // an integer below 2^53: no other decimal of its length or shorter is within half an ulp
            return sign + format(new Decimal(BigInteger.valueOf((long) abs), 0));
        }
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & ((1L << 52) - 1);
        long significand = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = (biased == 0 ? 1 : biased) - 1075;
        boolean closerBelow = biased > 1 && fraction == 0;
        return sign + format(shortest(significand, exponent, closerBelow));
    }

    public static String toString(float v) {
        if (Float.isNaN(v)) {
            return "NaN";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        int bits = Float.floatToRawIntBits(v);
        String sign = bits < 0 ? "-" : "";
        if (v == 0) {
            return sign + "0.0";
        }
        float abs = Math.abs(v);
        if (abs < 0x1p24f && (float) (int) abs == abs) {
            return sign + format(new Decimal(BigInteger.valueOf((int) abs), 0));
        }
        int biased = (bits >>> 23) & 0xff;
        int fraction = bits & ((1 << 23) - 1);
        long significand = biased == 0 ? fraction : fraction | (1 << 23);
        int exponent = (biased == 0 ? 1 : biased) - 150;
        boolean closerBelow = biased > 1 && fraction == 0;
        return sign + format(shortest(significand, exponent, closerBelow));
    }

    /** A decimal c * 10^q. */
    private record Decimal(BigInteger c, int q) {
    }

    /** The decimal the Javadoc selects for significand * 2^exponent (positive). */
    private static Decimal shortest(long significand, int exponent, boolean closerBelow) {
        Interval r = new Interval(significand, exponent, closerBelow);
        int decade = r.decade();
        // the minimal length m: decimals of length <= L in R exist for every L >= m
        int low = 1;
        int high = 18;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (r.closest(decade, mid) != null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return r.closest(decade, Math.max(low, 2));
    }

    private static final class Interval {
        final boolean inclusive;
        final int e2; // unit 2^e2
        final BigInteger n;
        final BigInteger lo;
        final BigInteger hi;

        Interval(long significand, int exponent, boolean closerBelow) {
            inclusive = (significand & 1) == 0;
            e2 = exponent - 2;
            n = BigInteger.valueOf(significand).shiftLeft(2);
            lo = n.subtract(BigInteger.valueOf(closerBelow ? 1 : 2));
            hi = n.add(BigInteger.TWO);
        }

        /** k with 10^k <= value < 10^(k+1). */
        int decade() {
            double estimate = (n.bitLength() - 1 + e2) * 0.30102999566398120;
            int k = (int) Math.floor(estimate);
            while (compare(BigInteger.ONE, k, n) > 0) {
                k--;
            }
            while (compare(BigInteger.ONE, k + 1, n) <= 0) {
                k++;
            }
            return k;
        }

        /** Sign of c * 10^q - m * 2^e2. */
        int compare(BigInteger c, int q, BigInteger m) {
            BigInteger[] s = scaled(c, q, m);
            return s[0].compareTo(s[1]);
        }

        /** c * 10^q and m * 2^e2, both multiplied by the same positive factor to make them integers. */
        BigInteger[] scaled(BigInteger c, int q, BigInteger m) {
            BigInteger left = c;
            BigInteger right = m;
            if (q >= 0) {
                left = left.multiply(pow10(q));
            } else {
                right = right.multiply(pow10(-q));
            }
            if (e2 >= 0) {
                right = right.shiftLeft(e2);
            } else {
                left = left.shiftLeft(-e2);
            }
            return new BigInteger[] {left, right};
        }

        /**
         * Of the decimals of length at most {@code length} in this interval, the one closest to the
         * value (a tie: the even one); null if there is none.
         */
        Decimal closest(int decade, int length) {
            Decimal best = null;
            BigInteger bestDistance = null;
            BigInteger bestScale = null;
            // the decades of the interval's ends (the interval is narrower than a factor of 3)
            int first = compare(BigInteger.ONE, decade, lo) > 0 ? decade - 1 : decade;
            int last = compare(BigInteger.ONE, decade + 1, hi) <= 0 ? decade + 1 : decade;
            for (int k = first; k <= last; k++) {
                int q = k - length + 1;
                // the grid c * 10^q with 10^(length-1) <= c < 10^length covers [10^k, 10^(k+1))
                BigInteger[] unit = scaled(BigInteger.ONE, q, BigInteger.ONE); // 10^q and 2^e2, scaled
                BigInteger a = unit[0];
                BigInteger b = unit[1];
                BigInteger cMin = pow10(length - 1);
                BigInteger cMax = pow10(length).subtract(BigInteger.ONE);
                BigInteger lower = bound(lo.multiply(b), a, true);
                BigInteger upper = bound(hi.multiply(b), a, false);
                lower = lower.max(cMin);
                upper = upper.min(cMax);
                if (lower.compareTo(upper) > 0) {
                    continue;
                }
                BigInteger x = n.multiply(b); // the value is x / a grid steps
                BigInteger[] qr = x.divideAndRemainder(a);
                BigInteger c = qr[0];
                int half = qr[1].shiftLeft(1).compareTo(a);
                if (half > 0 || (half == 0 && c.testBit(0))) {
                    c = c.add(BigInteger.ONE);
                }
                c = c.max(lower).min(upper);
                // distance in units of 1 / (a * b-free scale): |c*a - x| over a common denominator a
                BigInteger distance = c.multiply(a).subtract(x).abs();
                if (best == null || distance.multiply(bestScale).compareTo(bestDistance.multiply(b)) < 0) {
                    best = new Decimal(c, q);
                    bestDistance = distance;
                    bestScale = b;
                }
            }
            return best;
        }

        /** The smallest (lower end) or largest (upper end) c with c * a within the end value v. */
        BigInteger bound(BigInteger v, BigInteger a, boolean lowerEnd) {
            BigInteger[] qr = v.divideAndRemainder(a);
            boolean exact = qr[1].signum() == 0;
            if (lowerEnd) {
                return exact && inclusive ? qr[0] : qr[0].add(BigInteger.ONE);
            }
            return exact && !inclusive ? qr[0].subtract(BigInteger.ONE) : qr[0];
        }
    }

    /** Plain for 10^-3 <= d < 10^7, else computerized scientific notation; at least one fraction digit. */
    private static String format(Decimal d) {
        String digits = d.c().toString();
        int q = d.q();
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
            q++;
        }
        digits = digits.substring(0, end);
        int exp10 = digits.length() + q - 1; // d = digits[0].digits[1..] x 10^exp10
        StringBuilder sb = new StringBuilder(26);
        if (exp10 >= -3 && exp10 < 7) {
            if (exp10 < 0) {
                sb.append("0.");
                for (int i = -1; i > exp10; i--) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (digits.length() > exp10 + 1) {
                sb.append(digits, 0, exp10 + 1).append('.').append(digits, exp10 + 1, digits.length());
            } else {
                sb.append(digits);
                for (int i = digits.length(); i <= exp10; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            }
            return sb.toString();
        }
        sb.append(digits.charAt(0)).append('.');
        sb.append(digits.length() > 1 ? digits.substring(1) : "0");
        sb.append('E').append(exp10);
        return sb.toString();
    }
}
