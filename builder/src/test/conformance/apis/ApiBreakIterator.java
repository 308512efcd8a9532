import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** java.text.BreakIterator: character, word, sentence and line instances on everyday English text, and moving over the boundaries. */
public class ApiBreakIterator {
    static final String[] TEXTS = {
        "Hello, world! How are you?  I'm fine; thanks.",
        "Mr. Smith paid $3.50 for 1,000.5 e-mails... Really?! Yes. \"Quoted.\" Next one",
        "don't can't x.y a_b foo-bar 12:30 3.14 U.S.A. end.",
        "line one\nline two\r\nthird.  four",
        "The quick brown fox jumps over the lazy dog. It was 3:45 p.m. on Jan. 5th, 2024! Was it? Yes: \"absolutely\" (really).",
        "Caf\u00e9 na\u00efve e\u0301 r\u00e9sum\u00e9 \u00fcber-cool.",
    };

    static List<String> segments(BreakIterator bi, String text) {
        bi.setText(text);
        List<String> out = new ArrayList<>();
        int start = bi.first();
        for (int end = bi.next(); end != BreakIterator.DONE; start = end, end = bi.next()) {
            out.add(text.substring(start, end).replace("\n", "\\n").replace("\r", "\\r"));
        }
        return out;
    }

    public static void main(String[] args) {
        for (String text : TEXTS) {
            System.out.println("text: " + text.replace("\n", "\\n").replace("\r", "\\r"));
            System.out.println("  characters " + segments(BreakIterator.getCharacterInstance(), text).size());
            System.out.println("  words " + segments(BreakIterator.getWordInstance(), text));
            System.out.println("  sentences " + segments(BreakIterator.getSentenceInstance(Locale.US), text));
            System.out.println("  lines " + segments(BreakIterator.getLineInstance(Locale.ROOT), text));
        }
        System.out.println("characters of e + combining acute: "
                + segments(BreakIterator.getCharacterInstance(), "e\u0301a\r\nb").size());

        // counting words: the segments that start with a letter or digit
        String text = TEXTS[4];
        BreakIterator words = BreakIterator.getWordInstance(Locale.US);
        words.setText(text);
        int count = 0;
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (Character.isLetterOrDigit(text.charAt(start))) {
                count++;
            }
        }
        System.out.println("words in text 4: " + count);

        // moving over the boundaries
        BreakIterator bi = BreakIterator.getWordInstance();
        String s = "Hello, world! How are you?";
        bi.setText(s);
        System.out.println("first " + bi.first() + " current " + bi.current() + " last " + bi.last() + " current "
                + bi.current());
        System.out.println("previous " + bi.previous() + " previous " + bi.previous());
        System.out.println("following(3) " + bi.following(3) + " current " + bi.current() + " next " + bi.next());
        System.out.println("preceding(9) " + bi.preceding(9) + " current " + bi.current());
        System.out.println("next(3) " + bi.next(3) + " next(-2) " + bi.next(-2));
        System.out.println("isBoundary(5) " + bi.isBoundary(5) + " isBoundary(6) " + bi.isBoundary(6) + " isBoundary(8) "
                + bi.isBoundary(8) + " isBoundary(0) " + bi.isBoundary(0));
        System.out.println("following(last) " + bi.following(s.length() - 1) + " then " + bi.following(s.length()));
        System.out.println("preceding(0 + 1) " + bi.preceding(1) + " next past the end " + bi.last() + " " + bi.next());
        try {
            bi.following(s.length() + 1);
        } catch (IllegalArgumentException e) {
            System.out.println("offset past the end: " + e.getMessage());
        }
        char[] chars = new char[0];
        BreakIterator empty = BreakIterator.getSentenceInstance();
        empty.setText("");
        System.out.println("empty text: first " + empty.first() + " next " + empty.next() + " last " + empty.last()
                + " " + chars.length);
        BreakIterator copy = (BreakIterator) bi.clone();
        System.out.println("clone keeps its place: " + copy.current() + " text " + (copy.getText().getEndIndex()));
        System.out.println("BreakIterator.DONE " + BreakIterator.DONE);
    }
}
