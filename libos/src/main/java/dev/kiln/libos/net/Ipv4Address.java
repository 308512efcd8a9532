package dev.kiln.libos.net;

/**
 * IPv4 addresses are plain ints in the stack (no objects per packet); this class converts
 * them to and from dotted text for configuration and messages.
 */
public final class Ipv4Address {
    public static final int ANY = 0;
    public static final int BROADCAST = 0xffffffff;

    private Ipv4Address() {}

    public static int of(int a, int b, int c, int d) {
        return ((a & 0xff) << 24) | ((b & 0xff) << 16) | ((c & 0xff) << 8) | (d & 0xff);
    }

    /** Parses "a.b.c.d"; throws IllegalArgumentException on anything else (config, never packets). */
    public static int parse(String s) {
        int value = 0;
        int part = 0;
        int digits = 0;
        int parts = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part > 255) {
                    throw new IllegalArgumentException("not an IPv4 address: " + s);
                }
                value = (value << 8) | part;
                parts++;
                part = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                part = part * 10 + (c - '0');
                digits++;
            } else {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
        }
        if (parts != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + s);
        }
        return value;
    }

    public static String toString(int ip) {
        StringBuilder sb = new StringBuilder(15);
        sb.append(ip >>> 24).append('.').append((ip >>> 16) & 0xff).append('.')
                .append((ip >>> 8) & 0xff).append('.').append(ip & 0xff);
        return sb.toString();
    }

    /** Prefix length to netmask, e.g. 24 -> 255.255.255.0. */
    public static int mask(int prefixLength) {
        if (prefixLength <= 0) {
            return 0;
        }
        if (prefixLength >= 32) {
            return 0xffffffff;
        }
        return 0xffffffff << (32 - prefixLength);
    }

    /** Class D/E and limited broadcast: never valid as a source (RFC 1122 3.2.1.3). */
    static boolean isMulticastOrBroadcast(int ip) {
        return (ip >>> 28) >= 0xe;
    }

    /** MAC addresses are the low 48 bits of a long. */
    public static String macToString(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            int b = (int) (mac >>> (i * 8)) & 0xff;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    public static long parseMac(String s) {
        if (s.length() != 17) {
            throw new IllegalArgumentException("not a MAC address: " + s);
        }
        long v = 0;
        for (int i = 0; i < 6; i++) {
            int hi = Character.digit(s.charAt(i * 3), 16);
            int lo = Character.digit(s.charAt(i * 3 + 1), 16);
            if (hi < 0 || lo < 0 || (i < 5 && s.charAt(i * 3 + 2) != ':')) {
                throw new IllegalArgumentException("not a MAC address: " + s);
            }
            v = (v << 8) | (hi << 4) | lo;
        }
        return v;
    }
}
