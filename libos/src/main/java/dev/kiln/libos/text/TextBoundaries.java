package dev.kiln.libos.text;

import java.util.Arrays;

/**
 * The boundaries java.text.BreakIterator finds, for the root/US locale, by simple rules written to
 * give what HotSpot's gives on everyday Latin text (its own rules are large tables; checked
 * against it by conformance ApiBreakIterator). Each method returns the sorted boundary offsets of
 * a text, 0 and its length included.
 * <ul>
 * <li>characters: extended grapheme clusters, simply: a code point with the combining marks,
 *     variation selectors and zero-width joiner sequences after it, CR LF, pairs of regional
 *     indicators;</li>
 * <li>words: runs of letters and digits (joined by an apostrophe or a period between letters, a
 *     hyphen between letters, an underscore, a period or comma between digits, a currency sign
 *     before digits and a percent sign after them), runs of white space (CR LF together, other line
 *     ends alone), and every other character on its own;</li>
 * <li>sentences: after ! or ? (with closing quotes and brackets and the white space that follow),
 *     after a period followed by white space and then anything but a lowercase letter or a digit
 *     (or by two white space characters), after a paragraph separator;</li>
 * <li>lines: after a run of white space (a line end is a forced break), after a hyphen followed
 *     by a letter or digit, after a period, colon, ! or ? between a letter or digit and a letter,
 *     after a colon between digits, between a number and a slash or a percent sign and a hyphen.</li>
 * </ul>
 */
public final class TextBoundaries {
    private TextBoundaries() {
    }

    // ---- characters

