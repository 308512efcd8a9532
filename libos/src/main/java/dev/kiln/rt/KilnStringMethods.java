package dev.kiln.rt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * String and CharSequence methods of JDK 11 to 21 that TeaVM 0.16.0's class library lacks (the
 * builder adds them to those classes, calling these: ApiAdditions). Written from the JDK's Javadoc;
 * only methods that TeaVM's String has are called here.
 */
public final class KilnStringMethods {
    private KilnStringMethods() {
    }

    /** String.lines(): lines ended by \n, \r or \r\n; an empty last line (after a terminator) is not one. */
    public static Stream<String> lines(String s) {
        return splitLines(s).stream();
    }

    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(s.substring(start, i));
                i += c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < n) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /**
     * String.indent(n): each line gets n spaces more (n &gt; 0) or loses up to -n leading white
     * space characters (n &lt; 0), and every line ends with \n.
     */
    public static String indent(String s, int n) {
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (String line : splitLines(s)) {
            if (n > 0) {
                for (int k = 0; k < n; k++) {
                    sb.append(' ');
                }
                sb.append(line);
            } else if (n < 0) {
                int skip = 0;
                while (skip < line.length() && skip < -n && Character.isWhitespace(line.charAt(skip))) {
                    skip++;
                }
                sb.append(line, skip, line.length());
            } else {
                sb.append(line);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static Object transform(String s, Function<? super String, ?> f) {
        return f.apply(s);
    }

    /** String.indexOf(int ch, int beginIndex, int endIndex) (JDK 21). */
    public static int indexOf(String s, int ch, int begin, int end) {
        checkRange(begin, end, s.length());
        int found = s.indexOf(ch, begin);
        return found >= 0 && found < end && (found + Character.charCount(ch) <= end) ? found : -1;
    }

    /** String.indexOf(String str, int beginIndex, int endIndex) (JDK 21). */
    public static int indexOf(String s, String str, int begin, int end) {
        checkRange(begin, end, s.length());
        int found = s.substring(0, end).indexOf(str, begin);
        return found;
    }

    private static void checkRange(int begin, int end, int length) {
        if (begin < 0 || begin > end || end > length) {
            throw new StringIndexOutOfBoundsException(
                    "Range [" + begin + ", " + end + ") out of bounds for length " + length);
        }
    }

    /**
     * String.splitWithDelimiters (JDK 21): String.split's rules (a zero-width match at the start gives
     * no leading empty string; limit &gt; 0 caps the substrings, 0 drops trailing empty strings), with
     * each delimiter kept after the substring it ends.
     */
    public static String[] splitWithDelimiters(String s, String regex, int limit) {
        return splitWithDelimiters(Pattern.compile(regex), s, limit);
    }

    /** The same for Pattern.splitWithDelimiters (KilnRegex), with the pattern's flags. */
    static String[] splitWithDelimiters(Pattern pattern, String s, int limit) {
        Matcher m = pattern.matcher(s);
        List<String> parts = new ArrayList<>();
        int index = 0;
        int matches = 0;
        while (m.find()) {
            if (limit > 0 && matches >= limit - 1) {
                break;
            }
            if (index == 0 && m.start() == 0 && m.end() == 0) {
                continue; // no leading empty substring for a zero-width match at the start
            }
            parts.add(s.substring(index, m.start()));
            parts.add(s.substring(m.start(), m.end()));
            index = m.end();
            matches++;
        }
        if (index == 0 && matches == 0) {
            return new String[] {s};
        }
        parts.add(s.substring(index));
        int size = parts.size();
        if (limit == 0) {
            while (size > 0 && parts.get(size - 1).isEmpty()) {
                size--;
            }
        }
        return parts.subList(0, size).toArray(new String[0]);
    }

    /** StringBuilder.compareTo (JDK 11): as CharSequence.compare. */
    public static int compareTo(StringBuilder a, StringBuilder b) {
        return compare(a, b);
    }

    /** StringBuffer.compareTo (JDK 11): as CharSequence.compare. */
    public static int compareTo(StringBuffer a, StringBuffer b) {
        return compare(a, b);
    }

    /** CharSequence.compare (JDK 11): char by char, then by length. */
    public static int compare(CharSequence a, CharSequence b) {
        if (a == null || b == null) {
            throw new NullPointerException();
        }
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** CharSequence.isEmpty's default body (JDK 15). */
    public static boolean isEmpty(CharSequence s) {
        return s.length() == 0;
    }

    /** String.isBlank (JDK 11): empty or only white space code points (Character.isWhitespace). */
    public static boolean isBlank(String s) {
        return firstNonWhitespace(s) == s.length();
    }

    private static int firstNonWhitespace(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The index after the last non-white-space code point, 0 if none. */
    private static int endOfNonWhitespace(String s) {
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            i -= Character.charCount(cp);
        }
        return i;
    }

    /**
     * String.stripIndent (JDK 15): the smallest indentation of the non-blank lines (and of the last
     * line, blank or not; 0 when the text ends with a line terminator) is removed from every line,
     * trailing white space too; lines are joined with \n.
     */
    public static String stripIndent(String s) {
        int length = s.length();
        if (length == 0) {
            return "";
        }
        char last = s.charAt(length - 1);
        boolean endsWithTerminator = last == '\n' || last == '\r';
        List<String> lines = splitLines(s);
        int outdent = 0;
        if (!endsWithTerminator) {
            outdent = Integer.MAX_VALUE;
            for (String line : lines) {
                int lead = firstNonWhitespace(line);
                if (lead != line.length()) {
                    outdent = Math.min(outdent, lead);
                }
            }
            String lastLine = lines.get(lines.size() - 1);
            if (isBlank(lastLine)) {
                outdent = Math.min(outdent, lastLine.length());
            }
        }
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int first = firstNonWhitespace(line);
            int end = endOfNonWhitespace(line);
            if (i > 0) {
                sb.append('\n');
            }
            if (first < end) {
                sb.append(line, Math.min(outdent, first), end);
            }
        }
        if (endsWithTerminator) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * String.translateEscapes (JDK 15): the escapes of Java string literals (\b \t \n \f \r \s
     * \" \' \\, octal up to \377, and a backslash before a line terminator, which joins the lines);
     * no unicode escapes.
     */
    public static String translateEscapes(String s) {
        int length = s.length();
        StringBuilder sb = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            char ch = s.charAt(i++);
            if (ch != '\\') {
                sb.append(ch);
                continue;
            }
            ch = i < length ? s.charAt(i++) : '\0';
            switch (ch) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 's' -> sb.append(' ');
                case 't' -> sb.append('\t');
                case '\'', '\"', '\\' -> sb.append(ch);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int limit = Math.min(i + (ch <= '3' ? 2 : 1), length);
                    int code = ch - '0';
                    while (i < limit && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                        code = code * 8 + s.charAt(i++) - '0';
                    }
                    sb.append((char) code);
                }
                case '\n' -> {
                }
                case '\r' -> {
                    if (i < length && s.charAt(i) == '\n') {
                        i++;
                    }
                }
                default -> throw new IllegalArgumentException("Invalid escape sequence: \\" + ch + " \\\\u"
                        + hex4(ch));
            }
        }
        return sb.toString();
    }

    private static String hex4(char ch) {
        String h = Integer.toHexString(ch).toUpperCase();
        return "0000".substring(h.length()) + h;
    }
}
