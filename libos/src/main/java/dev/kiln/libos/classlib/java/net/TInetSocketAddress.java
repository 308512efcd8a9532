package dev.kiln.libos.classlib.java.net;

/**
 * java.net.InetSocketAddress in native images. A host name that cannot be resolved (any name
 * but "localhost": there is no resolver in an image) makes an unresolved address, as on HotSpot.
 */
public class TInetSocketAddress extends TSocketAddress {
    private static final long serialVersionUID = 1L;
    private final String hostname;
    private final TInetAddress addr;
    private final int port;

    public TInetSocketAddress(int port) {
        this(new TInet4Address("0.0.0.0", 0), port); // HotSpot names the wildcard address "0.0.0.0"
    }

    public TInetSocketAddress(TInetAddress addr, int port) {
        this.port = checkPort(port);
        this.addr = addr == null ? new TInet4Address("0.0.0.0", 0) : addr;
        this.hostname = null;
    }

    public TInetSocketAddress(String hostname, int port) {
        this.port = checkPort(port);
        if (hostname == null) {
            throw new IllegalArgumentException("hostname can't be null");
        }
        TInetAddress a;
        try {
            a = TInetAddress.getByName(hostname);
        } catch (TUnknownHostException e) {
            a = null;
        }
        this.addr = a;
        this.hostname = a == null ? hostname : null; // as HotSpot: the name is kept only when unresolved
    }

    private TInetSocketAddress(String hostname, int port, boolean unresolved) {
        this.port = port;
        this.hostname = hostname;
        this.addr = null;
    }

    public static TInetSocketAddress createUnresolved(String host, int port) {
        if (host == null) {
            throw new IllegalArgumentException("hostname can't be null");
        }
        return new TInetSocketAddress(host, checkPort(port), true);
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range:" + port);
        }
        return port;
    }

    public final int getPort() {
        return port;
    }

    public final TInetAddress getAddress() {
        return addr;
    }

    public final String getHostName() {
        return hostname != null ? hostname : addr.getHostName();
    }

    public final String getHostString() {
        if (hostname != null) {
            return hostname;
        }
        return addr.hostName != null ? addr.hostName : addr.getHostAddress();
    }

    public final boolean isUnresolved() {
        return addr == null;
    }

    @Override
    public String toString() {
        String host = isUnresolved() ? hostname + "/<unresolved>" : addr.toString();
        return host + ":" + port;
    }

    @Override
    public final boolean equals(Object o) {
        if (!(o instanceof TInetSocketAddress)) {
            return false;
        }
        TInetSocketAddress that = (TInetSocketAddress) o;
        if (port != that.port) {
            return false;
        }
        if (addr != null) {
            return addr.equals(that.addr);
        }
        return that.addr == null && hostname.equalsIgnoreCase(that.hostname);
    }

    @Override
    public final int hashCode() {
        return (addr != null ? addr.hashCode() : hostname.toLowerCase().hashCode()) + port;
    }
}
