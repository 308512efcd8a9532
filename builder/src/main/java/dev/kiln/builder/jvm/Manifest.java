package dev.kiln.builder.jvm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The manifest of a jvm-flavor image: UTF-8 {@code key=value} lines. Repeated keys ({@code arg},
 * {@code env}, {@code jvm_option}) keep their order. Values escape backslash as {@code \\} and
 * newline as {@code \n}. Keys: name, main, memory_mb, arg*, env* (NAME=value), jvm_option*,
 * modules (comma list), kernel_hash, linux_source, initramfs_encoding, jdk, kiln_format.
 */
public final class Manifest {
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    public static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public Manifest add(String key, String value) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("bad manifest key: " + key);
        }
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return this;
    }

    public Manifest set(String key, String value) {
        values.remove(key);
        return add(key, value);
    }

    public List<String> all(String key) {
        return List.copyOf(values.getOrDefault(key, List.of()));
    }

    /** The single value of a key; throws if it is missing or repeated. */
    public String get(String key) {
        List<String> v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("manifest has no " + key + "=");
        }
        if (v.size() > 1) {
            throw new IllegalArgumentException("manifest has " + key + "= more than once");
        }
        return v.get(0);
    }

    public String get(String key, String dflt) {
        return values.containsKey(key) ? get(key) : dflt;
    }

    public int memoryMb() {
        String v = get("memory_mb");
        try {
            int mb = Integer.parseInt(v);
            if (mb < 64 || mb > 65536) {
                throw new IllegalArgumentException("manifest memory_mb=" + v + " is outside 64..65536");
            }
            return mb;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("manifest memory_mb=" + v + " is not a number");
        }
    }

    public Map<String, List<String>> asMap() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, List.copyOf(v)));
        return m;
    }

    public String encode() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, vs) -> vs.forEach(v -> b.append(k).append('=').append(escape(v)).append('\n')));
        return b.toString();
    }

    public byte[] bytes() {
        return encode().getBytes(StandardCharsets.UTF_8);
    }

    public static Manifest parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("manifest is not valid UTF-8");
        }
        Manifest m = new Manifest();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || !KEY.matcher(line.substring(0, eq)).matches()) {
                throw new IllegalArgumentException("manifest line " + lineNo + " is not key=value");
            }
            m.add(line.substring(0, eq), unescape(line.substring(eq + 1)));
        }
        return m;
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String unescape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                if (i + 1 >= v.length()) {
                    throw new IllegalArgumentException("manifest value ends in a lone backslash");
                }
                char n = v.charAt(++i);
                if (n == 'n') {
                    b.append('\n');
                } else if (n == '\\') {
                    b.append('\\');
                } else {
                    throw new IllegalArgumentException("manifest value has an unknown escape \\" + n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
