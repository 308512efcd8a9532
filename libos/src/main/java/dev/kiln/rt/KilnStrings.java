package dev.kiln.rt;

import java.util.Locale;

/**
 * Strings where TeaVM 0.12.3 differs from HotSpot (the builder redirects calls here, see
 * KilnTeaVMTransformer):
 * <ul>
 * <li>String.toUpperCase maps char by char, so the characters whose upper case is longer than one
 *     char (Unicode's SpecialCasing: "ß" is "SS", "ﬁ" is "FI", Greek with iota subscript...) stay as
 *     they are; String.toLowerCase misses "İ" (two chars) and the final sigma ("ΟΔΟΣ" is "οδος").</li>
 * <li>StringBuilder.reverse and StringBuffer.reverse reverse the chars of a surrogate pair too,
 *     which leaves an unpaired low surrogate before a high one; the JDK keeps pairs in order.</li>
 * </ul>
 * The locale-sensitive rules (Turkish, Lithuanian) are not applied: as on HotSpot with a root or
 * English locale, which is the only one a Kiln image has.
 */
public final class KilnStrings {
    /**
     * The chars whose upper case is more than one char, sorted (generated from HotSpot 25's
     * String.toUpperCase(Locale.ROOT) over the BMP), and their upper cases, three chars each,
     * padded with U+0000.
     */
    private static final String UPPER_KEYS = "\u00DF\u0149\u01F0\u0390\u03B0\u0587\u1E96\u1E97\u1E98\u1E99\u1E9A\u1F50\u1F52\u1F54\u1F56\u1F80\u1F81\u1F82\u1F83\u1F84\u1F85\u1F86\u1F87\u1F88\u1F89\u1F8A\u1F8B\u1F8C\u1F8D\u1F8E\u1F8F\u1F90\u1F91\u1F92\u1F93\u1F94\u1F95\u1F96\u1F97\u1F98\u1F99\u1F9A\u1F9B\u1F9C\u1F9D\u1F9E\u1F9F\u1FA0\u1FA1\u1FA2\u1FA3\u1FA4\u1FA5\u1FA6\u1FA7\u1FA8\u1FA9\u1FAA\u1FAB\u1FAC\u1FAD\u1FAE\u1FAF\u1FB2\u1FB3\u1FB4\u1FB6\u1FB7\u1FBC\u1FC2\u1FC3\u1FC4\u1FC6\u1FC7\u1FCC\u1FD2\u1FD3\u1FD6\u1FD7\u1FE2\u1FE3\u1FE4\u1FE6\u1FE7\u1FF2\u1FF3\u1FF4\u1FF6\u1FF7\u1FFC\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06\uFB13\uFB14\uFB15\uFB16\uFB17";
    private static final String UPPER_VALUES = "\u0053\u0053\u0000\u02BC\u004E\u0000\u004A\u030C\u0000\u0399\u0308\u0301\u03A5\u0308\u0301\u0535\u0552\u0000\u0048\u0331\u0000\u0054\u0308\u0000\u0057\u030A\u0000\u0059\u030A\u0000\u0041\u02BE\u0000\u03A5\u0313\u0000\u03A5\u0313\u0300\u03A5\u0313\u0301\u03A5\u0313\u0342\u1F08\u0399\u0000\u1F09\u0399\u0000\u1F0A\u0399\u0000\u1F0B\u0399\u0000\u1F0C\u0399\u0000\u1F0D\u0399\u0000\u1F0E\u0399\u0000\u1F0F\u0399\u0000\u1F08\u0399\u0000\u1F09\u0399\u0000\u1F0A\u0399\u0000\u1F0B\u0399\u0000\u1F0C\u0399\u0000\u1F0D\u0399\u0000\u1F0E\u0399\u0000\u1F0F\u0399\u0000\u1F28\u0399\u0000\u1F29\u0399\u0000\u1F2A\u0399\u0000\u1F2B\u0399\u0000\u1F2C\u0399\u0000\u1F2D\u0399\u0000\u1F2E\u0399\u0000\u1F2F\u0399\u0000\u1F28\u0399\u0000\u1F29\u0399\u0000\u1F2A\u0399\u0000\u1F2B\u0399\u0000\u1F2C\u0399\u0000\u1F2D\u0399\u0000\u1F2E\u0399\u0000\u1F2F\u0399\u0000\u1F68\u0399\u0000\u1F69\u0399\u0000\u1F6A\u0399\u0000\u1F6B\u0399\u0000\u1F6C\u0399\u0000\u1F6D\u0399\u0000\u1F6E\u0399\u0000\u1F6F\u0399\u0000\u1F68\u0399\u0000\u1F69\u0399\u0000\u1F6A\u0399\u0000\u1F6B\u0399\u0000\u1F6C\u0399\u0000\u1F6D\u0399\u0000\u1F6E\u0399\u0000\u1F6F\u0399\u0000\u1FBA\u0399\u0000\u0391\u0399\u0000\u0386\u0399\u0000\u0391\u0342\u0000\u0391\u0342\u0399\u0391\u0399\u0000\u1FCA\u0399\u0000\u0397\u0399\u0000\u0389\u0399\u0000\u0397\u0342\u0000\u0397\u0342\u0399\u0397\u0399\u0000\u0399\u0308\u0300\u0399\u0308\u0301\u0399\u0342\u0000\u0399\u0308\u0342\u03A5\u0308\u0300\u03A5\u0308\u0301\u03A1\u0313\u0000\u03A5\u0342\u0000\u03A5\u0308\u0342\u1FFA\u0399\u0000\u03A9\u0399\u0000\u038F\u0399\u0000\u03A9\u0342\u0000\u03A9\u0342\u0399\u03A9\u0399\u0000\u0046\u0046\u0000\u0046\u0049\u0000\u0046\u004C\u0000\u0046\u0046\u0049\u0046\u0046\u004C\u0053\u0054\u0000\u0053\u0054\u0000\u0544\u0546\u0000\u0544\u0535\u0000\u0544\u053B\u0000\u054E\u0546\u0000\u0544\u053D\u0000";
    private static final char CAPITAL_SIGMA = '\u03A3';

