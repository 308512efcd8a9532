package dev.kiln.rt;

/**
 * Floating-point to integer conversions as JLS 5.1.3 defines them, called in place of every d2i,
 * d2l, f2i and f2l of an image (the builder's CastSaturation): NaN gives 0, a value at or beyond
 * a bound gives that bound. The casts below run only inside the target's range, where C's cast
 * (what TeaVM emits) is defined; this class is not rewritten itself.
 */
public final class KilnCasts {
    /** 2^31 and 2^63 are exact in both float and double. */
    private static final double TWO_31 = 2147483648.0;
    private static final double TWO_63 = 9223372036854775808.0;

    private KilnCasts() {
    }

    public static int d2i(double d) {
        if (d != d) {
            return 0;
        }
        if (d >= TWO_31) {
            return Integer.MAX_VALUE;
        }
        if (d <= -TWO_31) {
            return Integer.MIN_VALUE;
        }
        return (int) d;
    }

    public static long d2l(double d) {
        if (d != d) {
            return 0;
        }
        if (d >= TWO_63) {
            return Long.MAX_VALUE;
        }
        if (d <= -TWO_63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    public static int f2i(float f) {
        return d2i(f);
    }

    public static long f2l(float f) {
        return d2l(f);
    }
}
