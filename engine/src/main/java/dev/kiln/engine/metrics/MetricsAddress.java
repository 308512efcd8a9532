package dev.kiln.engine.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The HOST:PORT of --metrics-addr and --dashboard-addr: an IPv4 address, [IPv6] or a host name, and a port (0: one
 * the kernel picks; the log says which). Any address the user gives is taken, a non-loopback
 * one too (docs/engine.md says what that exposes); only the default is none at all.
 */
public final class MetricsAddress {
    private MetricsAddress() {}

    /** The address of --metrics-addr; IllegalArgumentException with a one-line message for a bad one. */
    public static InetSocketAddress parse(String text) {
        return parse("--metrics-addr", "127.0.0.1:9464", text);
    }

    /**
     * The address of a flag of this form (--metrics-addr, --dashboard-addr); IllegalArgumentException
     * with a one-line message naming the flag for a bad one.
     *
     * @param example an address to show in the message, such as 127.0.0.1:9464
     */
    public static InetSocketAddress parse(String flag, String example, String text) {
        String usage = flag + " takes HOST:PORT such as " + example + ", not '" + text + "'";
        if (text == null) throw new IllegalArgumentException(usage);
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) throw new IllegalArgumentException(usage);
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        else if (host.contains(":")) throw new IllegalArgumentException(usage + " (write an IPv6 address in brackets)");
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException(usage + " (the port is 0 to 65535)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(flag + ": unknown host '" + host + "'");
        }
    }
}
