package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * KilnFloatingDecimal (Schubfach, no BigInteger) against HotSpot's Double.toString and
 * Float.toString, and its table and fixed-point logarithms against exact arithmetic.
 */
class KilnFloatingDecimalTest {
    private static void same(double d) {
        String expected = Double.toString(d);
        String actual = KilnFloatingDecimal.toString(d);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, "bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d)));
        }
    }

    private static void same(float f) {
        String expected = Float.toString(f);
        String actual = KilnFloatingDecimal.toString(f);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, "bits 0x" + Integer.toHexString(Float.floatToRawIntBits(f)));
        }
    }

    @Test
    void theTableIsTheExactPowersOfTen() {
        long[] table = KilnFloatingDecimal.powerTable();
        for (int k = KilnFloatingDecimal.K_MIN; k <= KilnFloatingDecimal.K_MAX; k++) {
            // g = floor(10^-k * 2^r) + 1 with 2^125 <= 10^-k * 2^r < 2^126
            int r = 125 - KilnFloatingDecimal.floorLog2Pow10(-k);
            BigInteger scaled;
            if (k <= 0) {
                BigInteger p = BigInteger.TEN.pow(-k);
                scaled = r >= 0 ? p.shiftLeft(r) : p.shiftRight(-r);
            } else {
                scaled = BigInteger.ONE.shiftLeft(r).divide(BigInteger.TEN.pow(k));
            }
            assertEquals(126, scaled.bitLength(), "k=" + k);
            BigInteger g = scaled.add(BigInteger.ONE);
            BigInteger mask = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
            int i = 2 * (k - KilnFloatingDecimal.K_MIN);
            assertEquals(g.shiftRight(63).longValueExact(), table[i], "g1 of k=" + k);
            assertEquals(g.and(mask).longValueExact(), table[i + 1], "g0 of k=" + k);
        }
    }

    @Test
    void theFixedPointLogarithmsAreExact() {
        BigDecimal three = BigDecimal.valueOf(3);
        for (int q = -1200; q <= 1200; q++) {
            BigDecimal p2 = q >= 0 ? new BigDecimal(BigInteger.TWO.pow(q)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-q)));
            int k = KilnFloatingDecimal.floorLog10Pow2(q);
            assertEquals(true, BigDecimal.ONE.scaleByPowerOfTen(k).compareTo(p2) <= 0 && BigDecimal.ONE.scaleByPowerOfTen(k + 1).compareTo(p2) > 0, "q=" + q);
            BigDecimal tq = p2.multiply(three).divide(BigDecimal.valueOf(4));
            int k3 = KilnFloatingDecimal.floorLog10ThreeQuartersPow2(q);
            assertEquals(true, BigDecimal.ONE.scaleByPowerOfTen(k3).compareTo(tq) <= 0 && BigDecimal.ONE.scaleByPowerOfTen(k3 + 1).compareTo(tq) > 0, "3/4 q=" + q);
        }
        for (int e = -400; e <= 400; e++) {
            int r = KilnFloatingDecimal.floorLog2Pow10(e);
            BigDecimal p10 = BigDecimal.ONE.scaleByPowerOfTen(e);
            BigDecimal lo = r >= 0 ? new BigDecimal(BigInteger.TWO.pow(r)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-r)));
            BigDecimal hi = lo.multiply(BigDecimal.valueOf(2));
            assertEquals(true, lo.compareTo(p10) <= 0 && hi.compareTo(p10) > 0, "e=" + e);
        }
    }

    @Test
    void multiplyHighIsTheHighHalfOfTheProduct() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long x = r.nextLong() >>> r.nextInt(1, 64);
            long y = r.nextLong() >>> r.nextInt(1, 64);
            assertEquals(Math.multiplyHigh(x, y), KilnFloatingDecimal.multiplyHigh(x, y));
        }
        assertEquals(Math.multiplyHigh(Long.MAX_VALUE, Long.MAX_VALUE), KilnFloatingDecimal.multiplyHigh(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void edgeCasesAreHotSpots() {
        double[] doubles = {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Math.nextUp(Double.MIN_NORMAL), 1.0E23, 2.0E-3, 1.0E-3, 0.001, 9.999999999999999E-4,
            1.0E7, 9999999.999999998, 9999999.999999999, 0x1p53, 0x1p53 + 2, 0x1p52 + 1, 9007199254740993.0, 2e22, 8.41e21, 5e-324,
            100, 1.0 / 3, 0.1, 0.2, 0.3, 0.1 + 0.2, 1, -1, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 123456789012345680.0, 1.0E-5, 4.35, 2.82879384806159E17, 1.387364135037754E18,
            1.45800632428665E17, 1.9400994884341945E25, 5.684341886080802E-14, 1.0E-322};
        for (double d : doubles) {
            same(d);
            same(-d);
        }
        float[] floats = {Float.MIN_VALUE, 2 * Float.MIN_VALUE, 7 * Float.MIN_VALUE, 8 * Float.MIN_VALUE, Float.MAX_VALUE,
            Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), 1.0E7f, 9999999.0f, 1.0E-3f, 2.0E-3f, 0.1f, 0.3f, 1.0E23f,
            16777216f, 16777217f, 3.4028235E38f, 1.4E-45f, 0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, 2.0E-45f};
        for (float f : floats) {
            same(f);
            same(-f);
        }
        for (int e = -325; e <= 309; e++) { // every power of ten and its neighbours
            double d = Double.parseDouble("1e" + e);
            same(d);
            same(Math.nextUp(d));
            same(Math.nextDown(d));
        }
        for (int e = -46; e <= 39; e++) {
            float f = Float.parseFloat("1e" + e);
            same(f);
            same(Math.nextUp(f));
            same(Math.nextDown(f));
        }
        for (int e = -1074; e <= 1023; e++) { // every power of two (the intervals that are narrower below)
            double d = Math.scalb(1.0, e);
            same(d);
            same(Math.nextUp(d));
            same(Math.nextDown(d));
        }
        for (int e = -149; e <= 127; e++) {
            float f = Math.scalb(1.0f, e);
            same(f);
            same(Math.nextUp(f));
            same(Math.nextDown(f));
        }
        for (long bits = 0; bits < 100_000; bits++) { // the smallest subnormals
            same(Double.longBitsToDouble(bits));
            same(Float.intBitsToFloat((int) bits));
        }
        for (long i = 0; i < 100_000; i++) { // integers and halves
            same((double) i);
            same(i + 0.5);
            same((float) i);
        }
    }

    @Test
    void millionsOfRandomBitPatternsAreHotSpots() {
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 3_000_000; i++) {
            same(Double.longBitsToDouble(r.nextLong()));
            same(Float.intBitsToFloat(r.nextInt()));
        }
        for (int i = 0; i < 1_000_000; i++) { // values with few digits, as programs print them
            same(r.nextInt(1_000_000) / Math.pow(10, r.nextInt(12)));
            same((float) (r.nextInt(100_000) / Math.pow(10, r.nextInt(8))));
        }
    }
}
