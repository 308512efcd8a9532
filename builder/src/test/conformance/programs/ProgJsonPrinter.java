import java.util.*;
import java.util.stream.*;

public class ProgJsonPrinter {
    static class JsonParser {
        private final String s;
        private int i;

        JsonParser(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            ws();
            if (i != s.length()) {
                throw error("trailing characters");
            }
            return v;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + i);
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || Character.isDigit(c)) {
                        return number();
                    }
                    throw error("unexpected '" + c + "'");
            }
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw error("bad literal");
            }
            i += word.length();
            return v;
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                if (s.charAt(i++) != ':') {
                    throw error("expected ':'");
                }
                m.put(k, value());
                ws();
                char c = s.charAt(i++);
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                char c = s.charAt(i++);
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            if (s.charAt(i) != '"') {
                throw error("expected string");
            }
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private Number number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String t = s.substring(start, i);
            if (t.contains(".") || t.contains("e") || t.contains("E")) {
                return Double.parseDouble(t);
            }
            long l = Long.parseLong(t);
            return l == (int) l ? (Number) (int) l : (Number) l;
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static void pretty(Object v, int indent, StringBuilder out) {
        String pad = "  ".repeat(indent);
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append(pad).append("  ").append(quote((String) e.getKey())).append(": ");
                pretty(e.getValue(), indent + 1, out);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            out.append(pad).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append("[]");
                return;
            }
            boolean simple = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            if (simple) {
                List<String> parts = new ArrayList<>();
                for (Object x : l) {
                    StringBuilder sb = new StringBuilder();
                    pretty(x, 0, sb);
                    parts.add(sb.toString());
                }
                out.append('[').append(String.join(", ", parts)).append(']');
                return;
            }
            out.append("[\n");
            for (int k = 0; k < l.size(); k++) {
                out.append(pad).append("  ");
                pretty(l.get(k), indent + 1, out);
                out.append(k + 1 < l.size() ? ",\n" : "\n");
            }
            out.append(pad).append(']');
        } else if (v instanceof String s) {
            out.append(quote(s));
        } else {
            out.append(v);
        }
    }

    static String compact(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(quote((String) k) + ":" + compact(x)));
            return "{" + String.join(",", parts) + "}";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ProgJsonPrinter::compact).collect(Collectors.joining(",", "[", "]"));
        }
        return v instanceof String s ? quote(s) : String.valueOf(v);
    }

    public static void main(String[] args) {
        String doc = """
                {"name": "kiln", "version": 3, "tags": ["unikernel", "java", "teavm"], "stable": false,
                 "limits": {"memory": 67108864, "cpus": 1, "ratio": 0.75, "big": 9007199254740993, "tiny": 1.0e-7, "neg": -42},
                 "owners": [{"login": "ann", "admin": true}, {"login": "b\\u00f6b", "admin": null, "note": "tab\\there \\"quoted\\""}],
                 "empty": {}, "none": [], "nested": [[1, 2], [3, [4, 5]], []]}
                """;
        Object v = new JsonParser(doc).parse();
        StringBuilder sb = new StringBuilder();
        pretty(v, 0, sb);
        System.out.println(sb);
        String c = compact(v);
        System.out.println(c);
        System.out.println("round trip " + compact(new JsonParser(c).parse()).equals(c) + " " + c.length());
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) v;
        System.out.println(root.keySet() + " " + ((Map<?, ?>) root.get("limits")).get("big").getClass().getSimpleName() + " "
                + ((Map<?, ?>) root.get("limits")).get("cpus").getClass().getSimpleName());
        for (String bad : new String[] {"{\"a\" 1}", "[1, 2", "tru", "{\"a\":1}x", "[1,]", ""}) {
            try {
                new JsonParser(bad).parse();
                System.out.println("parsed?! " + bad);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                System.out.println(bad + " -> " + e.getClass().getSimpleName() + (e instanceof IllegalArgumentException ? ": " + e.getMessage() : ""));
            }
        }
    }
}
