package dev.kiln.engine.net;

import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.image.StaticIp;
import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.hostnet.Passt;
import dev.kiln.vmm.hostnet.PortRelay;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * A user's daemon's networking (no root): a VM with published ports gets passt, which
 * forwards each port from the host's 127.0.0.1 into the guest (as `kiln run -p` without root),
 * at the guest's address 10.0.0.2/24 (gateway 10.0.0.1, passt's side) unless its manifest
 * gives one. The host reaches the guest only through the published ports, so a health check
 * connects to 127.0.0.1 and the host port published for its guest port. No bridge, so no
 * project networks.
 */
public final class PasstNetworking implements VmNetworking {
    static final StaticIp DEFAULT_GUEST = PrivateNamespaceNetworking.DEFAULT_GUEST;

    @Override
    public void check(VmDefinition def) {
        if (def.network() != null) {
            throw new IllegalArgumentException("network " + def.network() + ": project networks need the daemon's bridge, which"
                    + " needs a daemon running as root");
        }
        if (def.health() != null && def.ports().stream().noneMatch(p -> p.guestPort() == def.health().port())) {
            throw new IllegalArgumentException("without root the host reaches the guest only through published ports: publish"
                    + " guest port " + def.health().port() + " (-p HOSTPORT:" + def.health().port() + ") for the health check");
        }
    }

    @Override
    public Attachment attach(VmDefinition def, StaticIp manifestIp, Consumer<String> log) throws IOException {
        if (def.ports().isEmpty()) return null;
        StaticIp ip = manifestIp != null && manifestIp.prefixLen() < 32 && manifestIp.gateway() != 0 ? manifestIp : DEFAULT_GUEST;
        List<PortRelay.Mapping> mappings = def.ports().stream().map(p -> new PortRelay.Mapping(p.hostPort(), p.guestPort())).toList();
        Passt passt;
        try {
            passt = Passt.start(mappings, ip, NetConfig.DEFAULT_MTU, log);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot publish through passt: " + e.getMessage());
        }
        long mac = NetConfig.localMac((int) Long.parseLong(def.id().substring(0, 8), 16));
        NetConfig config = new NetConfig(passt.backend(), mac, NetConfig.DEFAULT_MTU, ip.address(), ip.prefixLen(), ip.gateway());
        StringBuilder summary = new StringBuilder("guest " + ip + " (MAC " + NetConfig.macText(mac) + ") through passt");
        for (PortMapping p : def.ports()) summary.append("; ").append(p);
        return new ThroughPasst(passt, config, def.ports(), summary.toString());
    }

    private record ThroughPasst(Passt passt, NetConfig config, List<PortMapping> ports, String summary)
            implements Attachment, GuestEndpoint {
        @Override
        public GuestEndpoint guest() {
            return this;
        }

        /** The published host port of that guest port, on 127.0.0.1 (check() made sure there is one). */
        @Override
        public InetSocketAddress address(int port) {
            int host = ports.stream().filter(p -> p.guestPort() == port).mapToInt(PortMapping::hostPort).findFirst().orElse(0);
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), host);
        }

        @Override
        public void close() {
            passt.close();
        }
    }
}
