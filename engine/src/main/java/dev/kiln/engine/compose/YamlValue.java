package dev.kiln.engine.compose;

import dev.kiln.image.UntrustedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One node of the compose file with where it is: the file, its line and its path in the
 * document ({@code services.web.ports[1]}), so that every refusal names both. Reading a
 * value checks its type; the reader asks for exactly the shape it supports, so nothing is
 * ever walked beyond the schema (an alias bomb's shared subtrees are never expanded).
 */
record YamlValue(String file, String path, Node node) {
    /** A key shown as it is in a path; any other is quoted (bounded, control characters escaped). */
    private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    ComposeException error(String message) {
        return new ComposeException(file + ":" + line() + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** What a user would call it, for "expected a string, found a list". */
    String kind() {
        if (isMapping()) return "a mapping";
        if (isSequence()) return "a list";
        if (isNull()) return "nothing";
        Tag t = node.getTag();
        if (t.equals(Tag.INT) || t.equals(Tag.FLOAT)) return "the number " + ((ScalarNode) node).getValue();
        if (t.equals(Tag.BOOL)) return "the boolean " + ((ScalarNode) node).getValue();
        return "the string " + UntrustedText.quote(((ScalarNode) node).getValue());
    }

    /**
     * The entries of a mapping, in order, each key allowed (else "not supported by Kiln" at the
     * key's line), none twice, keys strings. With a set of supported keys, extension fields
     * (x-...) are left out unread, as Compose ignores them.
     */
    Map<String, YamlValue> mapping(Set<String> supported) {
        if (!isMapping()) throw error("expected a mapping, found " + kind());
        Map<String, YamlValue> out = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            YamlValue key = new YamlValue(file, path, t.getKeyNode());
            if (!key.isScalar()) throw key.error("a key must be a string, found " + key.kind());
            String k = ((ScalarNode) t.getKeyNode()).getValue();
            String childPath = (path.isEmpty() ? "" : path + ".") + (PLAIN_KEY.matcher(k).matches() ? k : UntrustedText.quote(k));
            YamlValue keyAt = new YamlValue(file, childPath, t.getKeyNode());
            if (lines.containsKey(k)) throw keyAt.error("given twice (first at line " + lines.get(k) + ")");
            lines.put(k, keyAt.line());
            if (supported != null && k.startsWith("x-")) continue;
            if (supported != null && !supported.contains(k)) throw keyAt.error("not supported by Kiln");
            out.put(k, new YamlValue(file, childPath, t.getValueNode()));
        }
        return out;
    }

    /** A mapping whose keys are names the caller checks (services, environment, labels). */
    Map<String, YamlValue> mapping() {
        return mapping(null);
    }

    List<YamlValue> sequence() {
        if (!isSequence()) throw error("expected a list, found " + kind());
        List<YamlValue> out = new ArrayList<>();
        List<Node> items = ((SequenceNode) node).getValue();
        for (int i = 0; i < items.size(); i++) out.add(new YamlValue(file, path + "[" + i + "]", items.get(i)));
        return out;
    }

    /**
     * A scalar as text (a number or a boolean as written: environment values and ports may be
     * either), with Compose's escape $$ for $; variable interpolation ($VAR, ${VAR}) is not
     * supported, and refused rather than passed on literally.
     */
    String string() {
        if (!isScalar()) throw error("expected a string, found " + kind());
        String raw = ((ScalarNode) node).getValue();
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '$' && i + 1 < raw.length()) {
                char n = raw.charAt(i + 1);
                if (n == '$') {
                    out.append('$');
                    i++;
                    continue;
                }
                if (n == '{' || n == '_' || Character.isLetter(n)) {
                    throw error("variable interpolation ($VAR, ${VAR}) is not supported by Kiln; write $$ for a $");
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A string that is not a number or boolean in disguise (restart: no is a string in YAML 1.2, true is not). */
    String text() {
        if (isScalar() && node.getTag().equals(Tag.BOOL)) throw error("expected a string, found " + kind() + " (quote it)");
        return string();
    }

    int integer(int min, int max) {
        if (!isScalar() || !node.getTag().equals(Tag.INT)) throw error("expected a whole number, found " + kind());
        String v = ((ScalarNode) node).getValue();
        long n;
        try {
            n = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16)
                    : v.startsWith("0o") ? Long.parseLong(v.substring(2), 8) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error("expected a whole number from " + min + " to " + max + ", found " + v);
        }
        if (n < min || n > max) throw error(n + " is not " + min + " to " + max);
        return (int) n;
    }

    boolean bool() {
        if (!isScalar() || !node.getTag().equals(Tag.BOOL)) throw error("expected true or false, found " + kind());
        return Boolean.parseBoolean(((ScalarNode) node).getValue().toLowerCase(java.util.Locale.ROOT));
    }
}
