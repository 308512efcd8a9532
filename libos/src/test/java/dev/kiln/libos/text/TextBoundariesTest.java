package dev.kiln.libos.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Kiln's BreakIterator rules give the boundaries of HotSpot's own BreakIterator (the JDK running
 * this test, root locale) on everyday English text: punctuation, numbers, abbreviations,
 * quotes, hyphens, line ends, combining marks and emoji.
 */
class TextBoundariesTest {
    private static final List<String> TEXTS = List.of(
            "Hello, world! How are you?  I'm fine; thanks.",
            "Mr. Smith paid $3.50 for 1,000.5 e-mails... Really?! Yes. \"Quoted.\" Next one",
            "don't can't x.y a_b foo-bar 12:30 3.14 U.S.A. end.",
            "line one\nline two\r\nthird.  four",
            "tab\there (paren) [br] {c} well-known co-operate 50%-off a/b",
            "e\u0301 n\u0303 \uD83D\uDE00 \uD83C\uDDEB\uD83C\uDDF7 \uD83D\uDC68\u200D\uD83D\uDC69 a\r\nb",
            "what? no! ok. 'q' \u201cw\u201d end",
            "He said \"Stop.\" then left. (Fine.) ok",
            "a.  b", "a. b", "a.\nb", "a. 5", "a. (b", "a.\" b", "a. \"b", "a.) b", "a! b", "a? b", "a... b",
            "a.b. C", "A. B", "a.\tb", "a. $b", "a. -b", "a!! b", "a. B.", "a;  b", "x: Y", "a\u2029b", "a\nb",
            "The quick brown fox jumps over the lazy dog. It was 3:45 p.m. on Jan. 5th, 2024! Was it? Yes: "
                    + "\"absolutely\" (really).",
            "Kiln builds unikernels; each image is one ELF file. Don't worry -- it's fast. Cost: $0.00/month, 100% free!",
            "Visit www.example.com or email me@example.org. Version 2.5.1 was released on 2024-01-15.",
            "   leading spaces. trailing   ", "", "x", "ABC123 abc_def 42nd 7-11 ab-12 na\u00efve caf\u00e9 r\u00e9sum\u00e9",
            "One.Two. Three? Four!Five");

    @Test
    void charactersAsHotSpot() {
        check(() -> BreakIterator.getCharacterInstance(Locale.ROOT), TextBoundaries::characters);
    }

    @Test
    void wordsAsHotSpot() {
        check(() -> BreakIterator.getWordInstance(Locale.ROOT), TextBoundaries::words);
    }

    @Test
    void sentencesAsHotSpot() {
        check(() -> BreakIterator.getSentenceInstance(Locale.ROOT), TextBoundaries::sentences);
    }

    @Test
    void linesAsHotSpot() {
        check(() -> BreakIterator.getLineInstance(Locale.ROOT), TextBoundaries::lines);
    }

    private static void check(Supplier<BreakIterator> hotSpot, Function<String, int[]> kiln) {
        for (String text : TEXTS) {
            BreakIterator bi = hotSpot.get();
            bi.setText(text);
            List<String> expected = new ArrayList<>();
            int start = bi.first();
            for (int end = bi.next(); end != BreakIterator.DONE; start = end, end = bi.next()) {
                expected.add(text.substring(start, end));
            }
            int[] b = kiln.apply(text);
            List<String> actual = new ArrayList<>();
            for (int i = 1; i < b.length; i++) {
                actual.add(text.substring(b[i - 1], b[i]));
            }
            assertEquals(expected, actual, "segments of \"" + text + "\"");
        }
    }
}
