package dev.kiln.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guest's static IPv4 configuration, written {@code A.B.C.D/PREFIX[,GATEWAY]} (in the
 * manifest's {@code ip} key and {@code kiln run --ip}). Addresses are host byte order.
 *
 * @param address the guest's address: not 0, not in 0/8, 127/8 or 224/3, not its subnet's network or broadcast address (below /31)
 * @param prefixLen 1..32
 * @param gateway 0 for none, else inside the subnet and not the address
 */
public record StaticIp(int address, int prefixLen, int gateway) {
    private static final Pattern SYNTAX = Pattern.compile("([0-9.]+)/([0-9]{1,2})(?:,([0-9.]+))?");

    public StaticIp {
        if (prefixLen < 1 || prefixLen > 32) throw new IllegalArgumentException("prefix length must be 1..32");
        int first = address >>> 24;
        if (first == 0 || first == 127 || first >= 224) {
            throw new IllegalArgumentException(text(address) + " cannot be a host's address");
        }
        int host = ~mask(prefixLen);
        if (prefixLen < 31 && ((address & host) == 0 || (address & host) == host)) {
            throw new IllegalArgumentException(text(address) + "/" + prefixLen + " is the subnet's network or broadcast address");
        }
        if (gateway != 0 && ((gateway & mask(prefixLen)) != (address & mask(prefixLen)) || gateway == address)) {
            throw new IllegalArgumentException("gateway " + text(gateway) + " is not another address in "
                    + text(address & mask(prefixLen)) + "/" + prefixLen);
        }
    }

    /** Parses A.B.C.D/PREFIX[,GATEWAY]; IllegalArgumentException names what is wrong. */
    public static StaticIp parse(String s) {
        Matcher m = SYNTAX.matcher(s.strip());
        if (!m.matches()) throw new IllegalArgumentException("'" + s + "' is not A.B.C.D/PREFIX[,GATEWAY]");
        return new StaticIp(address(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : address(m.group(3)));
    }

    /** Dotted quad to an int; IllegalArgumentException if it is not one. */
    public static int address(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
        int v = 0;
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
            }
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }

    public static String text(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    static int mask(int prefixLen) {
        return prefixLen == 0 ? 0 : -1 << (32 - prefixLen);
    }

    /** The subnet mask as an int. */
    public int netmask() {
        return mask(prefixLen);
    }

    @Override
    public String toString() {
        return text(address) + "/" + prefixLen + (gateway != 0 ? "," + text(gateway) : "");
    }
}
