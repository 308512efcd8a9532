package zonec;

/** IPv4 and IPv6 address text to bytes (RFC 4291 2.2 forms; no embedded IPv4), strictly. */
final class Addresses {
    private Addresses() {}

    static byte[] ipv4(String s, ZoneParser p) {
        String[] parts = Ascii.split(s, '.');
        if (parts.length != 4) {
            throw p.error("bad IPv4 address " + s);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3) {
                throw p.error("bad IPv4 address " + s);
            }
            int v = 0;
            for (int k = 0; k < parts[i].length(); k++) {
                char c = parts[i].charAt(k);
                if (c < '0' || c > '9') {
                    throw p.error("bad IPv4 address " + s);
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                throw p.error("bad IPv4 address " + s);
            }
            b[i] = (byte) v;
        }
        return b;
    }

    static byte[] ipv6(String s, ZoneParser p) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            throw p.error("bad IPv6 address " + s);
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        int[] h = groups(head, s, p);
        int[] t = groups(tail, s, p);
        if ((gap < 0 && h.length != 8) || (gap >= 0 && h.length + t.length > 7)) {
            throw p.error("bad IPv6 address " + s);
        }
        byte[] b = new byte[16];
        for (int i = 0; i < h.length; i++) {
            b[2 * i] = (byte) (h[i] >> 8);
            b[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            b[2 * g] = (byte) (t[i] >> 8);
            b[2 * g + 1] = (byte) t[i];
        }
        return b;
    }

    private static int[] groups(String part, String whole, ZoneParser p) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = Ascii.split(part, ':');
        int[] v = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            if (g[i].isEmpty() || g[i].length() > 4) {
                throw p.error("bad IPv6 address " + whole);
            }
            for (int k = 0; k < g[i].length(); k++) {
                int d = Ascii.hexDigit(g[i].charAt(k));
                if (d < 0) {
                    throw p.error("bad IPv6 address " + whole);
                }
                v[i] = v[i] * 16 + d;
            }
        }
        return v;
    }
}
