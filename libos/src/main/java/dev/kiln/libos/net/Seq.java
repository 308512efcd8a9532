package dev.kiln.libos.net;

/**
 * Sequence number comparisons modulo 2^32 (RFC 9293 3.4): a is "before" b when the signed
 * 32-bit difference is negative, which is correct while the two are less than 2^31 apart.
 */
final class Seq {
    private Seq() {}

    static boolean lt(int a, int b) {
        return a - b < 0;
    }

    static boolean le(int a, int b) {
        return a - b <= 0;
    }

    static boolean gt(int a, int b) {
        return a - b > 0;
    }

    static boolean ge(int a, int b) {
        return a - b >= 0;
    }

    static int max(int a, int b) {
        return gt(a, b) ? a : b;
    }

    /** lo <= x < hi, modulo 2^32. */
    static boolean inWindow(int x, int lo, int hi) {
        return le(lo, x) && lt(x, hi);
    }
}