    private KilnStrings() {
    }

    public static String toUpperCase(String s) {
        String upper = s.toUpperCase();
        int i = 0;
        while (i < s.length() && UPPER_KEYS.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == s.length()) {
            return upper;
        }
        // upper has the same length as s here: char i of s maps to chars i.. of the result
        StringBuilder sb = new StringBuilder(s.length() + 8);
        sb.append(upper, 0, i);
        for (; i < s.length(); i++) {
            int k = UPPER_KEYS.indexOf(s.charAt(i));
            if (k < 0) {
                sb.append(upper.charAt(i));
                continue;
            }
            for (int j = 3 * k; j < 3 * k + 3 && UPPER_VALUES.charAt(j) != 0; j++) {
                sb.append(UPPER_VALUES.charAt(j));
            }
        }
        return sb.toString();
    }

    public static String toUpperCase(String s, Locale locale) {
        return toUpperCase(s);
    }

    public static String toLowerCase(String s) {
        String lower = s.toLowerCase();
        if (s.indexOf('\u0130') < 0 && s.indexOf(CAPITAL_SIGMA) < 0) {
            return lower;
        }
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0130') {
                sb.append("i\u0307");
            } else if (c == CAPITAL_SIGMA && isFinalSigma(s, i)) {
                sb.append('\u03C2');
            } else {
                sb.append(lower.charAt(i));
            }
        }
        return sb.toString();
    }

    public static String toLowerCase(String s, Locale locale) {
        return toLowerCase(s);
    }

    /** Unicode's Final_Sigma: a cased letter before it and none after it, case-ignorable ones skipped. */
    private static boolean isFinalSigma(String s, int at) {
        int i = at - 1;
        while (i >= 0 && isCaseIgnorable(s.charAt(i))) {
            i--;
        }
        if (i < 0 || !isCased(s.charAt(i))) {
            return false;
        }
        int j = at + 1;
        while (j < s.length() && isCaseIgnorable(s.charAt(j))) {
            j++;
        }
        return j == s.length() || !isCased(s.charAt(j));
    }

    private static boolean isCased(char c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    private static boolean isCaseIgnorable(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.MODIFIER_LETTER || type == Character.MODIFIER_SYMBOL
                || c == '\'' || c == '.' || c == ':' || c == '\u00B7' || c == '\u2019';
    }

    public static StringBuilder reverse(StringBuilder sb) {
        sb.reverse();
        for (int i = 0; i + 1 < sb.length(); i++) {
            char low = sb.charAt(i);
            char high = sb.charAt(i + 1);
            if (Character.isLowSurrogate(low) && Character.isHighSurrogate(high)) {
                sb.setCharAt(i, high);
                sb.setCharAt(i + 1, low);
                i++;
            }
        }
        return sb;
    }

    public static StringBuffer reverse(StringBuffer sb) {
        sb.reverse();
        for (int i = 0; i + 1 < sb.length(); i++) {
            char low = sb.charAt(i);
            char high = sb.charAt(i + 1);
            if (Character.isLowSurrogate(low) && Character.isHighSurrogate(high)) {
                sb.setCharAt(i, high);
                sb.setCharAt(i + 1, low);
                i++;
            }
        }
        return sb;
    }
}
