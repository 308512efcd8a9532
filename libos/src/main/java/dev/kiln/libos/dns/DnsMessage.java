package dev.kiln.libos.dns;

/**
 * The two DNS messages a stub resolver needs (RFC 1035 4.1): the query for a name's IPv4
 * addresses (type A, class IN, recursion desired), and the reading of its response. The response
 * is untrusted input: every length and offset is checked against the datagram, compressed names
 * may not loop, and anything malformed is a {@link DnsException} of kind MALFORMED, never an
 * exception of another type.
 */
public final class DnsMessage {
    public static final int TYPE_A = 1;
    public static final int TYPE_CNAME = 5;
    public static final int CLASS_IN = 1;
    public static final int RCODE_NOERROR = 0;
    public static final int RCODE_SERVFAIL = 2;
    public static final int RCODE_NXDOMAIN = 3;
    /** Longest name in presentation form without the final dot (RFC 1035 2.3.4: 255 octets on the wire). */
    public static final int MAX_NAME = 253;
    /** Compression pointers followed per name before it is called a loop. */
    private static final int MAX_POINTERS = 32;

    private DnsMessage() {
    }

    /** What a response said: its rcode, whether it was truncated, and the IPv4 addresses of the name with the lowest TTL. */
    public record Answer(int rcode, boolean truncated, int[] addresses, long ttlSeconds) {
    }

    /** An A query for {@code name} (already checked by {@link #checkName}) with transaction {@code id}. */
    public static byte[] query(int id, String name) {
        String n = trimDot(name);
        byte[] q = new byte[12 + n.length() + 2 + 4];
        q[0] = (byte) (id >>> 8);
        q[1] = (byte) id;
        q[2] = 0x01; // RD
        q[5] = 1; // QDCOUNT
        int o = 12;
        int start = 0;
        while (start < n.length()) {
            int dot = n.indexOf('.', start);
            int end = dot < 0 ? n.length() : dot;
            q[o++] = (byte) (end - start);
            for (int i = start; i < end; i++) {
                q[o++] = (byte) n.charAt(i);
            }
            start = end + 1;
        }
        q[o++] = 0;
        q[o++] = 0;
        q[o++] = TYPE_A;
        q[o++] = 0;
        q[o] = CLASS_IN;
        return q;
    }

    /** Throws IllegalArgumentException unless {@code name} is a DNS name this resolver can ask for. */
    public static void checkName(String name) {
        String n = trimDot(name);
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new IllegalArgumentException("not a DNS name");
        }
        int label = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    throw new IllegalArgumentException("not a DNS name");
                }
                label = 0;
            } else if (c > ' ' && c < 127 && ++label <= 63) {
                continue;
            } else {
                throw new IllegalArgumentException("not a DNS name");
            }
        }
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * Reads the response {@code m[0..len)} to the query {@code id} for {@code name}: checks that it
     * is a response to that question, then collects the A records of the name and of the names it
     * is an alias of (CNAME chains in the answer section), with the smallest TTL among them.
     */
    public static Answer parse(byte[] m, int len, int id, String name) throws DnsException {
        if (len < 12 || len > m.length) {
            throw malformed("shorter than a header");
        }
        if (u16(m, 0) != id) {
            throw malformed("another transaction id");
        }
        int flags = u16(m, 2);
        if ((flags & 0x8000) == 0 || ((flags >>> 11) & 0xf) != 0) {
            throw malformed("not a response to a standard query");
        }
        boolean truncated = (flags & 0x0200) != 0;
        int rcode = flags & 0xf;
        int qd = u16(m, 4);
        int an = u16(m, 6);
        int o = 12;
        String wanted = trimDot(name);
        if (qd != 1) {
            if (truncated || rcode != RCODE_NOERROR) {
                return new Answer(rcode, truncated, new int[0], 0);
            }
            throw malformed(qd + " questions");
        }
        int[] at = {o};
        String qname = readName(m, len, at);
        o = at[0];
        if (o + 4 > len || u16(m, o) != TYPE_A || u16(m, o + 2) != CLASS_IN || !qname.equalsIgnoreCase(wanted)) {
            throw malformed("the answer is to another question");
        }
        o += 4;
        String current = wanted;
        int[] found = new int[Math.min(an, 64)];
        int count = 0;
        long ttl = Long.MAX_VALUE;
        for (int i = 0; i < an; i++) {
            at[0] = o;
            String owner = readName(m, len, at);
            o = at[0];
            if (o + 10 > len) {
                throw malformed("a record runs past the end");
            }
            int type = u16(m, o);
            int cls = u16(m, o + 2);
            long recordTtl = u32(m, o + 4);
            if (recordTtl > 0x7fffffffL) {
                recordTtl = 0; // RFC 2181 8: a TTL with the top bit set is read as 0
            }
            int rdlen = u16(m, o + 8);
            o += 10;
            if (o + rdlen > len) {
                throw malformed("a record's data runs past the end");
            }
            if (cls == CLASS_IN && owner.equalsIgnoreCase(current)) {
                if (type == TYPE_CNAME) {
                    at[0] = o;
                    current = readName(m, len, at);
                    if (at[0] > o + rdlen) {
                        throw malformed("a CNAME runs past its record");
                    }
                    ttl = Math.min(ttl, recordTtl);
                } else if (type == TYPE_A && rdlen == 4 && count < found.length) {
                    found[count++] = (int) u32(m, o);
                    ttl = Math.min(ttl, recordTtl);
                }
            }
            o += rdlen;
        }
        int[] addresses = new int[count];
        System.arraycopy(found, 0, addresses, 0, count);
        return new Answer(rcode, truncated, addresses, count == 0 ? 0 : ttl);
    }

    /** The (possibly compressed) name at at[0], which is moved past it; bounded by {@code end}. */
    private static String readName(byte[] m, int end, int[] at) throws DnsException {
        StringBuilder sb = new StringBuilder();
        int o = at[0];
        int next = -1;
        int pointers = 0;
        while (true) {
            if (o >= end) {
                throw malformed("a name runs past the end");
            }
            int l = m[o] & 0xff;
            if (l == 0) {
                o++;
                break;
            }
            if ((l & 0xc0) == 0xc0) {
                if (o + 1 >= end) {
                    throw malformed("a name runs past the end");
                }
                if (++pointers > MAX_POINTERS) {
                    throw malformed("a compressed name loops");
                }
                if (next < 0) {
                    next = o + 2;
                }
                o = ((l & 0x3f) << 8) | (m[o + 1] & 0xff);
                continue;
            }
            if ((l & 0xc0) != 0) {
                throw malformed("an unknown label type");
            }
            if (o + 1 + l > end || sb.length() + l + 1 > 255) {
                throw malformed("a label runs past the end");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            for (int i = 0; i < l; i++) {
                sb.append((char) (m[o + 1 + i] & 0xff));
            }
            o += 1 + l;
        }
        at[0] = next >= 0 ? next : o;
        return sb.toString();
    }

    private static int u16(byte[] m, int o) {
        return (m[o] & 0xff) << 8 | (m[o + 1] & 0xff);
    }

    private static long u32(byte[] m, int o) {
        return ((long) u16(m, o) << 16) | u16(m, o + 2);
    }

    private static DnsException malformed(String why) {
        return new DnsException(DnsException.Kind.MALFORMED, "malformed DNS response: " + why);
    }
}
