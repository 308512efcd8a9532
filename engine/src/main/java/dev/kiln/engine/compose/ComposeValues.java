package dev.kiln.engine.compose;

import dev.kiln.engine.api.PortMapping;
import dev.kiln.image.UntrustedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's formats of single values: durations, byte sizes, ports, a command line, health tests. */
final class ComposeValues {
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]{1,9})(h|ms|m|s|us)");
    private static final Pattern BYTES = Pattern.compile("([0-9]{1,15})\\s*([kmg]?b?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1)(:([0-9]{1,5}))?(/[\\x21-\\x7e]*)?");

    private ComposeValues() {}

    /** 1m30s, 10s, 500ms, 2h (Compose's duration) in milliseconds (microseconds rounded up). */
    static long millis(YamlValue v) {
        String s = v.text().strip();
        Matcher m = DURATION_PART.matcher(s);
        long micros = 0;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            micros += switch (m.group(2)) {
                case "h" -> n * 3_600_000_000L;
                case "m" -> n * 60_000_000L;
                case "s" -> n * 1_000_000L;
                case "ms" -> n * 1_000L;
                default -> n;
            };
            at = m.end();
        }
        if (s.isEmpty() || at != s.length()) {
            throw v.error(UntrustedText.quote(s) + " is not a duration such as 30s, 1m30s or 500ms");
        }
        return (micros + 999) / 1000;
    }

    /** mem_limit: bytes, or a number with b, k, m, g (kb, mb, gb), in MiB rounded up. */
    static int mebibytes(YamlValue v, int max) {
        String s = v.string().strip();
        Matcher m = BYTES.matcher(s);
        if (!m.matches()) throw v.error(UntrustedText.quote(s) + " is not a size such as 64m, 1g or 67108864");
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2).toLowerCase(Locale.ROOT).replace("b", "")) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n < (1L << 33) ? n << 30 : Long.MAX_VALUE;
            default -> n;
        };
        long mib = bytes == Long.MAX_VALUE ? Long.MAX_VALUE : (bytes + (1 << 20) - 1) >> 20;
        if (mib < 1 || mib > max) throw v.error(s + " is not 1 MiB to " + max + " MiB");
        return (int) mib;
    }

    /**
     * A port: "HOST:GUEST", "127.0.0.1:HOST:GUEST", either with /tcp, or the long form {target,
     * published, host_ip, protocol}. Kiln publishes TCP on 127.0.0.1 only, on a given host port.
     */
    static PortMapping port(YamlValue v) {
        if (v.isMapping()) {
            Map<String, YamlValue> m = v.mapping(java.util.Set.of("target", "published", "host_ip", "protocol"));
            if (!m.containsKey("target")) throw v.error("a port needs target (the guest's port)");
            if (!m.containsKey("published")) throw v.error("a port needs published (Kiln publishes on a given host port)");
            if (m.containsKey("host_ip") && !m.get("host_ip").text().equals("127.0.0.1")) {
                throw m.get("host_ip").error("Kiln publishes on 127.0.0.1 only");
            }
            if (m.containsKey("protocol") && !m.get("protocol").text().equals("tcp")) {
                throw m.get("protocol").error("Kiln publishes tcp only");
            }
            return new PortMapping(portNumber(m.get("published")), portNumber(m.get("target")));
        }
        String s = v.string().strip();
        String spec = s.endsWith("/tcp") ? s.substring(0, s.length() - 4) : s;
        if (spec.contains("/")) throw v.error(UntrustedText.quote(s) + ": Kiln publishes tcp only");
        if (spec.startsWith("127.0.0.1:")) spec = spec.substring("127.0.0.1:".length());
        String[] parts = spec.split(":", -1);
        if (parts.length == 1 && parts[0].matches("[0-9]{1,5}")) {
            throw v.error(UntrustedText.quote(s) + ": Kiln publishes on a given host port: write HOSTPORT:" + parts[0]);
        }
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,5}") || !parts[1].matches("[0-9]{1,5}")) {
            throw v.error(UntrustedText.quote(s) + " is not HOSTPORT:GUESTPORT (Kiln publishes tcp on 127.0.0.1, no ranges)");
        }
        try {
            return new PortMapping(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    private static int portNumber(YamlValue v) {
        String s = v.string().strip();
        if (!s.matches("[0-9]{1,5}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 65535) {
            throw v.error(UntrustedText.quote(s) + " is not a port 1..65535");
        }
        return Integer.parseInt(s);
    }

    /** A command given as one string, split as a POSIX shell splits words (quotes, backslashes; no expansion). */
    static List<String> words(YamlValue v) {
        String s = v.string();
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else word.append(c);
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) word.append(s.charAt(++i));
                else word.append(c);
            } else if (Character.isWhitespace(c)) {
                if (word != null) out.add(word.toString());
                word = null;
            } else {
                if (word == null) word = new StringBuilder();
                if (c == '\'' || c == '"') quote = c;
                else if (c == '\\' && i + 1 < s.length()) word.append(s.charAt(++i));
                else word.append(c);
            }
        }
        if (quote != 0) throw v.error("unterminated " + quote + " quote");
        if (word != null) out.add(word.toString());
        return out;
    }

    /**
     * healthcheck.test as a Kiln probe: tcp:PORT or http:PORT/PATH as they are; Compose's command
     * forms (["CMD", ...], ["CMD-SHELL", "..."], a plain string) where they mean one: curl or wget
     * of http://localhost[:PORT]/PATH, nc -z localhost PORT. A unikernel runs no other program,
     * so any other command is refused. Null for ["NONE"].
     */
    static String healthTest(YamlValue v) {
        List<String> words;
        if (v.isSequence()) {
            List<YamlValue> items = v.sequence();
            if (items.isEmpty()) throw v.error("an empty test");
            String form = items.get(0).text();
            switch (form) {
                case "NONE" -> {
                    return null;
                }
                case "CMD" -> {
                    words = new ArrayList<>();
                    for (YamlValue w : items.subList(1, items.size())) words.add(w.string());
                }
                case "CMD-SHELL" -> {
                    if (items.size() != 2) throw v.error("CMD-SHELL takes one command line");
                    words = words(items.get(1));
                }
                default -> throw items.get(0).error(UntrustedText.quote(form) + " is not NONE, CMD or CMD-SHELL");
            }
        } else {
            String s = v.text().strip();
            if (s.startsWith("tcp:") || s.startsWith("http:")) return s;
            words = words(v);
        }
        String probe = probeOf(words);
        if (probe == null) {
            throw v.error("a unikernel runs no other program, so Kiln cannot run this command; write tcp:PORT or"
                    + " http:PORT/PATH (a curl or wget of http://localhost:PORT/PATH, or nc -z localhost PORT, is understood)");
        }
        return probe;
    }

    private static String probeOf(List<String> words) {
        List<String> w = new ArrayList<>(words);
        int or = w.indexOf("||"); // curl -f URL || exit 1
        if (or >= 0) {
            if (!w.subList(or + 1, w.size()).equals(List.of("exit", "1"))) return null;
            w = w.subList(0, or);
        }
        if (w.isEmpty()) return null;
        String program = w.get(0).substring(w.get(0).lastIndexOf('/') + 1);
        if (program.equals("curl") || program.equals("wget")) {
            String url = null;
            for (String a : w.subList(1, w.size())) {
                if (a.startsWith("http")) {
                    if (url != null) return null;
                    url = a;
                } else if (!a.startsWith("-")) {
                    return null;
                }
            }
            Matcher m = url == null ? null : URL.matcher(url);
            if (m == null || !m.matches() || url.startsWith("https")) return null;
            return "http:" + (m.group(3) == null ? "80" : m.group(3)) + (m.group(4) == null ? "/" : m.group(4));
        }
        if (program.equals("nc") && w.size() == 4 && w.get(1).equals("-z")
                && (w.get(2).equals("localhost") || w.get(2).equals("127.0.0.1")) && w.get(3).matches("[0-9]{1,5}")) {
            return "tcp:" + w.get(3);
        }
        return null;
    }
}
