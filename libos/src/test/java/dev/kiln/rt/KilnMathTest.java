package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * KilnMath's Java methods (the ones that are not C's libm) against the JDK's Math on HotSpot, bit
 * for bit: the JDK's StrictMath, compiled into images, calls Math.scalb and friends, so these must be
 * exact. Inputs: special values, every power of two, their neighbours, and seeded random bit patterns
 * with scales across the whole range (overflow, subnormal results, ties to even when rounding into
 * subnormals). The conformance programs NumStrictMath and NumMathDelegates check them in an image.
 */
class KilnMathTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Double.MIN_NORMAL - Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 1.5, 0.75, 1e300, 1e-300};
    private static final int[] SCALES = {0, 1, -1, 52, -52, 54, -54, 896, 1000, -1000, 1022, -1022, 1023, -1023, 1074,
        -1074, 1075, -1075, 1076, -1076, 2098, -2098, 2099, -2099, Integer.MAX_VALUE, Integer.MIN_VALUE, 149, -149, 150, -150, 277, -277};

    private static double[] inputs() {
        SplittableRandom r = new SplittableRandom(13);
        double[] xs = new double[SPECIAL.length + 2 * 2098 * 3 + 20000];
        int n = 0;
        for (double s : SPECIAL) {
            xs[n++] = s;
        }
        for (int e = -1074; e < 1024; e++) {
            double p = Math.scalb(1.0, e);
            xs[n++] = p;
            xs[n++] = -Math.nextUp(p);
            xs[n++] = Math.nextDown(p);
            xs[n++] = -p * 1.5;
            xs[n++] = Math.scalb(1.0 + 0x1p-52, e);
            xs[n++] = -Math.scalb(1.75, Math.max(e, -1022));
        }
        while (n < xs.length) {
            xs[n++] = Double.longBitsToDouble(r.nextLong());
        }
        return xs;
    }

    private static void same(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what);
    }

    private static void same(float expected, float actual, String what) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), what);
    }

    @Test
    void scalbIsOneCorrectlyRoundedMultiplication() {
        SplittableRandom r = new SplittableRandom(5);
        for (double x : inputs()) {
            for (int n : SCALES) {
                same(Math.scalb(x, n), KilnMath.scalb(x, n), "scalb(" + x + ", " + n + ")");
                same(Math.scalb((float) x, n), KilnMath.scalb((float) x, n), "scalb(" + (float) x + "f, " + n + ")");
            }
            int n = r.nextInt(-2200, 2200);
            same(Math.scalb(x, n), KilnMath.scalb(x, n), "scalb(" + x + ", " + n + ")");
            int k = r.nextInt(-320, 320);
            same(Math.scalb((float) x, k), KilnMath.scalb((float) x, k), "scalb(" + (float) x + "f, " + k + ")");
        }
    }

    @Test
    void nextUpNextDownAndNextAfterAreTheNeighbours() {
        double[] directions = {0.0, -0.0, Double.NaN, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        for (double x : inputs()) {
            float f = (float) x;
            same(Math.nextUp(x), KilnMath.nextUp(x), "nextUp(" + x + ")");
            same(Math.nextDown(x), KilnMath.nextDown(x), "nextDown(" + x + ")");
            same(Math.nextUp(f), KilnMath.nextUp(f), "nextUp(" + f + "f)");
            same(Math.nextDown(f), KilnMath.nextDown(f), "nextDown(" + f + "f)");
            for (double d : directions) {
                same(Math.nextAfter(x, d), KilnMath.nextAfter(x, d), "nextAfter(" + x + ", " + d + ")");
                same(Math.nextAfter(f, d), KilnMath.nextAfter(f, d), "nextAfter(" + f + "f, " + d + ")");
            }
            same(Math.nextAfter(x, x), KilnMath.nextAfter(x, x), "nextAfter(x, x)");
            same(Math.nextAfter(f, (double) f), KilnMath.nextAfter(f, (double) f), "nextAfter(f, f)");
        }
    }

    @Test
    void degreesAndRadiansAreOneMultiplication() {
        for (double x : inputs()) {
            same(Math.toRadians(x), KilnMath.toRadians(x), "toRadians(" + x + ")");
            same(Math.toDegrees(x), KilnMath.toDegrees(x), "toDegrees(" + x + ")");
        }
    }

    @Test
    void powerOfTwoDCoversTheNormalRange() {
        for (int n = Double.MIN_EXPONENT; n <= Double.MAX_EXPONENT; n++) {
            same(Math.scalb(1.0, n), KilnMath.powerOfTwoD(n), "2^" + n);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> KilnMath.powerOfTwoD(1024));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> KilnMath.powerOfTwoD(-1023));
    }
}
