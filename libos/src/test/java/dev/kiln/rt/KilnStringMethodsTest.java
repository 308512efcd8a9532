package dev.kiln.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kiln's String methods (added to TeaVM's String in images) against HotSpot's own on generated text
 * made of the characters that matter to them: line terminators, white space, escapes, delimiters.
 */
class KilnStringMethodsTest {
    private static final String ALPHABET = "ab \t\n\r\u2003\u00a0\\ntsq'\"0178,;";

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(14);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void agreeWithTheJdk() {
        Random random = new Random(7);
        for (int i = 0; i < 20000; i++) {
            String s = text(random);
            assertEquals(s.lines().toList(), KilnStringMethods.lines(s).toList(), s);
            for (int n : new int[] {-3, -1, 0, 2}) {
                assertEquals(s.indent(n), KilnStringMethods.indent(s, n), s + " indent " + n);
            }
            assertEquals(s.isBlank(), KilnStringMethods.isBlank(s), s);
            assertEquals(s.stripIndent(), KilnStringMethods.stripIndent(s), s);
            assertEquals(outcome(() -> s.translateEscapes()), outcome(() -> KilnStringMethods.translateEscapes(s)), s);
            assertArrayEquals(s.splitWithDelimiters("[,;]+", 0), KilnStringMethods.splitWithDelimiters(s, "[,;]+", 0), s);
            assertArrayEquals(s.splitWithDelimiters(";", 2), KilnStringMethods.splitWithDelimiters(s, ";", 2), s);
            String t = text(random);
            assertEquals(Integer.signum(CharSequence.compare(s, t)), Integer.signum(KilnStringMethods.compare(s, t)));
            int from = random.nextInt(s.length() + 1);
            int to = from + random.nextInt(s.length() - from + 1);
            assertEquals(s.indexOf('a', from, to), KilnStringMethods.indexOf(s, 'a', from, to), s);
            assertEquals(s.indexOf("b ", from, to), KilnStringMethods.indexOf(s, "b ", from, to), s);
        }
    }

    private static String outcome(java.util.function.Supplier<String> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            return e.toString();
        }
    }
}
