package dev.kiln.rt;

import org.teavm.interop.Import;

/**
 * java.lang.Math's functions that TeaVM computes with a formula of other functions, each losing
 * accuracy (log10 as log(x) / ln 10: Math.log10(1000) was 2.9999999999999996, where the Javadoc
 * promises exactly n for 10^n; cbrt as pow(x, 1/3); sinh, cosh, tanh from exp; expm1 as exp(x) - 1;
 * log1p as log(1 + x); hypot as sqrt(x*x + y*y), which overflows). These are musl's, derived from
 * fdlibm, within the ulp bounds of the Javadoc. The builder gives Math's methods these bodies
 * (NumberRewrite); TeaVM's StrictMath calls Math's.
 */
public final class KilnMath {
    private KilnMath() {
    }

    @Import(name = "log10")
    public static native double log10(double a);

    @Import(name = "cbrt")
    public static native double cbrt(double a);

    @Import(name = "sinh")
    public static native double sinh(double a);

    @Import(name = "cosh")
    public static native double cosh(double a);

    @Import(name = "tanh")
    public static native double tanh(double a);

    @Import(name = "expm1")
    public static native double expm1(double a);

    @Import(name = "log1p")
    public static native double log1p(double a);

    @Import(name = "hypot")
    public static native double hypot(double a, double b);
}
