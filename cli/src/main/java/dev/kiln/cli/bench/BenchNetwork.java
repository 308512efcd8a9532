package dev.kiln.cli.bench;

import dev.kiln.vmm.hostnet.NetworkNamespace;
import dev.kiln.vmm.hostnet.TapDevice;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The network of `kiln bench http` and `kiln bench dns`: a client namespace (where wrk or
 * dnsperf runs) with two links, each leading to a server that is alone on the other side:
 * <ul>
 * <li>a tap (client side {@link #TAP_HOST}/24) whose other end is the unikernel's net device
 *     ({@link #GUEST_IP});
 * <li>a veth pair into a second namespace holding the host's server of the comparison
 *     ({@link #HOST_SERVER_IP}): HotSpot, then nginx; NSD.
 * </ul>
 * So both servers are reached from the same client over one point-to-point link into their own
 * namespace: the unikernel's link goes through the VMM's rings and I/O thread (its device, which
 * is part of what is measured), a host server's through the kernel's veth (a process's equivalent).
 * Names carry a random suffix so runs in parallel do not collide; close() deletes everything.
 */
public final class BenchNetwork implements AutoCloseable {
    public static final String TAP_HOST = "10.201.0.1";
    public static final String GUEST_IP = "10.201.0.2";
    public static final String VETH_CLIENT = "10.202.0.1";
    public static final String HOST_SERVER_IP = "10.202.0.2";

    public final NetworkNamespace client;
    public final NetworkNamespace server;
    public final TapDevice tap;

    private BenchNetwork(NetworkNamespace client, NetworkNamespace server, TapDevice tap) {
        this.client = client;
        this.server = server;
        this.tap = tap;
    }

    public static BenchNetwork create() throws IOException {
        String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        NetworkNamespace client = NetworkNamespace.create("kiln-bhc-");
        NetworkNamespace server = null;
        TapDevice tap = null;
        try {
            server = NetworkNamespace.create("kiln-bhs-");
            tap = TapDevice.open(client, "kbt" + id);
            client.ip("addr", "add", TAP_HOST + "/24", "dev", tap.name());
            client.ip("link", "set", tap.name(), "up");
            String a = "kbva" + id;
            String b = "kbvb" + id;
            client.ip("link", "add", a, "type", "veth", "peer", "name", b, "netns", server.name());
            client.ip("addr", "add", VETH_CLIENT + "/24", "dev", a);
            client.ip("link", "set", a, "up");
            server.ip("addr", "add", HOST_SERVER_IP + "/24", "dev", b);
            server.ip("link", "set", b, "up");
            return new BenchNetwork(client, server, tap);
        } catch (IOException | RuntimeException e) {
            if (tap != null) {
                tap.close();
            }
            if (server != null) {
                server.close();
            }
            client.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            tap.close();
        } finally {
            try {
                server.close();
            } finally {
                client.close();
            }
        }
    }
}
