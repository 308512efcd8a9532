package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * com.sun.net.httpserver.Headers in native images: a map from header names to their values, the
 * names normalized as the JDK's are (first character upper case, the rest lower case: "content-TYPE"
 * is "Content-type"), so lookups ignore case. Backed by a HashMap as the JDK's, so iteration
 * order (and the order response headers are written in) is the HashMap's. (Headers.of, JDK 18, is
 * not provided: it returns the JDK's internal unmodifiable subclass.)
 */
public class THeaders implements Map<String, List<String>> {
    private final HashMap<String, List<String>> map;

    public THeaders() {
        map = new HashMap<>(32);
    }

    public THeaders(Map<String, List<String>> headers) {
        Objects.requireNonNull(headers);
        map = new HashMap<>(32);
        putAll(headers);
    }

    private static String normalize(String key) {
        Objects.requireNonNull(key);
        int len = key.length();
        if (len == 0) {
            return key;
        }
        char[] b = key.toCharArray();
        if (b[0] >= 'a' && b[0] <= 'z') {
            b[0] = (char) (b[0] - ('a' - 'A'));
        } else if (b[0] == '\r' || b[0] == '\n') {
            throw new IllegalArgumentException("illegal character in key");
        }
        for (int i = 1; i < len; i++) {
            if (b[i] >= 'A' && b[i] <= 'Z') {
                b[i] = (char) (b[i] + ('a' - 'A'));
            } else if (b[i] == '\r' || b[i] == '\n') {
                throw new IllegalArgumentException("illegal character in key");
            }
        }
        return new String(b);
    }

    /**
     * The JDK's check of header names and values: no LF, no character above 255, and CR only in a
     * value, as the start of a continuation (CRLF then SP or HT).
     */
    private static void check(String str, boolean isValue) {
        int len = str.length();
        for (int i = 0; i < len; i++) {
            char c = str.charAt(i);
            if (c == '\r') {
                if (!isValue || i >= len - 2) {
                    throw new IllegalArgumentException("Illegal CR found in header");
                }
                char c1 = str.charAt(i + 1);
                char c2 = str.charAt(i + 2);
                if (c1 != '\n') {
                    throw new IllegalArgumentException("Illegal char found after CR in header");
                }
                if (c2 != ' ' && c2 != '\t') {
                    throw new IllegalArgumentException("No whitespace found after CRLF in header");
                }
                i += 2;
            } else if (c == '\n') {
                throw new IllegalArgumentException("Illegal LF found in header");
            } else if (c > 255) {
                throw new IllegalArgumentException("Illegal character found in header");
            }
        }
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        Objects.requireNonNull(key);
        return key instanceof String && map.containsKey(normalize((String) key));
    }

    @Override
    public boolean containsValue(Object value) {
        Objects.requireNonNull(value);
        return map.containsValue(value);
    }

    @Override
    public List<String> get(Object key) {
        return map.get(normalize((String) key));
    }

    public String getFirst(String key) {
        List<String> l = map.get(normalize(key));
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    @Override
    public List<String> put(String key, List<String> value) {
        check(key, false);
        for (String v : value) {
            check(v, true);
        }
        return map.put(normalize(key), value);
    }

    public void add(String key, String value) {
        check(key, false);
        check(value, true);
        String k = normalize(key);
        List<String> l = map.get(k);
        if (l == null) {
            l = new LinkedList<>();
            map.put(k, l);
        }
        l.add(value);
    }

    public void set(String key, String value) {
        List<String> l = new LinkedList<>();
        l.add(value);
        put(key, l);
    }

    @Override
    public List<String> remove(Object key) {
        return map.remove(normalize((String) key));
    }

    @Override
    public void putAll(Map<? extends String, ? extends List<String>> t) {
        for (Map.Entry<? extends String, ? extends List<String>> e : t.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public Set<String> keySet() {
        return map.keySet();
    }

    @Override
    public Collection<List<String>> values() {
        return map.values();
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        return map.entrySet();
    }

    @Override
    public boolean equals(Object o) {
        return map.equals(o);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return "Headers { " + map + " }";
    }
}
