package dev.kiln.engine.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The HOST:PORT of --metrics-addr: an IPv4 address, [IPv6] or a host name, and a port (0: one
 * the kernel picks; the log says which). Any address the user gives is taken, a non-loopback
 * one too (docs/engine.md says what that exposes); only the default is none at all.
 */
public final class MetricsAddress {
    private MetricsAddress() {}

    /** The address to listen on; IllegalArgumentException with a one-line message for a bad one. */
    public static InetSocketAddress parse(String text) {
        String usage = "--metrics-addr takes HOST:PORT such as 127.0.0.1:9464, not '" + text + "'";
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
            throw new IllegalArgumentException("--metrics-addr: unknown host '" + host + "'");
        }
    }
}
