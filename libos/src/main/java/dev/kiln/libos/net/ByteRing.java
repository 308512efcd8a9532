package dev.kiln.libos.net;

/**
 * A fixed-size byte ring: a TCP connection's send or receive buffer. Its size is the bound on
 * that connection's memory. Out-of-order TCP data is written into the free space past the
 * readable bytes ({@link #writeAt}) and becomes readable only once the gap before it is filled
 * ({@link #commit}), so reassembly needs no second buffer.
 */
final class ByteRing {
    private final byte[] buf;
    private int head;
    private int count;

    ByteRing(int capacity) {
        buf = new byte[capacity];
    }

    int capacity() {
        return buf.length;
    }

    int count() {
        return count;
    }

    int free() {
        return buf.length - count;
    }

    /** Appends up to len bytes; returns how many fit. */
    int write(byte[] src, int off, int len) {
        int n = Math.min(len, free());
        writeAt(0, src, off, n);
        count += n;
        return n;
    }

    /** Copies into the free space at distance rel past the readable bytes, without making it readable. */
    void writeAt(int rel, byte[] src, int off, int len) {
        int pos = (head + count + rel) % buf.length;
        int first = Math.min(len, buf.length - pos);
        System.arraycopy(src, off, buf, pos, first);
        if (first < len) {
            System.arraycopy(src, off + first, buf, 0, len - first);
        }
    }

    /** Makes n bytes written with writeAt readable. */
    void commit(int n) {
        count += n;
    }

    /** Copies len bytes starting rel bytes after the head, without consuming them. */
    void peek(int rel, byte[] dst, int off, int len) {
        int pos = (head + rel) % buf.length;
        int first = Math.min(len, buf.length - pos);
        System.arraycopy(buf, pos, dst, off, first);
        if (first < len) {
            System.arraycopy(buf, 0, dst, off + first, len - first);
        }
    }

    /** Moves up to len bytes out; returns how many. */
    int read(byte[] dst, int off, int len) {
        int n = Math.min(len, count);
        peek(0, dst, off, n);
        discard(n);
        return n;
    }

    void discard(int n) {
        head = (head + n) % buf.length;
        count -= n;
        // head is not reset when the ring empties: out-of-order data may sit past it.
    }
}
