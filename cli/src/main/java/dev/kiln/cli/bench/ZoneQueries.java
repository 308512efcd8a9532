package dev.kiln.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * dnsperf's query file for a zone: one "NAME TYPE" line per record set of the zone's master
 * file (RFC 1035 syntax: $ORIGIN, $TTL, comments, parentheses, a blank owner meaning the one
 * before, relative and absolute names), so both servers of `kiln bench dns` are asked exactly
 * what they serve, each record set as often as the others.
 */
public final class ZoneQueries {
    private ZoneQueries() {}

    /** The query lines of a zone file's text whose origin is origin ("kiln.test."). */
    public static List<String> of(String zoneText, String origin) {
        String currentOrigin = absolute(origin, ".");
        String owner = null;
        Set<String> queries = new LinkedHashSet<>();
        for (String entry : entries(zoneText)) {
            boolean ownerGiven = !Character.isWhitespace(entry.charAt(0));
            List<String> t = List.of(entry.strip().split("\\s+"));
            if (t.getFirst().equals("$ORIGIN")) {
                currentOrigin = absolute(t.get(1), currentOrigin);
                continue;
            }
            if (t.getFirst().startsWith("$")) continue; // $TTL: nothing to ask
            int i = 0;
            if (ownerGiven) owner = t.get(i++).equals("@") ? currentOrigin : absolute(t.get(i - 1), currentOrigin);
            if (owner == null) throw new IllegalArgumentException("a record without an owner: " + entry.strip());
            while (i < t.size() && (t.get(i).matches("\\d+") || t.get(i).equalsIgnoreCase("IN"))) i++; // TTL and class
            if (i >= t.size()) throw new IllegalArgumentException("a record without a type: " + entry.strip());
            queries.add(owner + " " + t.get(i).toUpperCase(Locale.ROOT));
        }
        if (queries.isEmpty()) throw new IllegalArgumentException("the zone has no record");
        return List.copyOf(queries);
    }

    private static String absolute(String name, String origin) {
        if (name.endsWith(".")) return name;
        return name + "." + (origin.equals(".") ? "" : origin);
    }

    /** The zone's entries: comments removed, parenthesised lines joined, blank lines dropped. */
    private static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (String line : text.split("\n", -1)) {
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') quoted = !quoted;
                else if (!quoted && c == ';') break;
                else if (!quoted && c == '(') { depth++; c = ' '; }
                else if (!quoted && c == ')') { depth--; c = ' '; }
                cur.append(c);
            }
            if (depth > 0) {
                cur.append(' ');
                continue;
            }
            if (!cur.toString().isBlank()) out.add(cur.toString());
            cur.setLength(0);
        }
        if (depth != 0) throw new IllegalArgumentException("unbalanced parentheses in the zone");
        return out;
    }
}
