package dnsserver;

/**
 * Builds a DNS message with name compression (RFC 1035 4.1.4): every name suffix written is
 * remembered with its offset, and a later name ending in a known suffix points to it.
 */
final class MessageWriter {
    // Grown on demand up to a DNS message's 64 KiB limit: a fresh 64 KiB array per reply was
    // zeroed (memset) for every query, 60% of the server's own CPU time (docs/performance.md).
    private static final int MAX = 65535;
    private byte[] buf = new byte[512];
    private int len;
    // Name suffixes already in the message and their offsets; a small table searched linearly
    // (a response holds a handful of names); when full, later names are just not compressed.
    private final String[] suffixes = new String[64];
    private final int[] offsets = new int[64];
    private int known;

    int length() {
        return len;
    }

    /** Room for n more bytes, within MAX (beyond it the write fails, as a full buffer does). */
    private void room(int n) {
        if (len + n <= buf.length || buf.length == MAX) {
            return;
        }
        byte[] bigger = new byte[Math.min(MAX, Math.max(buf.length * 2, len + n))];
        System.arraycopy(buf, 0, bigger, 0, len);
        buf = bigger;
    }

    void u8(int v) {
        room(1);
        buf[len++] = (byte) v;
    }

    void u16(int v) {
        room(2);
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
    }

    void u32(int v) {
        u16(v >>> 16);
        u16(v & 0xffff);
    }

    void bytes(byte[] b, int off, int n) {
        room(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    void put16(int at, int v) {
        buf[at] = (byte) (v >> 8);
        buf[at + 1] = (byte) v;
    }

    /** Registers a name already in the message (the question's, as the client wrote it) at offset. */
    void knownName(String lowerName, int offset) {
        String n = lowerName;
        int at = offset;
        while (!n.equals(".") && at < 0x4000) {
            remember(n, at);
            int dot = n.indexOf('.');
            at += 1 + dot;
            n = n.substring(dot + 1);
            if (n.isEmpty()) {
                break;
            }
        }
    }

    /** Writes an absolute lower-case name, compressed against every name written before. */
    void name(String n) {
        while (!n.equals(".") && !n.isEmpty()) {
            int at = find(n);
            if (at >= 0) {
                u16(0xc000 | at);
                return;
            }
            if (len < 0x4000) {
                remember(n, len);
            }
            int dot = n.indexOf('.');
            u8(dot);
            for (int i = 0; i < dot; i++) {
                u8(n.charAt(i));
            }
            n = n.substring(dot + 1);
        }
        u8(0);
    }

    private void remember(String suffix, int offset) {
        if (known < suffixes.length) {
            suffixes[known] = suffix;
            offsets[known++] = offset;
        }
    }

    private int find(String suffix) {
        for (int i = 0; i < known; i++) {
            if (suffixes[i].equals(suffix)) {
                return offsets[i];
            }
        }
        return -1;
    }

    /** One resource record, its RDLENGTH filled in after the rdata. */
    void record(String owner, Record r, int ttl) {
        name(owner);
        u16(r.type);
        u16(1); // IN
        u32(ttl);
        int rdlenAt = len;
        u16(0);
        for (String n : r.names) {
            name(n);
        }
        bytes(r.rdata, 0, r.rdata.length);
        put16(rdlenAt, len - rdlenAt - 2);
    }

    byte[] toBytes() {
        byte[] out = new byte[len];
        System.arraycopy(buf, 0, out, 0, len);
        return out;
    }
}