    public static int[] characters(String s) {
        Builder b = new Builder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            i = clusterEnd(s, i);
            b.add(i);
        }
        return b.done();
    }

    /** The end of the grapheme cluster that starts at {@code i}. */
    static int clusterEnd(String s, int i) {
        int n = s.length();
        int cp = s.codePointAt(i);
        int j = i + Character.charCount(cp);
        if (cp == '\r') {
            return j < n && s.charAt(j) == '\n' ? j + 1 : j;
        }
        if (cp == '\n') {
            return j;
        }
        if (isRegionalIndicator(cp) && j < n && isRegionalIndicator(s.codePointAt(j))) {
            j += Character.charCount(s.codePointAt(j));
        }
        while (j < n) {
            int next = s.codePointAt(j);
            if (isExtend(next)) {
                j += Character.charCount(next);
            } else if (next == 0x200D) {
                j += 1;
                if (j < n && isPictographic(s.codePointAt(j))) {
                    j += Character.charCount(s.codePointAt(j));
                }
            } else {
                break;
            }
        }
        return j;
    }

    /**
     * A code point with the marks, variation selectors and joiner after it: what the word instance
     * keeps together (it splits flag pairs and joined emoji that the character instance keeps).
     */
    private static int markedEnd(String s, int i) {
        int n = s.length();
        int j = i + Character.charCount(s.codePointAt(i));
        while (j < n && (isExtend(s.codePointAt(j)) || s.charAt(j) == '\u200D')) {
            j += Character.charCount(s.codePointAt(j));
        }
        return j;
    }

    private static boolean isExtend(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isPictographic(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }

    // ---- words

    public static int[] words(String s) {
        Builder b = new Builder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                end = i + 2;
            } else if (isSpace(c)) {
                end = i + 1;
                while (end < n && isSpace(s.charAt(end))) {
                    end++;
                }
            } else if (isWordChar(s, i) || (isCurrency(s.codePointAt(i)) && i + 1 < n && isDigit(s, i + 1))) {
                end = wordEnd(s, i + Character.charCount(s.codePointAt(i)));
            } else {
                end = markedEnd(s, i);
            }
            b.add(end);
            i = end;
        }
        return b.done();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || (c >= '\u2000' && c <= '\u200A');
    }

    private static int wordEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (isWordChar(s, i) || isExtend(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            boolean prevLetter = i > 0 && Character.isLetter(s.codePointBefore(i));
            boolean prevDigit = i > 0 && Character.isDigit(s.codePointBefore(i));
            boolean nextLetter = i + 1 < n && Character.isLetter(s.codePointAt(i + 1));
            boolean nextDigit = i + 1 < n && Character.isDigit(s.codePointAt(i + 1));
            if ((cp == '\'' || cp == '\u2019' || cp == '.' || cp == '-') && prevLetter && nextLetter) {
                i++;
            } else if ((cp == '.' || cp == ',') && prevDigit && nextDigit) {
                i++;
            } else if (cp == '%' && prevDigit) {
                return i + 1;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean isWordChar(String s, int i) {
        int cp = s.codePointAt(i);
        return Character.isLetterOrDigit(cp) || cp == '_';
    }

    private static boolean isDigit(String s, int i) {
        return Character.isDigit(s.codePointAt(i));
    }

    private static boolean isCurrency(int cp) {
        return Character.getType(cp) == Character.CURRENCY_SYMBOL;
    }

    // ---- sentences

    public static int[] sentences(String s) {
        Builder b = new Builder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\u2029') {
                b.add(i + 1);
                i++;
                continue;
            }
            if (c != '.' && c != '!' && c != '?') {
                i++;
                continue;
            }
            boolean period = c == '.';
            int j = i + 1;
            while (j < n && (s.charAt(j) == '.' || s.charAt(j) == '!' || s.charAt(j) == '?')) {
                period &= s.charAt(j) == '.';
                j++;
            }
            while (j < n && isCloser(s.charAt(j))) {
                j++;
            }
            int spaceStart = j;
            while (j < n && Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '\u2029') {
                j++;
            }
            int spaces = j - spaceStart;
            if (j >= n) {
                break;
            }
            if (spaces == 0 && period) {
                i = j;
                continue;
            }
            boolean breaks;
            if (!period || spaces >= 2) {
                breaks = true;
            } else {
                // one white space character after periods: a space before anything but a lowercase
                // letter or a digit ("Mr. Smith" breaks, "e.g. this" and "p. 5" do not)
                char next = s.charAt(j);
                breaks = s.charAt(spaceStart) == ' ' && !Character.isLowerCase(next) && !Character.isDigit(next);
            }
            if (breaks) {
                b.add(j);
            }
            i = j;
        }
        b.add(n);
        return b.done();
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '\u201D' || c == '\u2019'
                || c == '\u00BB';
    }

    // ---- lines

    public static int[] lines(String s) {
        Builder b = new Builder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                b.add(i + 2);
                i += 2;
            } else if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\f') {
                b.add(i + 1);
                i++;
            } else if (c == ' ' || c == '\t' || c == '\u3000' || (c >= '\u2000' && c <= '\u200A' && c != '\u2007')) {
                int j = i + 1;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++;
                }
                if (j < n && !isLineEnd(s.charAt(j))) {
                    b.add(j);
                }
                i = j;
            } else if ((c == '-' && i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1)))
                    || ((c == '.' || c == ':' || c == '!' || c == '?') && i > 0
                            && Character.isLetterOrDigit(s.charAt(i - 1)) && i + 1 < n
                            && Character.isLetter(s.charAt(i + 1)))
                    || (c == ':' && i > 0 && Character.isDigit(s.charAt(i - 1)) && i + 1 < n
                            && Character.isDigit(s.charAt(i + 1)))
                    || (c == '%' && i + 1 < n && s.charAt(i + 1) == '-')
                    || (Character.isDigit(c) && i + 1 < n && s.charAt(i + 1) == '/')) {
                b.add(i + 1);
                i++;
            } else {
                i = clusterEnd(s, i);
            }
        }
        b.add(n);
        return b.done();
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** Sorted, distinct offsets starting with 0. */
    private static final class Builder {
        private int[] offsets = new int[8];
        private int count;

        Builder(int length) {
            add(0);
        }

        void add(int offset) {
            if (count > 0 && offsets[count - 1] >= offset) {
                return;
            }
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count++] = offset;
        }

        int[] done() {
            return Arrays.copyOf(offsets, count);
        }
    }
}
