package dev.kiln.libos.net;

/**
 * The Internet checksum (RFC 1071): the 16-bit ones' complement of the ones' complement sum.
 * Sums are carried in an int and folded at the end; an int cannot overflow for any frame we
 * accept (at most 64 KiB of 16-bit words).
 */
final class Checksum {
    private Checksum() {}

    /** Adds the bytes [off, off+len) to a running sum, an odd last byte padded with zero. */
    static int add(int sum, byte[] b, int off, int len) {
        int end = off + (len & ~1);
        for (int i = off; i < end; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if ((len & 1) != 0) {
            sum += (b[off + len - 1] & 0xff) << 8;
        }
        // Fold early so that repeated add() calls can never overflow.
        return (sum & 0xffff) + (sum >>> 16);
    }

    /** The TCP/UDP pseudo-header (RFC 9293 3.1, RFC 768). */
    static int pseudo(int src, int dst, int protocol, int length) {
        int sum = (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
        return (sum & 0xffff) + (sum >>> 16);
    }

    /** Folds a sum into the 16-bit checksum field value. */
    static int finish(int sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    /** Verification: a correct packet, checksum field included, sums to 0xffff. */
    static boolean valid(int sum) {
        return finish(sum) == 0;
    }
}
