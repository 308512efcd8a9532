package dev.kiln.libos.classlib.java.util;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * java.util.HexFormat (JDK 17) in native images, which TeaVM's class library lacks. Written from the
 * JDK's Javadoc; the exception messages are HotSpot 25's, as programs print them.
 */
public final class THexFormat {
    private static final char[] LOWER = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    private static final THexFormat HEX = new THexFormat("", "", "", false);

    private final String delimiter;
    private final String prefix;
    private final String suffix;
    private final boolean upperCase;

    private THexFormat(String delimiter, String prefix, String suffix, boolean upperCase) {
        this.delimiter = requireNonNull(delimiter);
        this.prefix = requireNonNull(prefix);
        this.suffix = requireNonNull(suffix);
        this.upperCase = upperCase;
    }

    private static <T> T requireNonNull(T value) {
        if (value == null) {
            throw new NullPointerException();
        }
        return value;
    }

    public static THexFormat of() {
        return HEX;
    }

    public static THexFormat ofDelimiter(String delimiter) {
        return new THexFormat(delimiter, "", "", false);
    }

    public THexFormat withDelimiter(String delimiter) {
        return new THexFormat(delimiter, prefix, suffix, upperCase);
    }

    public THexFormat withPrefix(String prefix) {
        return new THexFormat(delimiter, prefix, suffix, upperCase);
    }

    public THexFormat withSuffix(String suffix) {
        return new THexFormat(delimiter, prefix, suffix, upperCase);
    }

    public THexFormat withUpperCase() {
        return upperCase ? this : new THexFormat(delimiter, prefix, suffix, true);
    }

    public THexFormat withLowerCase() {
        return upperCase ? new THexFormat(delimiter, prefix, suffix, false) : this;
    }

    public String delimiter() {
        return delimiter;
    }

    public String prefix() {
        return prefix;
    }

    public String suffix() {
        return suffix;
    }

    public boolean isUpperCase() {
        return upperCase;
    }

    public String formatHex(byte[] bytes) {
        return formatHex(bytes, 0, bytes.length);
    }

    public String formatHex(byte[] bytes, int fromIndex, int toIndex) {
        StringBuilder sb = new StringBuilder();
        appendHex(sb, bytes, fromIndex, toIndex);
        return sb.toString();
    }

    public <A extends Appendable> A formatHex(A out, byte[] bytes) {
        return formatHex(out, bytes, 0, bytes.length);
    }

    public <A extends Appendable> A formatHex(A out, byte[] bytes, int fromIndex, int toIndex) {
        requireNonNull(out);
        StringBuilder sb = new StringBuilder();
        appendHex(sb, bytes, fromIndex, toIndex);
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return out;
    }

