package dev.kiln.oci.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code WWW-Authenticate} challenge of a registry (RFC 7235): a scheme (Basic or Bearer)
 * and its parameters ({@code realm}, {@code service}, {@code scope}), quoted strings unescaped.
 */
record AuthChallenge(String scheme, Map<String, String> params) {
    static AuthChallenge parse(String header) {
        if (header == null) throw new IllegalArgumentException("no WWW-Authenticate header");
        String h = header.strip();
        int sp = h.indexOf(' ');
        String scheme = sp < 0 ? h : h.substring(0, sp);
        Map<String, String> params = new LinkedHashMap<>();
        int i = sp < 0 ? h.length() : sp + 1;
        while (i < h.length()) {
            while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == ',')) i++;
            int eq = h.indexOf('=', i);
            if (eq < 0) break;
            String key = h.substring(i, eq).strip().toLowerCase();
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < h.length() && h.charAt(i) == '"') {
                i++;
                while (i < h.length() && h.charAt(i) != '"') {
                    if (h.charAt(i) == '\\' && i + 1 < h.length()) i++;
                    v.append(h.charAt(i++));
                }
                i++; // closing quote
            } else {
                while (i < h.length() && h.charAt(i) != ',') v.append(h.charAt(i++));
            }
            params.put(key, v.toString().strip());
        }
        return new AuthChallenge(scheme, params);
    }

    boolean isBearer() {
        return scheme.equalsIgnoreCase("Bearer");
    }

    boolean isBasic() {
        return scheme.equalsIgnoreCase("Basic");
    }
}
