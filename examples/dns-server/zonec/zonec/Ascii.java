package zonec;

import java.util.ArrayList;

/**
 * ASCII-only text helpers. DNS names compare case-insensitively in ASCII only (RFC 4343), and
 * avoiding String.split (regular expressions) and Unicode case tables keeps the image small.
 */
final class Ascii {
    private Ascii() {}

    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] += 32;
            }
        }
        return new String(c);
    }

    static String[] split(String s, char sep) {
        ArrayList<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts.toArray(new String[0]);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
