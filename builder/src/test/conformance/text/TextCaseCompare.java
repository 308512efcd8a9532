import java.util.*;

/** Case-insensitive comparison and matching over ASCII and Latin-1: equalsIgnoreCase, compareToIgnoreCase, regionMatches, CASE_INSENSITIVE_ORDER, and case mapping with Locale.ROOT. */
public class TextCaseCompare {
    public static void main(String[] args) {
        String[][] pairs = {{"Kiln", "KILN"}, {"stra\u00dfe", "STRASSE"}, {"\u00e9t\u00e9", "\u00c9T\u00c9"}, {"\u00ff", "\u0178"}, {"abc", "abd"}, {"a", "A1"}, {"", ""},
            {"Zebra", "apple"}, {"x", "X"}};
        for (String[] p : pairs) {
            System.out.println(p[0] + " ~ " + p[1] + ": equalsIgnoreCase=" + p[0].equalsIgnoreCase(p[1]) + " compareToIgnoreCase=" + Integer.signum(p[0].compareToIgnoreCase(p[1]))
                    + " compareTo=" + Integer.signum(p[0].compareTo(p[1])) + " upper=" + p[0].toUpperCase(Locale.ROOT) + " lower=" + p[1].toLowerCase(Locale.ROOT));
        }
        String hay = "The Quick Brown Fox";
        System.out.println("regionMatches " + hay.regionMatches(4, "quick", 0, 5) + " " + hay.regionMatches(true, 4, "QUICK", 0, 5) + " " + hay.regionMatches(true, 16, "fOxes", 0, 3)
                + " " + hay.regionMatches(true, 17, "fox", 0, 3) + " " + hay.regionMatches(-1, "T", 0, 1) + " " + hay.regionMatches(true, 0, "the", 0, 0));
        List<String> words = new ArrayList<>(List.of("banana", "Apple", "cherry", "apple", "Banana", "\u00e9clair", "Eclair", "zoo", "Zoo", "_x", "9lives"));
        words.sort(null);
        System.out.println("natural " + words);
        words.sort(String.CASE_INSENSITIVE_ORDER);
        System.out.println("case-insensitive " + words);
        words.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.reverseOrder()));
        System.out.println("then reverse " + words);
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(words);
        System.out.println("set " + set + " contains(BANANA)=" + set.contains("BANANA"));
        StringBuilder sb = new StringBuilder();
        for (char c = 'A'; c <= 'Z'; c++) {
            sb.append(Character.toLowerCase(c) == Character.toLowerCase(Character.toUpperCase(Character.toLowerCase(c))) ? "" : c);
        }
        String latin = "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de";
        System.out.println("roundtrip odd=[" + sb + "] latin lower=" + latin.toLowerCase(Locale.ROOT) + " back=" + latin.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).equals(latin)
                + " title=" + Character.toTitleCase('\u01c6') + " folded=" + "\u00df".toUpperCase(Locale.ROOT) + " " + "\u0130".toLowerCase(Locale.ROOT).length());
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String w : "To be or not to BE that is The question".split(" ")) {
            counts.merge(w, 1, Integer::sum);
        }
        System.out.println(counts);
    }
}
