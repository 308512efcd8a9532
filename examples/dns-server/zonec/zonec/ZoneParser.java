package zonec;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the subset of the RFC 1035 5.1 master-file format the DNS example serves (at build
 * time, on the JDK: the image gets the result as a table, see ZoneCompiler): $ORIGIN, $TTL,
 * comments, parentheses spanning lines, "@", relative and absolute names, an owner left blank
 * meaning the previous one, optional TTL and class IN in either order, and the types A, AAAA,
 * NS, SOA and TXT (quoted strings with \X and \DDD escapes). Anything else is an error naming
 * the line, so a typo in the zone stops the build instead of serving wrong data.
 */
final class ZoneParser {
    private final List<String> tokens = new ArrayList<>();
    private String origin;
    private int defaultTtl = -1;
    private String previousOwner;
    private int line;

    private ZoneParser() {}

    /** One record as parsed: names inside the rdata (NS, SOA) kept apart for compression. */
    record Entry(String owner, int type, int ttl, List<String> names, byte[] rdata) {}

    static final int A = 1, NS = 2, SOA = 6, TXT = 16, AAAA = 28;

    /** The zone's records; throws IllegalArgumentException naming the line of the first mistake. */
    static Parsed parse(String text) {
        return new ZoneParser().run(text);
    }

    record Parsed(String origin, List<Entry> entries) {}

    private final List<Entry> entries = new ArrayList<>();

