package dev.kiln.engine.net;

import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.engine.dns.NameResolver;
import dev.kiln.engine.dns.ProjectNames;
import dev.kiln.image.StaticIp;
import dev.kiln.vmm.NetConfig;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.HostBridge;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import dev.kiln.vmm.hostnet.PortRelay;
import dev.kiln.vmm.hostnet.TapDevice;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Root's daemon's networking: one bridge the daemon owns in its network namespace (kiln0,
 * 10.89.0.0/16 by default; the bridge holds the subnet's first address, the VMs' gateway),
 * and for each run of a VM with a network a tap of its own plugged into it. The VM's address
 * comes from the {@link AddressPool} (held from its first start until its removal) and is
 * handed to the guest in the boot info with the gateway, so the guest needs no DHCP; the
 * image manifest's own {@code ip} is not used on the bridge (one subnet is shared by all).
 * Published ports are relayed by {@link PortRelay} from 127.0.0.1 of the daemon's namespace
 * to the VM's address (docs/engine.md says why a relay rather than nftables DNAT); health
 * probes connect to that address straight through the bridge.
 *
 * <p>A VM gets a network when it publishes a port or joins a project network (a VM without
 * has no net device: it costs no I/O thread). The VMs of a project network find each other by
 * name through the {@link NameResolver} on the gateway address, port 53: a VM is registered
 * under its name and aliases while its run's attachment lives.
 */
public final class BridgeNetworking implements VmNetworking {
    public static final String DEFAULT_BRIDGE = "kiln0";
    public static final String DEFAULT_SUBNET = "10.89.0.0/16";

    private final String bridgeName;
    private final StaticIp gateway;
    private final String subnet;
    private final Path stateDir;
    private final Consumer<String> log;
    private final ProjectNames names = new ProjectNames();
    private volatile AddressPool pool;
    /** Made at the first VM that needs them (or adopted at the start if a previous daemon left the bridge). */
    private HostBridge bridge;
    private NameResolver resolver;

    private BridgeNetworking(String bridgeName, StaticIp gateway, String subnet, Path stateDir, Consumer<String> log) {
        this.bridgeName = bridgeName;
        this.gateway = gateway;
        this.subnet = subnet;
        this.stateDir = stateDir;
        this.log = log;
    }

    /**
     * The networking of a daemon on the bridge {@code name} with the first address of
     * {@code subnet}. Nothing is made on the host yet: the bridge and the resolver come with the
     * first VM that needs a network (a daemon that never runs one touches nothing), or at
     * {@link #reconcile} when a previous daemon left the bridge. Needs root and /dev/net/tun.
     *
     * @param stateDir the daemon's; the address leases live in its {@code network/}
     */
    public static BridgeNetworking open(String name, String subnet, Path stateDir, Consumer<String> log) {
        StaticIp gateway = AddressPool.gatewayOf(subnet);
        HostBridge.checkName(name);
        if (!NetworkNamespace.isRoot()) {
            throw new IllegalArgumentException("the daemon's bridge needs root (a bridge and a tap per VM); run the daemon"
                    + " as root or with --bridge none");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) throw new IllegalArgumentException("/dev/net/tun is missing: load the tun module");
        return new BridgeNetworking(name, gateway, subnet, stateDir, log);
    }

    public String bridgeName() {
        return bridgeName;
    }

    /** The bridge and its resolver, made (or adopted) now if they are not yet. */
    private synchronized HostBridge bridge() throws IOException {
        if (bridge != null) return bridge;
        HostBridge b = HostBridge.open(bridgeName, gateway);
        try {
            resolver = NameResolver.start(names, gateway.address(), NameResolver.PORT, log);
        } catch (IOException | RuntimeException e) {
            b.close();
            throw e;
        }
        bridge = b;
        log.accept("bridge " + bridgeName + " " + (b.owned() ? "(the daemon's)" : "(an existing bridge, left in place at the end)")
                + " at " + gateway + ": VMs get addresses of " + subnet + "; names of project networks resolved on "
                + StaticIp.text(gateway.address()) + ":" + NameResolver.PORT);
        return b;
    }

