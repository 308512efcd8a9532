import java.text.BreakIterator;
import java.util.Locale;

/** BreakIterator: Kiln's rules have no dictionary for scripts without spaces (Thai, Japanese here). */
public class DiffBreakIteratorThai {
    static String boundaries(BreakIterator words, String text) {
        words.setText(text);
        StringBuilder b = new StringBuilder();
        for (int i = words.first(); i != BreakIterator.DONE; i = words.next()) {
            b.append(i).append(' ');
        }
        return b.toString().trim();
    }

    public static void main(String[] args) {
        String thai = "\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22\u0e07\u0e48\u0e32\u0e22\u0e21\u0e32\u0e01";
        System.out.println("Thai: " + boundaries(BreakIterator.getWordInstance(Locale.of("th")), thai));
        System.out.println("Japanese: " + boundaries(BreakIterator.getWordInstance(),
                "\u65e5\u672c\u8a9e\u306e\u6587\u7ae0"));
        System.out.println("end of DiffBreakIteratorThai");
    }
}
