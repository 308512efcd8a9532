package dev.kiln.rt;

import org.teavm.interop.Import;

/**
 * java.lang.Math's methods where TeaVM's differ from HotSpot's; the builder gives Math's methods these
 * bodies (NumberRewrite). Two kinds:
 * <ul>
 * <li>log10, cbrt, tanh, pow, which HotSpot 25 computes with x86_64 intrinsics of its own (not
 *     StrictMath's fdlibm), so no image matches it bit for bit without those algorithms: musl's,
 *     within the Javadoc's ulp bounds. TeaVM computed log10 as log(x) / ln 10 (Math.log10(1000) was
 *     2.9999999999999996, where the Javadoc promises exactly n for 10^n), cbrt as pow(x, 1/3), tanh
 *     from exp; pow keeps the Javadoc's special cases where C99 differs.</li>
 * <li>scalb, nextUp, nextDown, nextAfter, toRadians, toDegrees, powerOfTwoD: exact, in Java, written
 *     from the Javadoc; the JDK's StrictMath (compiled into images from the JDK's bytecode) calls them.</li>
 * </ul>
 * The Math methods HotSpot delegates to StrictMath (sinh, cosh, expm1, log1p, hypot, asin...) call the
 * JDK's StrictMath instead.
 */
public final class KilnMath {
    private KilnMath() {
    }

    @Import(name = "log10")
    public static native double log10(double a);

    @Import(name = "cbrt")
    public static native double cbrt(double a);

    @Import(name = "tanh")
    public static native double tanh(double a);

    // ---- scalb, nextUp, nextDown, nextAfter: TeaVM's overflow, round wrongly into subnormals and mishandle
    // NaN and negative subnormals (Math.scalb(1.0, 1000) was Infinity, nextAfter(x, NaN) not NaN, nextDown of
    // -Double.MIN_VALUE unchanged). The JDK's StrictMath (fdlibm) calls Math.scalb, so it needs them exact.
    // Written from the Javadoc: scalb is one correctly rounded multiplication by 2^n.

    public static double scalb(double d, int n) {
        if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        long scale = n;
        if (exponentOf(d) < Double.MIN_EXPONENT) { // subnormal: made normal, exactly
            d *= 0x1p54;
            scale -= 54;
        }
        long exponent = exponentOf(d) + scale;
        if (exponent > Double.MAX_EXPONENT) {
            return Math.copySign(Double.POSITIVE_INFINITY, d);
        }
        if (exponent >= Double.MIN_EXPONENT) { // a normal result: only the exponent bits change
            return withExponent(d, (int) exponent);
        }
        if (exponent < Double.MIN_EXPONENT - 54) { // below half of Double.MIN_VALUE: rounds to zero
            return Math.copySign(0.0, d);
        }
        // a subnormal result: made exactly 2^1022 times too large, then one multiplication rounds it
        return withExponent(d, (int) exponent - Double.MIN_EXPONENT) * Double.MIN_NORMAL;
    }

    /** The unbiased exponent of {@code d}'s bits (Double.MIN_EXPONENT - 1 for zero and subnormals). */
    private static int exponentOf(double d) {
        return (int) ((Double.doubleToRawLongBits(d) >>> 52) & 0x7ff) - 1023;
    }

    /** {@code d} (normal) with its unbiased exponent replaced by {@code exponent} (in the normal range). */
    private static double withExponent(double d, int exponent) {
        long bits = Double.doubleToRawLongBits(d) & ~(0x7ffL << 52);
        return Double.longBitsToDouble(bits | ((long) (exponent + 1023) << 52));
    }

    public static float scalb(float f, int n) {
        // f times 2^n is exact in double for |n| <= 300 (float exponents are -149..127), and the
        // conversion to float rounds once; beyond 300 any nonzero float over- or underflows anyway
        int k = Math.max(-300, Math.min(300, n));
        return (float) (f * scalb(1.0, k));
    }

    public static double nextUp(double d) {
        if (Double.isNaN(d) || d == Double.POSITIVE_INFINITY) {
            return d;
        }
        if (d == 0) {
            return Double.MIN_VALUE;
        }
        long bits = Double.doubleToRawLongBits(d);
        return Double.longBitsToDouble(d > 0 ? bits + 1 : bits - 1);
    }

    public static double nextDown(double d) {
        if (Double.isNaN(d) || d == Double.NEGATIVE_INFINITY) {
            return d;
        }
        if (d == 0) {
            return -Double.MIN_VALUE;
        }
        long bits = Double.doubleToRawLongBits(d);
        return Double.longBitsToDouble(d > 0 ? bits - 1 : bits + 1);
    }

    public static double nextAfter(double start, double direction) {
        if (Double.isNaN(start) || Double.isNaN(direction)) {
            return start + direction;
        }
        if (start == direction) {
            return direction;
        }
        return start < direction ? nextUp(start) : nextDown(start);
    }

    public static float nextUp(float f) {
        if (Float.isNaN(f) || f == Float.POSITIVE_INFINITY) {
            return f;
        }
        if (f == 0) {
            return Float.MIN_VALUE;
        }
        int bits = Float.floatToRawIntBits(f);
        return Float.intBitsToFloat(f > 0 ? bits + 1 : bits - 1);
    }

    public static float nextDown(float f) {
        if (Float.isNaN(f) || f == Float.NEGATIVE_INFINITY) {
            return f;
        }
        if (f == 0) {
            return -Float.MIN_VALUE;
        }
        int bits = Float.floatToRawIntBits(f);
        return Float.intBitsToFloat(f > 0 ? bits - 1 : bits + 1);
    }

    public static float nextAfter(float start, double direction) {
        if (Float.isNaN(start) || Double.isNaN(direction)) {
            return (float) (start + direction);
        }
        if (start == direction) {
            return (float) direction;
        }
        return start < direction ? nextUp(start) : nextDown(start);
    }

    @Import(name = "pow")
    private static native double cPow(double x, double y);

    /**
     * Math.pow: musl's (HotSpot's is an intrinsic of its own), except where C99 and the Javadoc
     * disagree: C gives 1 for pow(1, NaN) and pow(±1, ±Infinity), Java NaN.
     */
    public static double pow(double x, double y) {
        if (Double.isNaN(y) || (Double.isInfinite(y) && Math.abs(x) == 1.0)) {
            return Double.NaN;
        }
        return cPow(x, y);
    }

    /**
     * Math.toRadians as HotSpot computes it: one multiplication by the double nearest pi/180 (TeaVM
     * divides by 180 and multiplies by pi: two roundings, the last bit differed for some angles).
     */
    public static double toRadians(double angdeg) {
        return angdeg * (Math.PI / 180.0);
    }

    /** Math.toDegrees likewise: one multiplication by the double nearest 180/pi. */
    public static double toDegrees(double angrad) {
        return angrad * (180.0 / Math.PI);
    }

    /**
     * Math.powerOfTwoD, package-private in the JDK and absent from TeaVM's Math, which the JDK's
     * StrictMath (FdLibm.Hypot) calls: 2^n as a double, for n in the normal range
     * [Double.MIN_EXPONENT, Double.MAX_EXPONENT], built from its exponent bits.
     */
    public static double powerOfTwoD(int n) {
        if (n < Double.MIN_EXPONENT || n > Double.MAX_EXPONENT) {
            throw new IllegalArgumentException("2^" + n + " is not a normal double");
        }
        return Double.longBitsToDouble((long) (n + 1023) << 52);
    }
}
