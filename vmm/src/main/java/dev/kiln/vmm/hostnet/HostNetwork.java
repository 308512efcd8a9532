package dev.kiln.vmm.hostnet;

import dev.kiln.image.StaticIp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * The host side of one VM's network, as {@code kiln run} sets it up: the tap the VM's net
 * device uses, and what surrounds it. Two shapes:
 *
 * <ul>
 *   <li>{@link #attach}: an existing tap in this process's namespace, as it is (--net tap=NAME);</li>
 *   <li>{@link #publish}: a private network namespace of the VM ({@link PrivateNetns}: gone
 *       with the process however it ends) holding a tap with the host end of the guest's
 *       subnet, and 127.0.0.1 listeners in this namespace relaying TCP ports into it
 *       ({@link PortRelay}; -p HOSTPORT:GUESTPORT).</li>
 * </ul>
 */
public final class HostNetwork implements AutoCloseable {
    /** The tap's name inside a private namespace (nothing else lives there, so it never collides). */
    public static final String PRIVATE_TAP = "kiln0";

    private final PrivateNetns ns;
    private final TapDevice tap;
    private final PortRelay relay;
    private final int hostAddress;

    private HostNetwork(PrivateNetns ns, TapDevice tap, PortRelay relay, int hostAddress) {
        this.ns = ns;
        this.tap = tap;
        this.relay = relay;
        this.hostAddress = hostAddress;
    }

    /** The existing (or new, then unconfigured) tap {@code tapName} in this process's namespace. */
    public static HostNetwork attach(String tapName) throws IOException {
        return new HostNetwork(null, TapDevice.open(tapName), null, 0);
    }

    /**
     * A private namespace with tap {@link #PRIVATE_TAP} at {@link #hostSide}(guest) and MTU
     * {@code mtu}, and a relay for each mapping from 127.0.0.1 to the guest's address. Binds
     * every listener before anything runs, so a port in use fails here (BindException).
     *
     * @param guest the guest's address; its prefix must leave room for the host side (/31 or shorter)
     * @param log receives one line per connection that could not be relayed
     */
    public static HostNetwork publish(List<PortRelay.Mapping> mappings, StaticIp guest, int mtu, Consumer<String> log)
            throws IOException {
        if (guest.prefixLen() == 32) throw new IllegalArgumentException("a /32 guest address leaves no room for the host side");
        PrivateNetns ns = null;
        TapDevice tap = null;
        try {
            ns = PrivateNetns.create();
            tap = ns.callInside(() -> TapDevice.open(PRIVATE_TAP));
            int host = hostSide(guest);
            ns.ip("addr", "add", StaticIp.text(host) + "/" + guest.prefixLen(), "dev", PRIVATE_TAP);
            ns.ip("link", "set", PRIVATE_TAP, "mtu", String.valueOf(mtu), "up");
            PortRelay relay = new PortRelay(ns, InetAddress.getByAddress(bytes(guest.address())), mappings, log);
            return new HostNetwork(ns, tap, relay, host);
        } catch (IOException | RuntimeException e) {
            if (tap != null) tap.close();
            if (ns != null) ns.close();
            throw e;
        }
    }

    /** The tap's address: the guest's gateway if it has one, else the first other host address of the subnet. */
    public static int hostSide(StaticIp ip) {
        if (ip.gateway() != 0) return ip.gateway();
        if (ip.prefixLen() >= 31) return ip.address() ^ 1;
        int network = ip.address() & ip.netmask();
        return network + 1 == ip.address() ? network + 2 : network + 1;
    }

    /** The tap the VM's net device uses. */
    public TapDevice tap() {
        return tap;
    }

    /** With {@link #publish}, the tap's address in the private namespace (host byte order); else 0. */
    public int hostAddress() {
        return hostAddress;
    }

    private static byte[] bytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    /** Closes the relay, the tap and the namespace (call after the VM ended). Idempotent. */
    @Override
    public synchronized void close() {
        if (relay != null) relay.close();
        tap.close();
        if (ns != null) ns.close();
    }
}