    private void appendHex(StringBuilder sb, byte[] bytes, int from, int to) {
        checkRange(from, to, bytes.length);
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(delimiter);
            }
            sb.append(prefix).append(toHighHexDigit(bytes[i])).append(toLowHexDigit(bytes[i])).append(suffix);
        }
    }

    public byte[] parseHex(CharSequence string) {
        return parseHex(string, 0, string.length());
    }

    public byte[] parseHex(CharSequence string, int fromIndex, int toIndex) {
        checkRange(fromIndex, toIndex, string.length());
        return parse(string.subSequence(fromIndex, toIndex).toString());
    }

    public byte[] parseHex(char[] chars, int fromIndex, int toIndex) {
        checkRange(fromIndex, toIndex, chars.length);
        return parse(new String(chars, fromIndex, toIndex - fromIndex));
    }

    private byte[] parse(String s) {
        int len = s.length();
        if (len == 0) {
            return new byte[0];
        }
        if (delimiter.isEmpty() && prefix.isEmpty() && suffix.isEmpty()) {
            if (len % 2 != 0) {
                throw new IllegalArgumentException("string length not even: " + len);
            }
            byte[] out = new byte[len / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) fromHexDigits(s, 2 * i);
            }
            return out;
        }
        int valueLength = prefix.length() + 2 + suffix.length();
        int stride = valueLength + delimiter.length();
        if (len < valueLength || (len - valueLength) % stride != 0) {
            throw new IllegalArgumentException("extra or missing delimiters or values consisting of prefix,"
                    + " two hexadecimal digits, and suffix");
        }
        int count = (len - valueLength) / stride + 1;
        String between = suffix + delimiter + prefix;
        byte[] out = new byte[count];
        checkLiteral(s, 0, prefix);
        int pos = prefix.length();
        for (int i = 0; i < count; i++) {
            out[i] = (byte) fromHexDigits(s, pos);
            pos += 2;
            if (i < count - 1) {
                checkLiteral(s, pos, between);
                pos += between.length();
            }
        }
        checkLiteral(s, pos, suffix);
        return out;
    }

    private static void checkLiteral(String s, int index, String literal) {
        for (int i = 0; i < literal.length(); i++) {
            if (s.charAt(index + i) != literal.charAt(i)) {
                throw new IllegalArgumentException(escapeNewlines("found: \"" + s.substring(index, index + literal.length())
                        + "\", expected: \"" + literal + "\", index: " + index + " ch: " + (int) s.charAt(index + i)));
            }
        }
    }

    private static String escapeNewlines(String s) {
        return s.replace("\n", "\\n");
    }

    public char toLowHexDigit(int value) {
        return (upperCase ? UPPER : LOWER)[value & 0xf];
    }

    public char toHighHexDigit(int value) {
        return (upperCase ? UPPER : LOWER)[(value >> 4) & 0xf];
    }

    public <A extends Appendable> A toHexDigits(A out, byte value) {
        requireNonNull(out);
        try {
            out.append(toHighHexDigit(value));
            out.append(toLowHexDigit(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return out;
    }

    public String toHexDigits(byte value) {
        return digits(value, 2);
    }

    public String toHexDigits(char value) {
        return digits(value, 4);
    }

    public String toHexDigits(short value) {
        return digits(value, 4);
    }

    public String toHexDigits(int value) {
        return digits(value, 8);
    }

    public String toHexDigits(long value) {
        return digits(value, 16);
    }

    public String toHexDigits(long value, int digits) {
        if (digits < 0 || digits > 16) {
            throw new IllegalArgumentException("number of digits: " + digits);
        }
        return digits(value, digits);
    }

    private String digits(long value, int digits) {
        char[] table = upperCase ? UPPER : LOWER;
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = table[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(out);
    }

    public static boolean isHexDigit(int ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }

    public static int fromHexDigit(int ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        throw new NumberFormatException("not a hexadecimal digit: \"" + (char) ch + "\" = " + ch);
    }

    private static int fromHexDigits(CharSequence s, int index) {
        return fromHexDigit(s.charAt(index)) << 4 | fromHexDigit(s.charAt(index + 1));
    }

    public static int fromHexDigits(CharSequence string) {
        return fromHexDigits(string, 0, string.length());
    }

    public static int fromHexDigits(CharSequence string, int fromIndex, int toIndex) {
        checkRange(fromIndex, toIndex, string.length());
        int length = toIndex - fromIndex;
        if (length > 8) {
            throw new IllegalArgumentException("string length greater than 8: " + length);
        }
        int value = 0;
        for (int i = fromIndex; i < toIndex; i++) {
            value = value << 4 | fromHexDigit(string.charAt(i));
        }
        return value;
    }

    public static long fromHexDigitsToLong(CharSequence string) {
        return fromHexDigitsToLong(string, 0, string.length());
    }

    public static long fromHexDigitsToLong(CharSequence string, int fromIndex, int toIndex) {
        checkRange(fromIndex, toIndex, string.length());
        int length = toIndex - fromIndex;
        if (length > 16) {
            throw new IllegalArgumentException("string length greater than 16: " + length);
        }
        long value = 0;
        for (int i = fromIndex; i < toIndex; i++) {
            value = value << 4 | fromHexDigit(string.charAt(i));
        }
        return value;
    }

    private static void checkRange(int from, int to, int length) {
        if (from < 0 || from > to || to > length) {
            throw new IndexOutOfBoundsException("Range [" + from + ", " + to + ") out of bounds for length " + length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof THexFormat f && f.upperCase == upperCase && f.delimiter.equals(delimiter)
                && f.prefix.equals(prefix) && f.suffix.equals(suffix);
    }

    @Override
    public int hashCode() {
        int h = 31 * (31 * (31 + delimiter.hashCode()) + prefix.hashCode()) + suffix.hashCode();
        return 31 * h + Boolean.hashCode(upperCase);
    }

    @Override
    public String toString() {
        return escapeNewlines("uppercase: " + upperCase + ", delimiter: \"" + delimiter + "\", prefix: \"" + prefix
                + "\", suffix: \"" + suffix + "\"");
    }
}
