package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The library methods native images get from KilnBits, KilnArrayMethods and KilnRegex (ApiAdditions
 * adds them to TeaVM's classes) against the JDK's own, on HotSpot, over seeded pseudo-random inputs
 * and the edge cases; conformance/library runs them again inside a unikernel.
 */
class KilnLibraryMethodsTest {
    private static String outcome(Supplier<Object> s) {
        try {
            Object v = s.get();
            return v instanceof Object[] a ? Arrays.toString(a) : String.valueOf(v);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    @Test
    void bitMethodsAreTheJdks() {
        Random r = new Random(1);
        for (int k = 0; k < 100_000; k++) {
            int i = r.nextInt();
            int m = k % 3 == 0 ? r.nextInt() & r.nextInt() : r.nextInt();
            long l = r.nextLong();
            long lm = k % 3 == 0 ? r.nextLong() & r.nextLong() : r.nextLong();
            assertEquals(Integer.compress(i, m), KilnBits.compress(i, m));
            assertEquals(Integer.expand(i, m), KilnBits.expand(i, m));
            assertEquals(Long.compress(l, lm), KilnBits.compress(l, lm));
            assertEquals(Long.expand(l, lm), KilnBits.expand(l, lm));
            assertEquals(Math.multiplyHigh(l, lm), KilnBits.multiplyHigh(l, lm));
            assertEquals(Math.unsignedMultiplyHigh(l, lm), KilnBits.unsignedMultiplyHigh(l, lm));
        }
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL};
        for (long x : edges) {
            for (long y : edges) {
                assertEquals(Math.multiplyHigh(x, y), KilnBits.multiplyHigh(x, y));
                assertEquals(Math.unsignedMultiplyHigh(x, y), KilnBits.unsignedMultiplyHigh(x, y));
                assertEquals(Long.compress(x, y), KilnBits.compress(x, y));
                assertEquals(Long.expand(x, y), KilnBits.expand(x, y));
                assertEquals(Integer.compress((int) x, (int) y), KilnBits.compress((int) x, (int) y));
                assertEquals(Integer.expand((int) x, (int) y), KilnBits.expand((int) x, (int) y));
            }
        }
    }

    @Test
    void unsignedParsingGivesTheJdksValuesAndMessages() {
        Random r = new Random(2);
        for (int k = 0; k < 50_000; k++) {
            int radix = 2 + k % 35;
            String is = Integer.toUnsignedString(r.nextInt(), radix);
            String ls = Long.toUnsignedString(r.nextLong(), radix);
            assertEquals(Integer.parseUnsignedInt(is, radix), KilnBits.parseUnsignedInt(is, radix));
            assertEquals(Long.parseUnsignedLong(ls, radix), KilnBits.parseUnsignedLong(ls, radix));
        }
        String[] inputs = {"", "-1", "+1", "+", "-", "x", "4294967295", "4294967296", "99999999999", "18446744073709551615",
            "18446744073709551616", "184467440737095516150", "1844674407370955161x", "ffffffffffffffff", "10000000000000000",
            "0000000000000000000000001", "+18446744073709551615", null};
        for (String s : inputs) {
            for (int radix : new int[] {10, 16, 2, 36}) {
                assertEquals(outcome(() -> Integer.parseUnsignedInt(s, radix)), outcome(() -> KilnBits.parseUnsignedInt(s, radix)), s);
                assertEquals(outcome(() -> Long.parseUnsignedLong(s, radix)), outcome(() -> KilnBits.parseUnsignedLong(s, radix)), s);
            }
        }
    }

    @Test
    void arrayComparisonsAreTheJdks() {
        Random r = new Random(3);
        for (int k = 0; k < 20_000; k++) {
            int[] a = r.ints(r.nextInt(4), -2, 3).toArray();
            int[] b = r.ints(r.nextInt(4), -2, 3).toArray();
            assertEquals(Arrays.compare(a, b), KilnArrayMethods.compare(a, b));
            assertEquals(Arrays.compareUnsigned(a, b), KilnArrayMethods.compareUnsigned(a, b));
            byte[] x = {(byte) r.nextInt(), (byte) r.nextInt(3)};
            byte[] y = Arrays.copyOf(new byte[] {(byte) r.nextInt(), (byte) r.nextInt(3)}, r.nextInt(3));
            assertEquals(Arrays.compare(x, y), KilnArrayMethods.compare(x, y));
            assertEquals(Arrays.compareUnsigned(x, y), KilnArrayMethods.compareUnsigned(x, y));
            String[] s = {k % 5 == 0 ? null : "a", "b"};
            String[] t = Arrays.copyOf(new String[] {k % 7 == 0 ? null : "a", k % 2 == 0 ? "c" : "b"}, r.nextInt(3));
            assertEquals(Arrays.compare(s, t), KilnArrayMethods.compare(s, t));
        }
        assertEquals(Arrays.compare((int[]) null, new int[0]), KilnArrayMethods.compare(null, new int[0]));
        int[] prefix = {1, 2, 3, 4};
        KilnArrayMethods.parallelPrefix(prefix, Integer::sum);
        assertArrayEquals(new int[] {1, 3, 6, 10}, prefix);
    }

    @Test
    void regexAdditionsBehaveAsTheJdks() {
        Pattern p = Pattern.compile("(\\d+)");
        assertEquals(p.matcher("a1b22").replaceAll(m -> "<" + m.group(1) + ">"), KilnRegex.replaceAll(p.matcher("a1b22"), m -> "<" + m.group(1) + ">"));
        assertEquals(p.matcher("a1b22").replaceFirst(m -> "$1$1"), KilnRegex.replaceFirst(p.matcher("a1b22"), m -> "$1$1"));
        assertEquals(p.matcher("x").replaceAll(m -> "y"), KilnRegex.replaceAll(p.matcher("x"), m -> "y"));
        assertEquals(p.matcher("1 22 333").results().map(m -> m.group()).toList(), KilnRegex.results(p.matcher("1 22 333")).map(m -> m.group()).toList());
        Pattern sep = Pattern.compile("\\s*;\\s*");
        for (String in : new String[] {"x ; y;z  ;", "", ";a", "a;;b;;"}) {
            assertEquals(sep.splitAsStream(in).toList(), KilnRegex.splitAsStream(sep, in).toList(), in);
        }
        Pattern ops = Pattern.compile("[+-]", Pattern.CASE_INSENSITIVE);
        assertArrayEquals(ops.splitWithDelimiters("1+2-3", 0), KilnRegex.splitWithDelimiters(ops, "1+2-3", 0));
        assertArrayEquals(ops.splitWithDelimiters("+1+", 2), KilnRegex.splitWithDelimiters(ops, "+1+", 2));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        var jm = p.matcher("3 apples and 12 pears");
        var km = p.matcher("3 apples and 12 pears");
        while (jm.find() && km.find()) {
            jm.appendReplacement(a, "[$1]");
            KilnRegex.appendReplacement(km, b, "[$1]");
        }
        jm.appendTail(a);
        KilnRegex.appendTail(km, b);
        assertEquals(a.toString(), b.toString());
    }
}