    /** A bridge a previous daemon left (killed before its clean stop) is adopted now, and its leftover taps removed. */
    @Override
    public void reconcile(Collection<String> vmIds) throws IOException {
        if (HostBridge.exists(bridgeName)) {
            List<String> removed = bridge().removeLeftoverTaps();
            if (!removed.isEmpty()) log.accept("removed " + removed.size() + " tap(s) a previous daemon left on " + bridgeName
                    + ": " + String.join(", ", removed));
        }
        pool = AddressPool.open(stateDir.resolve("network"), gateway, vmIds, log);
    }

    @Override
    public void release(String vmId) throws IOException {
        pool().release(vmId);
    }

    private AddressPool pool() {
        AddressPool p = pool;
        if (p == null) throw new IllegalStateException("reconcile() was not called");
        return p;
    }

    @Override
    public void check(VmDefinition def) {
        // Root and the tun device were checked when the bridge was made; the pool may be full only at start.
    }

    @Override
    public Attachment attach(VmDefinition def, StaticIp manifestIp, Consumer<String> vmLog) throws IOException {
        if (!def.wantsNetwork()) return null;
        StaticIp ip = pool().lease(def.id());
        InetAddress guest = InetAddress.getByAddress(bytes(ip.address()));
        String tapName = HostBridge.tapName(def.id());
        HostBridge bridge = bridge();
        long mac = NetConfig.localMac(macSeed(def.id()));
        TapDevice tap = bridge.plug(tapName, NetConfig.DEFAULT_MTU, ip.address(), mac);
        PortRelay relay = null;
        try {
            List<PortRelay.Mapping> mappings = def.ports().stream()
                    .map(p -> new PortRelay.Mapping(p.hostPort(), p.guestPort())).toList();
            try {
                if (!mappings.isEmpty()) relay = new PortRelay(null, guest, mappings, vmLog);
            } catch (BindException e) {
                throw new IllegalArgumentException("cannot publish: " + e.getMessage());
            }
            // The guest's resolver is the daemon's, on the gateway: names of its project's services.
            NetConfig config = new NetConfig(new TapBackend(tap), mac, NetConfig.DEFAULT_MTU, ip.address(), ip.prefixLen(),
                    ip.gateway(), gateway.address());
            StringBuilder summary = new StringBuilder("guest " + ip + " (MAC " + NetConfig.macText(mac) + ") on bridge "
                    + bridge.name() + ", tap " + tapName);
            if (def.network() != null) {
                summary.append("; network ").append(def.network());
                if (!def.aliases().isEmpty()) summary.append(" as ").append(String.join(", ", def.aliases()));
            }
            for (PortMapping p : def.ports()) summary.append("; ").append(p);
            Runnable unregister = () -> {};
            if (def.network() != null) {
                names.register(def.network(), def.name(), def.aliases(), ip.address());
                unregister = () -> names.unregister(ip.address());
            }
            return new OnBridge(tap, relay, unregister, () -> bridge.unpin(ip.address()), config, guest, summary.toString());
        } catch (IOException | RuntimeException e) {
            if (relay != null) relay.close();
            tap.close();
            bridge.unpin(ip.address()); // the neighbour entry plug() made
            throw e;
        }
    }

    /** A stable MAC per VM (from its id): its neighbours' ARP caches stay right across its restarts. */
    private static int macSeed(String id) {
        return (int) Long.parseLong(id.substring(0, 8), 16);
    }

    private static byte[] bytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    /** Deletes the bridge if the daemon made it (every VM's tap is closed by now: the kernel deleted them). */
    @Override
    public synchronized void close() {
        if (bridge == null) return;
        resolver.close();
        bridge.close();
        if (bridge.owned()) log.accept("bridge " + bridge.name() + " removed");
    }

    private record OnBridge(TapDevice tap, PortRelay relay, Runnable unregister, Runnable unpin, NetConfig config,
                            InetAddress guestAddress, String summary)
            implements Attachment, GuestEndpoint {
        @Override
        public GuestEndpoint guest() {
            return this;
        }

        @Override
        public InetSocketAddress address(int port) {
            return new InetSocketAddress(guestAddress, port);
        }

        @Override
        public synchronized void close() {
            unregister.run();
            if (relay != null) relay.close();
            tap.close(); // not persistent: the kernel unplugs and deletes it
            unpin.run(); // the bridge's neighbour entry of the guest's address
        }
    }
}
