package dev.kiln.engine.net;

import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.StaticIp;
import dev.kiln.vmm.net.NetworkNamespace;
import dev.kiln.vmm.net.PortRelay;
import dev.kiln.vmm.net.PrivateNetns;
import dev.kiln.vmm.net.TapDevice;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;

/**
 * The network `kiln run -p` gives a VM, for VMs of the daemon: a VM with published ports gets,
 * at each start, a network namespace of its own that exists only as a file descriptor of the
 * daemon (the kernel destroys it when the run ends or the daemon dies), a tap "kiln0" in it
 * with the host end of the guest's subnet, and listeners on 127.0.0.1:HOSTPORT relaying into it.
 * A VM without published ports has no net device. Needs root.
 */
public final class PrivateNamespaceNetworking implements VmNetworking {
    /** The guest's address when its manifest gives none: 10.0.0.2/24, the tap is 10.0.0.1. */
    static final StaticIp DEFAULT_GUEST = new StaticIp(0x0a000002, 24, 0x0a000001);
    static final String TAP = "kiln0";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void check(VmDefinition def) {
        if (def.ports().isEmpty()) return;
        if (!NetworkNamespace.isRoot()) {
            throw new IllegalArgumentException("publishing ports needs a daemon running as root (a network namespace and a"
                    + " tap per VM); this daemon is not root");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) throw new IllegalArgumentException("/dev/net/tun is missing: load the tun module");
    }

    @Override
    public Attachment attach(VmDefinition def, StaticIp manifestIp, Consumer<String> log) throws IOException {
        if (def.ports().isEmpty()) return null;
        check(def);
        StaticIp ip = manifestIp != null && manifestIp.prefixLen() < 32 ? manifestIp : DEFAULT_GUEST;
        int host = hostSide(ip);
        PrivateNetns ns = null;
        TapDevice tap = null;
        try {
            ns = PrivateNetns.create();
            tap = ns.callInside(() -> TapDevice.open(TAP));
            long mac = NetConfig.localMac(RANDOM.nextInt());
            NetConfig config = new NetConfig(tap, mac, NetConfig.DEFAULT_MTU, ip.address(), ip.prefixLen(), ip.gateway());
            ns.ip("addr", "add", StaticIp.text(host) + "/" + ip.prefixLen(), "dev", TAP);
            ns.ip("link", "set", TAP, "mtu", String.valueOf(NetConfig.DEFAULT_MTU), "up");
            InetAddress guest = InetAddress.getByAddress(bytes(ip.address()));
            List<PortRelay.Mapping> mappings = def.ports().stream()
                    .map(p -> new PortRelay.Mapping(p.hostPort(), p.guestPort())).toList();
            PortRelay relay;
            try {
                relay = new PortRelay(ns, guest, mappings, log);
            } catch (BindException e) {
                throw new IllegalArgumentException("cannot publish: " + e.getMessage());
            }
            StringBuilder summary = new StringBuilder("guest " + ip + " (MAC " + NetConfig.macText(mac)
                    + ") in its own network namespace");
            for (PortMapping p : def.ports()) summary.append("; ").append(p);
            return new Namespace(ns, tap, relay, config, guest, summary.toString());
        } catch (IOException | RuntimeException e) {
            if (tap != null) tap.close();
            if (ns != null) ns.close();
            throw e;
        }
    }

    /** The tap's address: the guest's gateway if it has one, else the first other host address of its subnet. */
    static int hostSide(StaticIp ip) {
        if (ip.gateway() != 0) return ip.gateway();
        if (ip.prefixLen() >= 31) return ip.address() ^ 1;
        int network = ip.address() & ip.netmask();
        return network + 1 == ip.address() ? network + 2 : network + 1;
    }

    private static byte[] bytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    private record Namespace(PrivateNetns ns, TapDevice tap, PortRelay relay, NetConfig config, InetAddress guestAddress,
                             String summary) implements Attachment, GuestEndpoint {
        @Override
        public GuestEndpoint guest() {
            return this;
        }

        /** Created on a thread inside the namespace: a socket belongs to the namespace it was made in, whoever uses it. */
        @Override
        public SocketChannel open() throws IOException {
            return ns.callInside(SocketChannel::open);
        }

        @Override
        public InetSocketAddress address(int port) {
            return new InetSocketAddress(guestAddress, port);
        }

        @Override
        public void close() {
            relay.close();
            tap.close();
            ns.close();
        }
    }
}
