package dnsserver;

/**
 * A parsed query (RFC 1035 4.1). Every length and count comes from the network and is checked
 * before it is used; a malformed message becomes FORMERR, never an exception or a wrong answer.
 */
final class Query {
    static final int NOERROR = 0, FORMERR = 1, SERVFAIL = 2, NXDOMAIN = 3, NOTIMP = 4, REFUSED = 5;
    static final int TYPE_OPT = 41;

    int id;
    int flags;            // the query's second 16-bit word (opcode and RD are echoed)
    int rcode = NOERROR;  // FORMERR / NOTIMP if the query cannot be answered
    String name;          // lower case, absolute with the final dot ("." for the root)
    int nameEnd;          // offset just past the question's name
    int questionEnd;      // offset just past the question (QTYPE, QCLASS)
    int qtype;
    int qclass;
    boolean edns;         // an OPT record was present (RFC 6891)
    int ednsVersion;
    int udpSize = 512;    // what the client can receive

    /** Parses msg[0, len); returns null when no reply may be sent (too short, or a response). */
    static Query parse(byte[] msg, int len) {
        if (len < 12 || (msg[2] & 0x80) != 0) {
            return null; // no header to answer with, or QR set: never answer a response (loops)
        }
        Query q = new Query();
        q.id = u16(msg, 0);
        q.flags = u16(msg, 2);
        int opcode = (q.flags >> 11) & 0xf;
        if (opcode != 0) {
            q.rcode = NOTIMP;
            return q;
        }
        int qd = u16(msg, 4), an = u16(msg, 6), ns = u16(msg, 8), ar = u16(msg, 10);
        if (qd != 1) {
            q.rcode = FORMERR;
            return q;
        }
        StringBuilder name = new StringBuilder();
        int p = readQuestionName(msg, 12, len, name);
        if (p < 0 || p + 4 > len) {
            q.rcode = FORMERR;
            return q;
        }
        q.name = name.length() == 0 ? "." : name.toString();
        q.nameEnd = p;
        q.qtype = u16(msg, p);
        q.qclass = u16(msg, p + 2);
        p += 4;
        q.questionEnd = p;
        // Answer and authority records of a query are skipped; OPT is looked for in the additional.
        for (int i = 0; i < an + ns + ar && p >= 0; i++) {
            int nameStart = p;
            p = skipName(msg, p, len);
            if (p < 0 || p + 10 > len) {
                p = -1;
                break;
            }
            int type = u16(msg, p), rdlen = u16(msg, p + 8);
            if (type == TYPE_OPT) {
                // RFC 6891 6.1.1: only in the additional section, only one, owner the root.
                if (i < an + ns || q.edns || p != nameStart + 1) {
                    p = -1;
                    break;
                }
                q.edns = true;
                q.udpSize = Math.max(512, u16(msg, p + 2));
                q.ednsVersion = msg[p + 5] & 0xff;
            }
            p += 10 + rdlen;
            if (p > len) {
                p = -1;
            }
        }
        if (p != len) {
            q.rcode = FORMERR; // a bad record, or bytes after the last one
        }
        return q;
    }

    /** The question's name: plain labels only (a pointer has nothing before it to point to). */
    private static int readQuestionName(byte[] msg, int p, int len, StringBuilder out) {
        int wire = 0;
        while (true) {
            if (p >= len) {
                return -1;
            }
            int l = msg[p] & 0xff;
            if (l == 0) {
                return p + 1;
            }
            if (l > 63 || p + 1 + l > len || (wire += 1 + l) > 254) {
                return -1; // pointer or reserved label type, truncated, or over 255 bytes
            }
            for (int i = 0; i < l; i++) {
                int c = msg[p + 1 + i] & 0xff;
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                // A dot inside a label matches no name of the zone; keep one char per byte so
                // offsets computed from the text stay those of the wire form.
                out.append(c == '.' ? '\u0100' : (char) c);
            }
            out.append('.');
            p += 1 + l;
        }
    }

    /** Skips a name that may end in a compression pointer; -1 if malformed. */
    private static int skipName(byte[] msg, int p, int len) {
        for (int labels = 0; labels < 128; labels++) {
            if (p >= len) {
                return -1;
            }
            int l = msg[p] & 0xff;
            if (l == 0) {
                return p + 1;
            }
            if ((l & 0xc0) == 0xc0) {
                return p + 2 <= len && ((l & 0x3f) << 8 | (msg[p + 1] & 0xff)) < p ? p + 2 : -1;
            }
            if (l > 63) {
                return -1;
            }
            p += 1 + l;
        }
        return -1;
    }

    static int u16(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
