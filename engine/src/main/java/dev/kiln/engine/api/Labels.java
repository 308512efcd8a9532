package dev.kiln.engine.api;

import dev.kiln.image.UntrustedText;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A VM's labels: KEY=VALUE pairs the daemon stores with its definition and shows in ps and
 * inspect, and lists by (GET /v1/vms?label=KEY=VALUE). They are how a compose project finds
 * its VMs from the daemon's state alone. Keys as Docker's label keys (reverse DNS notation
 * recommended), bounded so a label is always a short line.
 */
public final class Labels {
    public static final int MAX_LABELS = 64, MAX_KEY = 128, MAX_VALUE = 1024;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._/-]{0," + (MAX_KEY - 1) + "}");

    private Labels() {}

    /** A checked, sorted copy (null: none). */
    public static Map<String, String> checked(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) return Map.of();
        if (labels.size() > MAX_LABELS) throw new IllegalArgumentException("more than " + MAX_LABELS + " labels");
        TreeMap<String, String> copy = new TreeMap<>();
        for (var e : labels.entrySet()) {
            checkKey(e.getKey());
            String v = e.getValue();
            if (v == null) throw new IllegalArgumentException("label " + e.getKey() + " has no value");
            if (v.length() > MAX_VALUE) throw new IllegalArgumentException("label " + e.getKey() + ": value longer than " + MAX_VALUE + " characters");
            if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("label " + e.getKey() + ": the value contains a control character");
            }
            copy.put(e.getKey(), v);
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    public static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("label key " + (key == null ? "null" : UntrustedText.quote(key)) + " is not 1 to " + MAX_KEY
                    + " of a-z A-Z 0-9 . _ / -, a letter or digit first");
        }
    }

    /** KEY=VALUE, as the list filter and `kiln run --label` take it. */
    public static Map.Entry<String, String> parse(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("label " + UntrustedText.quote(s) + " is not KEY=VALUE");
        Map<String, String> one = checked(Map.of(s.substring(0, eq), s.substring(eq + 1)));
        return one.entrySet().iterator().next();
    }
}
