package dev.kiln.libos.classlib.java.net;

import dev.kiln.libos.net.Ipv4Address;
import dev.kiln.libos.socket.Network;

/**
 * java.net.InetAddress in native images: IPv4 only. Names other than literals and "localhost"
 * are asked of the DNS resolver the monitor announced (libos's stub resolver, {@link TKilnResolver});
 * an image has no /etc/hosts. Literals, "localhost", getLocalHost, getLoopbackAddress and
 * getByAddress work as on HotSpot; there is no reverse lookup.
 */
public abstract class TInetAddress implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final int address;
    /** The name it was created with, or null (getHostName then gives the literal: no reverse DNS). */
    final String hostName;

    TInetAddress(String hostName, int address) {
        this.hostName = hostName;
        this.address = address;
    }

    public static TInetAddress getByName(String host) throws TUnknownHostException {
        if (host == null || host.isEmpty()) {
            return getLoopbackAddress();
        }
        if (host.charAt(0) == '[' || host.indexOf(':') >= 0) {
            throw new TUnknownHostException(host + ": IPv6 is not supported in Kiln images");
        }
        int ip = parseLiteral(host);
        if (ip != -1 || "255.255.255.255".equals(host)) {
            return new TInet4Address(null, ip);
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return new TInet4Address(host, 0x7f000001);
        }
        return new TInet4Address(host, TKilnResolver.lookup(host)[0]);
    }

    public static TInetAddress[] getAllByName(String host) throws TUnknownHostException {
        if (host == null || host.isEmpty() || parseLiteral(host) != -1 || "255.255.255.255".equals(host)
                || "localhost".equalsIgnoreCase(host) || host.charAt(0) == '[' || host.indexOf(':') >= 0) {
            return new TInetAddress[] {getByName(host)};
        }
        int[] all = TKilnResolver.lookup(host);
        TInetAddress[] out = new TInetAddress[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = new TInet4Address(host, all[i]);
        }
        return out;
    }

    public static TInetAddress getByAddress(byte[] addr) throws TUnknownHostException {
        return getByAddress(null, addr);
    }

    public static TInetAddress getByAddress(String host, byte[] addr) throws TUnknownHostException {
        if (addr != null && addr.length == 4) {
            int ip = (addr[0] & 0xff) << 24 | (addr[1] & 0xff) << 16 | (addr[2] & 0xff) << 8 | (addr[3] & 0xff);
            return new TInet4Address(host == null || host.isEmpty() ? null : host, ip);
        }
        if (addr != null && addr.length == 16) {
            throw new TUnknownHostException("IPv6 is not supported in Kiln images");
        }
        throw new TUnknownHostException("addr is of illegal length");
    }

    public static TInetAddress getLoopbackAddress() {
        return new TInet4Address("localhost", 0x7f000001);
    }

    /** The interface's address (the network is started if it was not); the loopback address if there is none. */
    public static TInetAddress getLocalHost() throws TUnknownHostException {
        try {
            int ip = TSocket.network().stack.address();
            if (ip != 0) {
                return new TInet4Address("localhost", ip);
            }
        } catch (TSocketException e) {
            // no network device: like a host with only a loopback interface
        }
        return getLoopbackAddress();
    }

    /** The address as an int (host byte order), or -1 when s is not a dotted quad. */
    static int parseLiteral(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return -1;
            }
        }
        if (dots != 3) {
            return -1;
        }
        try {
            return Ipv4Address.parse(s);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    public byte[] getAddress() {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    public String getHostAddress() {
        return Ipv4Address.toString(address);
    }

    /** The name given at creation, else the literal (there is no reverse lookup in an image). */
    public String getHostName() {
        return hostName != null ? hostName : getHostAddress();
    }

    public String getCanonicalHostName() {
        return getHostName();
    }

    public boolean isAnyLocalAddress() {
        return address == 0;
    }

    public boolean isLoopbackAddress() {
        return (address >>> 24) == 127;
    }

    public boolean isMulticastAddress() {
        return (address >>> 28) == 0xe;
    }

    public boolean isLinkLocalAddress() {
        return (address >>> 16) == 0xa9fe;
    }

    public boolean isSiteLocalAddress() {
        return (address >>> 24) == 10 || (address >>> 20) == 0xac1 || (address >>> 16) == 0xc0a8;
    }

    /** Reachability needs ICMP echo from the application: not offered; false, as for a filtered host. */
    public boolean isReachable(int timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout can't be negative");
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TInetAddress && ((TInetAddress) o).address == address;
    }

    @Override
    public int hashCode() {
        return address;
    }

    @Override
    public String toString() {
        return (hostName != null ? hostName : "") + "/" + getHostAddress();
    }

    /** The address in host byte order (for the socket classes). */
    int ipv4() {
        return address;
    }
}