    private Parsed run(String text) {
        String zone = null;
        String[] lines = Ascii.split(text, '\n');
        for (int i = 0; i < lines.length; i++) {
            line = i + 1;
            boolean ownerGiven = !lines[i].isEmpty() && lines[i].charAt(0) != ' ' && lines[i].charAt(0) != '\t';
            tokens.clear();
            int depth = tokenize(lines[i], 0);
            while (depth > 0) { // "(" continues the entry on the following lines
                if (++i == lines.length) {
                    throw error("unclosed parenthesis");
                }
                depth = tokenize(lines[i], depth);
            }
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.get(0).equals("$ORIGIN")) {
                expect(2);
                if (!tokens.get(1).endsWith(".")) {
                    throw error("$ORIGIN must be absolute");
                }
                origin = name(tokens.get(1));
                if (zone == null) {
                    zone = origin;
                }
                continue;
            }
            if (tokens.get(0).equals("$TTL")) {
                expect(2);
                defaultTtl = number(tokens.get(1));
                continue;
            }
            if (zone == null) {
                throw error("$ORIGIN must come first");
            }
            record(zone, ownerGiven);
        }
        if (zone == null) {
            throw new IllegalArgumentException("zone: no $ORIGIN");
        }
        String apex = zone;
        long soas = entries.stream().filter(e -> e.type() == SOA).count();
        if (soas != 1 || entries.stream().noneMatch(e -> e.type() == SOA && e.owner().equals(apex))) {
            throw new IllegalArgumentException("zone: exactly one SOA record, at " + apex + ", is required (found " + soas + ")");
        }
        return new Parsed(zone, List.copyOf(entries));
    }

    private static boolean inZone(String zone, String name) {
        return name.equals(zone) || name.endsWith("." + zone);
    }

    private void record(String zone, boolean ownerGiven) {
        int t = 0;
        String owner;
        if (ownerGiven) {
            owner = name(tokens.get(t++));
        } else if (previousOwner != null) {
            owner = previousOwner;
        } else {
            throw error("no owner name");
        }
        if (!inZone(zone, owner)) {
            throw error(owner + " is outside the zone " + zone);
        }
        previousOwner = owner;
        int ttl = defaultTtl;
        for (int k = 0; k < 2 && t < tokens.size(); k++) {
            String tok = tokens.get(t);
            if (tok.equals("IN")) {
                t++;
            } else if (!tok.isEmpty() && Ascii.isDigit(tok.charAt(0))) {
                ttl = number(tok);
                t++;
            }
        }
        if (ttl < 0) {
            throw error("no TTL and no $TTL");
        }
        if (t >= tokens.size()) {
            throw error("no record type");
        }
        String type = tokens.get(t++);
        List<String> rd = tokens.subList(t, tokens.size());
        switch (type) {
            case "A":
                exact(rd, 1);
                entries.add(new Entry(owner, A, ttl, List.of(), Addresses.ipv4(rd.get(0), this)));
                break;
            case "AAAA":
                exact(rd, 1);
                entries.add(new Entry(owner, AAAA, ttl, List.of(), Addresses.ipv6(rd.get(0), this)));
                break;
            case "NS":
                exact(rd, 1);
                entries.add(new Entry(owner, NS, ttl, List.of(name(rd.get(0))), new byte[0]));
                break;
            case "SOA": {
                exact(rd, 7);
                byte[] tail = new byte[20];
                for (int k = 0; k < 5; k++) {
                    long v = Long.parseLong(checkDigits(rd.get(2 + k)));
                    if (v > 0xffffffffL) {
                        throw error("SOA field too large: " + rd.get(2 + k));
                    }
                    for (int b = 0; b < 4; b++) {
                        tail[k * 4 + b] = (byte) (v >>> (24 - 8 * b));
                    }
                }
                entries.add(new Entry(owner, SOA, ttl, List.of(name(rd.get(0)), name(rd.get(1))), tail));
                break;
            }
            case "TXT": {
                if (rd.isEmpty()) {
                    throw error("TXT needs at least one string");
                }
                int len = 0;
                for (String s : rd) {
                    len += 1 + s.length();
                }
                byte[] out = new byte[len];
                int p = 0;
                for (String s : rd) {
                    out[p++] = (byte) s.length(); // tokens hold one char per byte, each at most 255
                    for (int k = 0; k < s.length(); k++) {
                        out[p++] = (byte) s.charAt(k);
                    }
                }
                if (len > 65535) {
                    throw error("TXT too long");
                }
                entries.add(new Entry(owner, TXT, ttl, List.of(), out));
                break;
            }
            default:
                throw error("unsupported record type " + type);
        }
    }

    /**
     * Splits one line into tokens (quoted strings unescaped; one char per byte, UTF-8 encoded),
     * stopping at a comment; returns the parenthesis depth at its end.
     */
    private int tokenize(String s, int depth) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == ';') {
                break;
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw error("unbalanced ')'");
                }
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw error("unterminated string");
                    }
                    c = s.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        i = escape(s, i, b);
                    } else {
                        utf8(c, b);
                    }
                }
                if (b.length() > 255) {
                    throw error("character string longer than 255 bytes");
                }
                tokens.add(b.toString());
            } else {
                int start = i;
                while (i < s.length() && " \t\r;()\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(s.substring(start, i));
            }
        }
        return depth;
    }

    private int escape(String s, int i, StringBuilder b) {
        if (i >= s.length()) {
            throw error("escape at end of line");
        }
        if (i + 2 < s.length() && Ascii.isDigit(s.charAt(i)) && Ascii.isDigit(s.charAt(i + 1))
                && Ascii.isDigit(s.charAt(i + 2))) {
            int v = Integer.parseInt(s.substring(i, i + 3));
            if (v > 255) {
                throw error("\\DDD above 255");
            }
            b.append((char) v);
            return i + 3;
        }
        utf8(s.charAt(i), b);
        return i + 1;
    }

    private static void utf8(char c, StringBuilder b) {
        if (c < 0x80) {
            b.append(c);
        } else if (c < 0x800) {
            b.append((char) (0xc0 | (c >> 6))).append((char) (0x80 | (c & 0x3f)));
        } else {
            b.append((char) (0xe0 | (c >> 12))).append((char) (0x80 | ((c >> 6) & 0x3f))).append((char) (0x80 | (c & 0x3f)));
        }
    }

    /** An absolute, lower-case name with its final dot; labels of 1 to 63 bytes, 255 in all. */
    private String name(String text) {
        String n;
        if (text.equals("@")) {
            n = origin;
        } else if (text.endsWith(".")) {
            n = text;
        } else if (origin == null) {
            throw error("relative name before $ORIGIN");
        } else {
            n = text + "." + origin;
        }
        n = Ascii.lower(n);
        if (n.equals(".")) {
            return n;
        }
        int wire = 1;
        for (String label : Ascii.split(n.substring(0, n.length() - 1), '.')) {
            if (label.isEmpty() || label.length() > 63) {
                throw error("bad label in " + text);
            }
            wire += 1 + label.length();
        }
        if (wire > 255) {
            throw error("name longer than 255 bytes: " + text);
        }
        return n;
    }

    private int number(String s) {
        long v = Long.parseLong(checkDigits(s));
        if (v > Integer.MAX_VALUE) {
            throw error("number too large: " + s);
        }
        return (int) v;
    }

    private String checkDigits(String s) {
        if (s.isEmpty() || s.length() > 10) {
            throw error("bad number: " + s);
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Ascii.isDigit(s.charAt(i))) {
                throw error("bad number: " + s);
            }
        }
        return s;
    }

    private void expect(int n) {
        if (tokens.size() != n) {
            throw error(tokens.get(0) + " takes " + (n - 1) + " argument(s)");
        }
    }

    private void exact(List<String> rd, int n) {
        if (rd.size() != n) {
            throw error("expected " + n + " rdata field(s), found " + rd.size());
        }
    }

    IllegalArgumentException error(String why) {
        return new IllegalArgumentException("zone line " + line + ": " + why);
    }
}
