package dev.kiln.vmm.gdb;

import java.util.HexFormat;

/** Hex numbers and bytes in GDB packets, parsed with bounds: the debugger's text is untrusted input. */
final class Hex {
    private Hex() {}

    /** An unsigned hex number of at most maxBytes bytes; IllegalArgumentException otherwise. */
    static long parse(String s, int maxBytes) {
        if (s.isEmpty() || s.length() > 2 * maxBytes) throw new IllegalArgumentException("bad hex number");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || s.charAt(i) > 'f') throw new IllegalArgumentException("bad hex digit");
            v = v << 4 | d;
        }
        return v;
    }

    /** Hex pairs to bytes, at most maxBytes of them. */
    static byte[] bytes(String s, int maxBytes) {
        if (s.length() % 2 != 0 || s.length() > 2 * maxBytes) throw new IllegalArgumentException("bad hex bytes");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new IllegalArgumentException("bad hex digit");
            }
        }
        return HexFormat.of().parseHex(s);
    }

    /** The low {@code bytes} bytes of v, little-endian, as hex pairs (gdb's register format). */
    static String littleEndian(long v, int bytes) {
        StringBuilder out = new StringBuilder(2 * bytes);
        for (int i = 0; i < bytes; i++) {
            out.append(Character.forDigit((int) (v >>> (8 * i + 4)) & 0xf, 16)).append(Character.forDigit((int) (v >>> (8 * i)) & 0xf, 16));
        }
        return out.toString();
    }
}
