package dev.kiln.image;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one manifest grammar of both image flavors, with its one reader and its one writer
 * (docs/image-format.md, "The manifest"). Which keys exist and what their values mean is the
 * business of the typed manifests built on it: {@link Manifest} (native images) and
 * {@link JvmManifest} (jvm images).
 *
 * <p>The text is UTF-8, one entry per line (LF; a CR right before the LF is dropped, so CRLF
 * files read the same); NUL bytes at the end are padding (an ELF note's descriptor is padded to 4
 * bytes) and a NUL anywhere else is an error. A blank line, or one whose first character is
 * {@code #}, is skipped. Every other line is {@code KEY=VALUE}: the key matches
 * {@code [A-Za-z_][A-Za-z0-9_.-]*}, the value is everything after the first {@code =}, and in it
 * {@code \\} stands for a backslash, {@code \n} for a line feed and {@code \r} for a carriage
 * return; any other backslash is an error. So any string without NUL can be a value. Keys may
 * repeat; the reader keeps the order.
 *
 * <p>The reader is strict because a manifest is untrusted input: every refusal is an
 * {@link ImageException} "manifest line N: ...".
 */
public final class ManifestText {
    /** One {@code KEY=VALUE} line; {@code value} unescaped; {@code line} counts from 1. */
    public record Entry(int line, String key, String value) {}

    private final List<Entry> entries;

    private ManifestText(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** An error about one entry of a manifest: "manifest line N: what". */
    public static ImageException error(Entry e, String what) {
        return error(e.line(), what);
    }

    static ImageException error(int line, String what) {
        return new ImageException("manifest line " + line + ": " + what);
    }

    /** An error about a key that must be present and is not. */
    public static ImageException missing(String key) {
        return new ImageException("manifest: no " + key + "= line");
    }

    // ---- reading ----

    /** Reads a manifest's bytes (an ELF note descriptor, a jvm image's manifest section). */
    public static ManifestText parse(byte[] bytes) {
        int len = bytes.length;
        while (len > 0 && bytes[len - 1] == 0) len--;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, len);
        CharBuffer out = CharBuffer.allocate(len);
        CoderResult r = utf8.decode(in, out, true);
        if (r.isError()) throw error(lineAt(bytes, in.position()), "not valid UTF-8");
        utf8.flush(out);
        return parse(out.flip().toString());
    }

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }

    public static ManifestText parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.indexOf('\0') >= 0) throw error(number, "contains a NUL byte");
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw error(number, "expected KEY=VALUE, got " + quote(line));
            String key = line.substring(0, eq);
            if (!isKey(key)) throw error(number, "bad key " + quote(key));
            entries.add(new Entry(number, key, unescape(line.substring(eq + 1), number, key)));
        }
        return new ManifestText(entries);
    }

    private static String unescape(String v, int line, String key) {
        if (v.indexOf('\\') < 0) return v;
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == v.length()) throw error(line, "the value of " + key + " ends in a lone backslash (write \\\\)");
            switch (v.charAt(i)) {
                case '\\' -> b.append('\\');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                default -> throw error(line, "unknown escape \\" + v.charAt(i) + " in the value of " + key
                        + " (only \\\\, \\n and \\r)");
            }
        }
        return b.toString();
    }

    /** True if {@code key} is a manifest key: {@code [A-Za-z_][A-Za-z0-9_.-]*}. */
    public static boolean isKey(String key) {
        if (key.isEmpty()) return false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            boolean more = (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!letter && (i == 0 || !more)) return false;
        }
        return true;
    }

    // ---- writing ----

    public static Writer writer() {
        return new Writer();
    }

    /** Writes entries in the order they are added; whatever it writes, {@link #parse} reads back unchanged. */
    public static final class Writer {
        private final StringBuilder text = new StringBuilder();

        private Writer() {}

        /** Adds one line; IllegalArgumentException for a bad key or a value holding a NUL. */
        public Writer add(String key, String value) {
            if (!isKey(key)) throw new IllegalArgumentException("bad manifest key \"" + key + "\"");
            checkValue(key, value);
            text.append(key).append('=');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
            text.append('\n');
            return this;
        }

        /** Adds one line per value, in order. */
        public Writer addAll(String key, List<String> values) {
            values.forEach(v -> add(key, v));
            return this;
        }

        /** Appends lines that are already in the grammar (the unknown keys a typed manifest keeps). */
        public Writer addLines(List<String> lines) {
            for (String line : lines) {
                List<Entry> e = parse(line).entries();
                if (e.size() != 1 || line.indexOf('\n') >= 0) throw new IllegalArgumentException("not one manifest line: " + quote(line));
                text.append(line).append('\n');
            }
            return this;
        }

        public String text() {
            return text.toString();
        }

        public byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One line as the writer writes it, without its line feed: how typed manifests keep lines with unknown keys. */
    public static String line(String key, String value) {
        String text = writer().add(key, value).text();
        return text.substring(0, text.length() - 1);
    }

    /**
     * What is wrong with a kept line of a typed manifest whose keys are {@code known}, or null: it
     * must be one line the reader accepts, with a key that is not known.
     */
    public static String unknownLineProblem(String line, List<String> known) {
        List<Entry> e;
        try {
            e = parse(line).entries();
        } catch (ImageException bad) {
            return "unknown manifest line " + quote(line) + ": " + bad.getMessage();
        }
        if (e.size() != 1 || line.indexOf('\n') >= 0 || known.contains(e.getFirst().key())) {
            return "not one line with an unknown key: " + quote(line);
        }
        return null;
    }

    /**
     * IllegalArgumentException if {@code value} cannot be written: it holds a NUL (C strings end
     * there) or half of a surrogate pair (not Unicode, so not UTF-8).
     */
    public static void checkValue(String key, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("the value of manifest key " + key + " contains a NUL character");
            }
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!pair) {
                    throw new IllegalArgumentException("the value of manifest key " + key + " is not Unicode text"
                            + " (an unpaired surrogate)");
                }
                i++;
            }
        }
    }

    /**
     * {@code s} for an error message: quoted, at most 60 characters, {@link #printable}, so that
     * hostile text cannot break the one line a user reads.
     */
    public static String quote(String s) {
        return "\"" + printable(s.length() > 60 ? s.substring(0, 60) : s) + (s.length() > 60 ? "...\"" : "\"");
    }

    /** {@code s} with control and format characters (line breaks, escape sequences, bidi overrides) as \\uXXXX. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i)); // a pair: one character beyond U+FFFF
            } else if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
