package dev.kiln.rt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * Properties.store(Writer, String), which TeaVM 0.16.0 lacks, store(OutputStream, String) in
 * the JDK's format and load(Reader) (ApiAdditions adds and replaces them). store writes the comment lines, a date line, then
 * {@code key=value} with the JDK's escapes; through an OutputStream in ISO 8859-1 with every other
 * character as {@code \\uXXXX}.
 */
public final class KilnProperties {
    private KilnProperties() {
    }

    public static void store(Properties p, Writer writer, String comments) throws IOException {
        store(p, writer instanceof BufferedWriter b ? b : new BufferedWriter(writer), comments, false);
    }

    public static void store(Properties p, OutputStream out, String comments) throws IOException {
        store(p, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.ISO_8859_1)), comments, true);
    }

    /**
     * Properties.load(Reader) as the JDK's: TeaVM's goes through bytes and cuts every char above
     * U+00FF to its low byte.
     */
    public static void load(Properties p, Reader reader) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[4096];
        for (int n; (n = reader.read(buf)) >= 0;) {
            all.append(buf, 0, n);
        }
        String in = all.toString();
        int i = 0;
        int len = in.length();
        lines:
        while (i < len) {
            // one logical line: leading white space skipped, blank and comment lines dropped
            while (i < len && isBlank(in.charAt(i))) {
                i++;
            }
            if (i == len) {
                break;
            }
            char first = in.charAt(i);
            if (first == '\n' || first == '\r') {
                i++;
                continue;
            }
            if (first == '#' || first == '!') {
                while (i < len && in.charAt(i) != '\n' && in.charAt(i) != '\r') {
                    i++;
                }
                continue;
            }
            StringBuilder line = new StringBuilder();
            boolean endsRightAfterContinuation = false;
            while (i < len) {
                char c = in.charAt(i);
                if (c == '\n' || c == '\r') {
                    int slashes = 0;
                    for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
                        slashes++;
                    }
                    boolean crlf = c == '\r' && i + 1 < len && in.charAt(i + 1) == '\n';
                    i += crlf ? 2 : 1;
                    if (slashes % 2 == 0) {
                        break;
                    }
                    line.setLength(line.length() - 1); // a continuation: the next line's leading blanks go too
                    endsRightAfterContinuation = i == len && !crlf; // the JDK reads \r\n's \n as a line of its own
                    while (i < len && isBlank(in.charAt(i))) {
                        i++;
                    }
                    if (line.length() == 0 && i < len && (in.charAt(i) == '#' || in.charAt(i) == '!')) {
                        // nothing before the backslash yet: as in the JDK, the next line starts afresh (a comment)
                        while (i < len && in.charAt(i) != '\n' && in.charAt(i) != '\r') {
                            i++;
                        }
                        continue lines;
                    }
                    continue;
                }
                line.append(c);
                i++;
                if (i == len) {
                    // the input ends inside an escape: the JDK drops that backslash
                    int slashes = 0;
                    for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
                        slashes++;
                    }
                    if (slashes % 2 == 1) {
                        line.setLength(line.length() - 1);
                        endsRightAfterContinuation = true;
                    }
                }
            }
            if (line.length() == 0 && !endsRightAfterContinuation) {
                // only a continued backslash, then a blank line: no entry, as in the JDK; but a backslash and
                // a line terminator ending the input make the key ""
                continue;
            }
            int keyEnd = 0;
            boolean escaped = false;
            while (keyEnd < line.length()) {
                char c = line.charAt(keyEnd);
                if (!escaped && (c == '=' || c == ':' || isBlank(c))) {
                    break;
                }
                escaped = c == '\\' && !escaped;
                keyEnd++;
            }
            int valueStart = keyEnd;
            while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
                valueStart++;
            }
            if (valueStart < line.length() && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
                valueStart++;
                while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
                    valueStart++;
                }
            }
            p.put(unescape(line, 0, keyEnd), unescape(line, valueStart, line.length()));
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static String unescape(CharSequence s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                sb.append(c);
                continue;
            }
            c = s.charAt(++i);
            if (c == 'u') {
                if (i + 4 >= to) {
                    throw new IllegalArgumentException("Malformed \\uxxxx encoding.");
                }
                int v = 0;
                for (int k = 1; k <= 4; k++) {
                    int d = Character.digit(s.charAt(i + k), 16);
                    if (d < 0) {
                        throw new IllegalArgumentException("Malformed \\uxxxx encoding.");
                    }
                    v = v * 16 + d;
                }
                sb.append((char) v);
                i += 4;
            } else {
                sb.append(switch (c) {
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    default -> c;
                });
            }
        }
        return sb.toString();
    }

    private static void store(Properties p, BufferedWriter w, String comments, boolean escapeUnicode)
            throws IOException {
        if (comments != null) {
            writeComments(w, comments);
        }
        w.write("#" + new Date());
        w.newLine();
        synchronized (p) {
            for (Map.Entry<Object, Object> e : p.entrySet()) {
                w.write(escape((String) e.getKey(), true, escapeUnicode));
                w.write("=");
                w.write(escape((String) e.getValue(), false, escapeUnicode));
                w.newLine();
            }
        }
        w.flush();
    }

    private static String escape(String s, boolean isKey, boolean escapeUnicode) {
        StringBuilder sb = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ' -> sb.append(i == 0 || isKey ? "\\ " : " ");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!', '\\' -> sb.append('\\').append(c);
                default -> {
                    if ((c < 0x20 || c > 0x7e) && escapeUnicode) {
                        sb.append("\\u").append(hex4(c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String hex4(char c) {
        String h = Integer.toHexString(c).toUpperCase();
        return "0000".substring(h.length()) + h;
    }

    /** Comment lines start with '#'; a line break in them starts a new comment line unless one follows. */
    private static void writeComments(BufferedWriter w, String comments) throws IOException {
        w.write("#");
        int len = comments.length();
        for (int i = 0; i < len; i++) {
            char c = comments.charAt(i);
            if (c > 0xff || c == '\n' || c == '\r') {
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < len && comments.charAt(i + 1) == '\n') {
                        i++;
                    }
                    w.newLine();
                    if (i + 1 < len && (comments.charAt(i + 1) == '#' || comments.charAt(i + 1) == '!')) {
                        continue;
                    }
                    w.write("#");
                } else {
                    w.write("\\u" + hex4(c));
                }
            } else {
                w.write(c);
            }
        }
        w.newLine();
    }
}
