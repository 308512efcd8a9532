package dev.kiln.libos.classlib.java.util;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.InputMismatchException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * java.util.Scanner in native images, which TeaVM's class library lacks. Written from the JDK's
 * Javadoc for the everyday part: tokens split by a delimiter (white space by default, or any
 * regular expression), next/hasNext of tokens, ints, longs, shorts, bytes, doubles, floats, booleans,
 * BigInteger/BigDecimal (with the English locale's "," group separators), lines, findInLine, skip,
 * tokens(). A Scanner over a stream reads it to its end the first time it needs input (an image's
 * console has no input to wait for); errors are HotSpot's.
 */
public final class TScanner implements Iterator<String>, Closeable {
    /**
     * The JDK's line separators: \n, \r, \u2028, \u2029 and NEL (U+0085). Not as a String constant:
     * TeaVM 0.16.0's C backend writes U+0085 as a universal character name, which C forbids below U+00A0.
     */
    private static boolean isLineSeparator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == 0x85;
    }

    private Readable source;
    private String input;
    private int position;
    private Pattern delimiter; // null: white space (Character.isWhitespace), the JDK's default
    private int radix = 10;
    private boolean closed;
    private MatchResult lastMatch;
    private IOException lastException;

    public TScanner(String source) {
        this.input = source;
    }

    public TScanner(Readable source) {
        if (source == null) {
            throw new NullPointerException("source");
        }
        this.source = source;
    }

    public TScanner(InputStream source) {
        this(new InputStreamReader(source, StandardCharsets.UTF_8));
    }

    public TScanner(InputStream source, String charsetName) {
        this(new InputStreamReader(source, Charset.forName(charsetName)));
    }

    public TScanner(InputStream source, Charset charset) {
        this(new InputStreamReader(source, charset));
    }

    private String in() {
        if (closed) {
            throw new IllegalStateException("Scanner closed");
        }
        if (input == null) {
            StringBuilder sb = new StringBuilder();
            try {
                if (source instanceof Reader reader) {
                    char[] buf = new char[4096];
                    for (int n; (n = reader.read(buf)) >= 0;) {
                        sb.append(buf, 0, n);
                    }
                } else {
                    CharBuffer buf = CharBuffer.allocate(4096);
                    while (source.read(buf) >= 0) {
                        buf.flip();
                        sb.append(buf);
                        buf.clear();
                    }
                }
            } catch (IOException e) {
                lastException = e;
            }
            input = sb.toString();
        }
        return input;
    }

    public TScanner useDelimiter(String pattern) {
        delimiter = Pattern.compile(pattern);
        return this;
    }

    public TScanner useDelimiter(Pattern pattern) {
        delimiter = pattern;
        return this;
    }

    public Pattern delimiter() {
        return delimiter != null ? delimiter : Pattern.compile("\\p{javaWhitespace}+");
    }

    public TScanner useRadix(int radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            throw new IllegalArgumentException("radix:" + radix);
        }
        this.radix = radix;
        return this;
    }

    public int radix() {
        return radix;
    }

    public TScanner reset() {
        delimiter = null;
        radix = 10;
        return this;
    }

    public IOException ioException() {
        return lastException;
    }

    public MatchResult match() {
        if (lastMatch == null) {
            throw new IllegalStateException("No match result available");
        }
        return lastMatch;
    }

    /** The end of the delimiters starting at {@code from} (from itself if none). */
    private int skipDelimiters(String s, int from) {
        if (delimiter == null) {
            while (from < s.length() && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            return from;
        }
        Matcher m = delimiter.matcher(s);
        m.region(from, s.length());
        return m.lookingAt() ? m.end() : from;
    }

    /** The end of the token starting at {@code from}: the start of the next delimiter, or the input's end. */
    private int tokenEnd(String s, int from) {
        if (delimiter == null) {
            while (from < s.length() && !Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            return from;
        }
        Matcher m = delimiter.matcher(s);
        m.region(from, s.length());
        while (m.find()) {
            if (m.end() > m.start() || m.start() > from) {
                return m.start();
            }
        }
        return s.length();
    }

    /** The next token without consuming it, or null at the end of the input. */
    private String peek() {
        String s = in();
        int start = skipDelimiters(s, position);
        if (start == s.length()) {
            return null;
        }
        return s.substring(start, tokenEnd(s, start));
    }

    private String take() {
        String s = in();
        int start = skipDelimiters(s, position);
        if (start == s.length()) {
            throw new NoSuchElementException();
        }
        int end = tokenEnd(s, start);
        position = end;
        String token = s.substring(start, end);
        Matcher m = Pattern.compile(".*", Pattern.DOTALL).matcher(token);
        m.matches();
        lastMatch = m;
        return token;
    }

    @Override
    public boolean hasNext() {
        return peek() != null;
    }

    @Override
    public String next() {
        return take();
    }

    public boolean hasNext(String pattern) {
        return hasNext(Pattern.compile(pattern));
    }

    public boolean hasNext(Pattern pattern) {
        String token = peek();
        return token != null && pattern.matcher(token).matches();
    }

    public String next(String pattern) {
        return next(Pattern.compile(pattern));
    }

    public String next(Pattern pattern) {
        String token = peek();
        if (token == null) {
            throw new NoSuchElementException();
        }
        if (!pattern.matcher(token).matches()) {
            throw new InputMismatchException();
        }
        return take();
    }

    @Override
    public void remove() {
        throw new UnsupportedOperationException();
    }

    public boolean hasNextLine() {
        return position < in().length();
    }

    public String nextLine() {
        String s = in();
        if (position >= s.length()) {
            throw new NoSuchElementException("No line found");
        }
        int end = position;
        while (end < s.length() && !isLineSeparator(s.charAt(end))) {
            end++;
        }
        String line = s.substring(position, end);
        if (end < s.length()) {
            end += s.charAt(end) == '\r' && end + 1 < s.length() && s.charAt(end + 1) == '\n' ? 2 : 1;
        }
        position = end;
        return line;
    }

    public String findInLine(String pattern) {
        return findInLine(Pattern.compile(pattern));
    }

    public String findInLine(Pattern pattern) {
        String s = in();
        int lineEnd = position;
        while (lineEnd < s.length() && !isLineSeparator(s.charAt(lineEnd))) {
            lineEnd++;
        }
        Matcher m = pattern.matcher(s);
        m.region(position, lineEnd);
        if (!m.find()) {
            return null;
        }
        position = m.end();
        lastMatch = m;
        return m.group();
    }

    public TScanner skip(String pattern) {
        return skip(Pattern.compile(pattern));
    }

    public TScanner skip(Pattern pattern) {
        String s = in();
        Matcher m = pattern.matcher(s);
        m.region(position, s.length());
        if (!m.lookingAt()) {
            throw new NoSuchElementException();
        }
        position = m.end();
        lastMatch = m;
        return this;
    }

    public Stream<String> tokens() {
        List<String> all = new ArrayList<>();
        while (hasNext()) {
            all.add(next());
        }
        return all.stream();
    }

    // ---- numbers: the token must look like one (else InputMismatchException, not consumed) ----

    /** The token as an integer literal of the radix without group separators, or null if it is none. */
    private String integerToken(String token, int radix) {
        if (token == null) {
            return null;
        }
        String t = token;
        if (radix == 10 && t.indexOf(',') >= 0) {
            if (!t.matches("[-+]?[0-9]{1,3}(,[0-9]{3})+")) {
                return null;
            }
            t = t.replace(",", "");
        }
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        if (i == t.length()) {
            return null;
        }
        for (; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), radix) < 0) {
                return null;
            }
        }
        return t;
    }

    private String integer(int radix) {
        String token = peek();
        if (token == null) {
            throw new NoSuchElementException();
        }
        String t = integerToken(token, radix);
        if (t == null) {
            throw new InputMismatchException();
        }
        return t;
    }

    private long parse(String t, int radix, long min, long max) {
        try {
            String digits = t.startsWith("+") ? t.substring(1) : t;
            long v = Long.parseLong(digits, radix);
            if (v < min || v > max) {
                throw new InputMismatchException("Value out of range. Value:\"" + t + "\" Radix:" + radix);
            }
            take();
            return v;
        } catch (NumberFormatException e) {
            throw new InputMismatchException(forInputString(t, radix));
        }
    }

    /** NumberFormatException's message in HotSpot 25, which Scanner passes on. */
    private static String forInputString(String t, int radix) {
        return "For input string: \"" + t + "\"" + (radix == 10 ? "" : " under radix " + radix);
    }

    private boolean hasInteger(int radix, long min, long max) {
        String t = integerToken(peek(), radix);
        if (t == null) {
            return false;
        }
        try {
            long v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t, radix);
            return v >= min && v <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean hasNextInt() {
        return hasNextInt(radix);
    }

    public boolean hasNextInt(int radix) {
        return hasInteger(radix, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public int nextInt() {
        return nextInt(radix);
    }

    public int nextInt(int radix) {
        String t = integer(radix);
        try {
            int v = Integer.parseInt(t.startsWith("+") ? t.substring(1) : t, radix);
            take();
            return v;
        } catch (NumberFormatException e) {
            throw new InputMismatchException(forInputString(t, radix));
        }
    }

    public boolean hasNextLong() {
        return hasNextLong(radix);
    }

    public boolean hasNextLong(int radix) {
        return hasInteger(radix, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public long nextLong() {
        return nextLong(radix);
    }

    public long nextLong(int radix) {
        return parse(integer(radix), radix, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean hasNextShort() {
        return hasInteger(radix, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public short nextShort() {
        return (short) parse(integer(radix), radix, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public boolean hasNextByte() {
        return hasInteger(radix, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    public byte nextByte() {
        return (byte) parse(integer(radix), radix, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    public boolean hasNextBigInteger() {
        return integerToken(peek(), radix) != null;
    }

    public BigInteger nextBigInteger() {
        String t = integer(radix);
        take();
        return new BigInteger(t.startsWith("+") ? t.substring(1) : t, radix);
    }

    /** The token as a decimal literal for Double.parseDouble, or null if it is none. */
    private static String decimalToken(String token) {
        if (token == null) {
            return null;
        }
        String t = token;
        if (t.indexOf(',') >= 0) {
            if (!t.matches("[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?([eE][-+]?[0-9]+)?")) {
                return null;
            }
            t = t.replace(",", "");
        }
        if (t.matches("[-+]?(NaN|Infinity|\u221E)")) {
            return t.replace("\u221E", "Infinity");
        }
        return t.matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?") ? t : null;
    }

    private String decimal() {
        String token = peek();
        if (token == null) {
            throw new NoSuchElementException();
        }
        String t = decimalToken(token);
        if (t == null) {
            throw new InputMismatchException();
        }
        take();
        return t;
    }

    public boolean hasNextDouble() {
        return decimalToken(peek()) != null;
    }

    public double nextDouble() {
        return Double.parseDouble(decimal());
    }

    public boolean hasNextFloat() {
        return decimalToken(peek()) != null;
    }

    public float nextFloat() {
        return Float.parseFloat(decimal());
    }

    public boolean hasNextBigDecimal() {
        String t = decimalToken(peek());
        return t != null && !t.contains("NaN") && !t.contains("Infinity");
    }

    public BigDecimal nextBigDecimal() {
        if (!hasNextBigDecimal()) {
            throw hasNext() ? new InputMismatchException() : new NoSuchElementException();
        }
        String t = decimal();
        return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
    }

    public boolean hasNextBoolean() {
        String token = peek();
        return token != null && (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false"));
    }

    public boolean nextBoolean() {
        if (!hasNextBoolean()) {
            throw hasNext() ? new InputMismatchException() : new NoSuchElementException();
        }
        return Boolean.parseBoolean(take());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (source instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException e) {
                lastException = e;
            }
        }
        closed = true;
    }
}
