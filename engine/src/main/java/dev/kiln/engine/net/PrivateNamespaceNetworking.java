package dev.kiln.engine.net;

import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.vmm.NetConfig;
import dev.kiln.image.StaticIp;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.HostNetwork;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import dev.kiln.vmm.hostnet.PortRelay;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void check(VmDefinition def) {
        if (def.network() != null) {
            throw new IllegalArgumentException("network " + def.network() + ": project networks need the daemon's bridge (this"
                    + " daemon runs " + (NetworkNamespace.isRoot() ? "with --bridge none" : "without root") + ")");
        }
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
        List<PortRelay.Mapping> mappings = def.ports().stream()
                .map(p -> new PortRelay.Mapping(p.hostPort(), p.guestPort())).toList();
        HostNetwork host;
        try {
            host = HostNetwork.publish(mappings, ip, NetConfig.DEFAULT_MTU, log);
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot publish: " + e.getMessage());
        }
        long mac = NetConfig.localMac(RANDOM.nextInt());
        NetConfig config = new NetConfig(new TapBackend(host.tap()), mac, NetConfig.DEFAULT_MTU, ip.address(),
                ip.prefixLen(), ip.gateway());
        StringBuilder summary = new StringBuilder("guest " + ip + " (MAC " + NetConfig.macText(mac)
                + ") in its own network namespace");
        for (PortMapping p : def.ports()) summary.append("; ").append(p);
        return new Namespace(host, config, InetAddress.getByAddress(bytes(ip.address())), summary.toString());
    }

    private static byte[] bytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    private record Namespace(HostNetwork host, NetConfig config, InetAddress guestAddress, String summary)
            implements Attachment, GuestEndpoint {
        @Override
        public GuestEndpoint guest() {
            return this;
        }

        /** Created on a thread inside the namespace: a socket belongs to the namespace it was made in, whoever uses it. */
        @Override
        public SocketChannel open() throws IOException {
            return host.callInside(SocketChannel::open);
        }

        @Override
        public InetSocketAddress address(int port) {
            return new InetSocketAddress(guestAddress, port);
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
