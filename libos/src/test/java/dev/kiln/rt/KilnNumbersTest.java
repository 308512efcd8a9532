package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.libos.classlib.java.util.TSplittableRandom;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Kiln's number conversions and random generators (plain Java: native images use them instead of
 * TeaVM's) against the JDK's own, on HotSpot, over seeded pseudo-random inputs. The conformance
 * programs under conformance/numbers check them again inside a unikernel.
 */
class KilnNumbersTest {
    private static String outcome(java.util.function.Supplier<Object> s) {
        try {
            return String.valueOf(s.get());
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    @Test
    void doubleAndFloatToStringAreTheJdksShortestDecimals() {
        double[] special = {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 1.0E23, 2.0E-3, 1.0E-3, 1.0E7, 9999999.999999998,
            Double.MAX_VALUE, Double.MIN_NORMAL, 9007199254740993.0, 0x1p53, 2e22, 8.41e21, 100, 1.0 / 3, -0.0, Double.NaN};
        for (double d : special) {
            assertEquals(Double.toString(d), KilnFloatingDecimal.toString(d));
        }
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 20000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
            assertEquals(Double.toString(d), KilnFloatingDecimal.toString(d));
            float f = Float.intBitsToFloat(r.nextInt());
            assertEquals(Float.toString(f), KilnFloatingDecimal.toString(f));
        }
        for (int i = 0; i < 5000; i++) {
            float f = Float.intBitsToFloat(i);
            assertEquals(Float.toString(f), KilnFloatingDecimal.toString(f));
        }
    }

    @Test
    void integerParsingHasTheJdksResultsAndMessages() {
        String[] inputs = {"12x", "", null, " 1", "99999999999", "-", "+", "2147483648", "-2147483648", "+5", "zz", "-0", "ffff",
            "200", "-129", "9223372036854775808", "-9223372036854775808"};
        for (String s : inputs) {
            for (int radix : new int[] {10, 16, 36, 2, 1, 37}) {
                assertEquals(outcome(() -> Integer.parseInt(s, radix)), outcome(() -> KilnNumberParsing.parseInt(s, radix)));
                assertEquals(outcome(() -> Long.parseLong(s, radix)), outcome(() -> KilnNumberParsing.parseLong(s, radix)));
                assertEquals(outcome(() -> Short.parseShort(s, radix)), outcome(() -> KilnNumberParsing.parseShort(s, radix)));
                assertEquals(outcome(() -> Byte.parseByte(s, radix)), outcome(() -> KilnNumberParsing.parseByte(s, radix)));
            }
        }
    }

    @Test
    void decodeHasTheJdksResultsAndMessages() {
        for (String s : new String[] {"0x1G", "", "-", "0x", "#ff", "-#ff", "010", "0", "-0", "08", "0x-1", "--1", "-2147483648",
            "-0x80000000", "0x80000000", "+0X7fffffff", "9223372036854775807", "-9223372036854775808", "0x8000000000000000", "#"}) {
            assertEquals(outcome(() -> Integer.decode(s)), outcome(() -> KilnNumberParsing.decodeInt(s)), s);
            assertEquals(outcome(() -> Long.decode(s)), outcome(() -> KilnNumberParsing.decodeLong(s)), s);
        }
    }

    @Test
    void floatingParsingIsCorrectlyRoundedWithTheJdksGrammar() {
        List<String> inputs = new ArrayList<>(List.of("", "  ", "1.2.3", "x1", "0x1.8p1", "-0X.8P-2d", "1e", ".", ".5", "5.f",
                "+Infinity", "-NaN", "NaNd", "0x", "-", "1e99999999999", "1e-99999999999", "0x1p-1075", "0x1.8p-1075",
                "2.4703282292062327E-324", "2.4703282292062328E-324", "1.7976931348623159e308", "9007199254740993",
                "1.00000017881393421514957253748434595763683319091796875001", "\t7\n", "3.4028235677973366E38"));
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 5000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isNaN(d)) {
                inputs.add(new BigDecimal(d).round(new MathContext(1 + r.nextInt(25))).toString());
                inputs.add(Double.toHexString(d));
            }
        }
        inputs.add(null);
        for (String s : inputs) {
            assertEquals(outcome(() -> Double.parseDouble(s)), outcome(() -> KilnNumberParsing.parseDouble(s)), s);
            assertEquals(outcome(() -> Float.parseFloat(s)), outcome(() -> KilnNumberParsing.parseFloat(s)), s);
        }
    }

    @Test
    void randomsBoundedDrawsFollowTheJavadoc() {
        for (long seed = 0; seed < 50; seed++) {
            Random jdk = new Random(seed);
            Random kiln = new Random(seed);
            for (int i = 1; i < 40; i++) {
                int bound = i % 5 == 0 ? 1 << i % 31 : i * 7919;
                assertEquals(jdk.nextInt(bound), KilnRandom.legacyNextInt(kiln, bound));
                assertEquals(jdk.nextInt(-5, bound), KilnRandom.nextInt(kiln, -5, bound));
                assertEquals(jdk.nextLong(bound * 1000L), KilnRandom.nextLong(kiln, bound * 1000L));
                assertEquals(jdk.nextLong(-3, bound), KilnRandom.nextLong(kiln, -3, bound));
                assertEquals(jdk.nextDouble(2.5), KilnRandom.nextDouble(kiln, 2.5));
                assertEquals(jdk.nextDouble(-1, 2.5), KilnRandom.nextDouble(kiln, -1, 2.5));
                assertEquals(jdk.nextFloat(3f), KilnRandom.nextFloat(kiln, 3f));
                byte[] a = new byte[i % 13];
                byte[] b = new byte[i % 13];
                jdk.nextBytes(a);
                KilnRandom.legacyNextBytes(kiln, b);
                assertEquals(Arrays.toString(a), Arrays.toString(b));
            }
        }
        assertEquals(outcome(() -> new Random().nextInt(0)), outcome(() -> KilnRandom.legacyNextInt(new Random(), 0)));
        assertEquals(outcome(() -> new Random().nextInt(3, 3)), outcome(() -> KilnRandom.nextInt(new Random(), 3, 3)));
    }

    @Test
    void splittableRandomIsSplitMix64() {
        SplittableRandom jdk = new SplittableRandom(42);
        TSplittableRandom kiln = new TSplittableRandom(42);
        for (int i = 0; i < 500; i++) {
            assertEquals(jdk.nextInt(), kiln.nextInt());
            assertEquals(jdk.nextLong(), kiln.nextLong());
            assertEquals(jdk.nextDouble(), kiln.nextDouble());
            assertEquals(jdk.nextInt(1000), kiln.nextInt(1000));
            assertEquals(jdk.nextLong(-7, 1L << 40), kiln.nextLong(-7, 1L << 40));
            assertEquals(jdk.nextBoolean(), kiln.nextBoolean());
            byte[] a = new byte[i % 19];
            byte[] b = new byte[i % 19];
            jdk.nextBytes(a);
            kiln.nextBytes(b);
            assertEquals(Arrays.toString(a), Arrays.toString(b));
            if (i % 50 == 0) {
                jdk = jdk.split();
                kiln = kiln.split();
            }
        }
    }
}
