package dev.kiln.cli;

import dev.kiln.jvm.qemu.QemuRunner;
import dev.kiln.image.Manifest;
import dev.kiln.vmm.NetConfig;
import dev.kiln.image.StaticIp;
import dev.kiln.vmm.net.NetworkNamespace;
import dev.kiln.vmm.net.PortRelay;
import dev.kiln.vmm.net.PrivateNetns;
import dev.kiln.vmm.net.TapDevice;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network of one native VM started by `kiln run`, from -p, --net and --ip (null when
 * none is given: the VM then has no net device):
 *
 * <ul>
 *   <li>with -p: a private network namespace of the VM (see {@link PrivateNetns}: gone with the
 *       process however it ends) holding a tap with the host end of the guest's subnet, and
 *       127.0.0.1 listeners in kiln's namespace relaying into it;</li>
 *   <li>with --net tap=NAME: that tap, in kiln's current namespace, as it is.</li>
 * </ul>
 *
 * The guest's address comes from --ip, else the manifest's {@code ip}, else (with -p)
 * {@link #PUBLISHED_DEFAULT}, else DHCP.
 */
final class VmNetwork implements AutoCloseable {
    /** The guest's address in its private namespace when nothing else says: 10.0.0.2/24, the tap is 10.0.0.1. */
    static final StaticIp PUBLISHED_DEFAULT = new StaticIp(0x0a000002, 24, 0x0a000001);
    /** The tap's name inside a private namespace (nothing else lives there, so it never collides). */
    static final String PRIVATE_TAP = "kiln0";

    private final PrivateNetns ns;
    private final TapDevice tap;
    private final PortRelay relay;
    final NetConfig config;
    final String summary;

    private VmNetwork(PrivateNetns ns, TapDevice tap, PortRelay relay, NetConfig config, String summary) {
        this.ns = ns;
        this.tap = tap;
        this.relay = relay;
        this.config = config;
        this.summary = summary;
    }

    /** The --net value: tap=NAME, mac=MAC, mtu=N, comma-separated. */
    record NetSpec(String tap, Long mac, Integer mtu) {
        static NetSpec parse(String s) {
            if (s == null) return new NetSpec(null, null, null);
            Map<String, String> kv = new LinkedHashMap<>();
            for (String part : s.split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) throw new UserError("--net takes tap=NAME[,mac=MAC][,mtu=N], not '" + s + "'");
                String k = part.substring(0, eq);
                if (!List.of("tap", "mac", "mtu").contains(k)) {
                    throw new UserError("--net: unknown key '" + k + "' (known: tap, mac, mtu)");
                }
                if (kv.put(k, part.substring(eq + 1)) != null) throw new UserError("--net: " + k + " given twice");
            }
            String tap = kv.get("tap");
            if (tap != null && !tap.matches("[A-Za-z0-9_.-]{1,15}")) {
                throw new UserError("--net: tap name '" + tap + "' must be 1 to 15 letters, digits, '_', '.' or '-'");
            }
            Long mac = kv.containsKey("mac") ? mac(kv.get("mac")) : null;
            Integer mtu = null;
            if (kv.containsKey("mtu")) {
                String v = kv.get("mtu");
                if (!v.matches("[0-9]{1,5}")) throw new UserError("--net: mtu must be a number, not '" + v + "'");
                mtu = Integer.parseInt(v);
            }
            return new NetSpec(tap, mac, mtu);
        }

        private static long mac(String s) {
            if (!s.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) {
                throw new UserError("--net: mac must look like 02:4b:49:00:00:01, not '" + s + "'");
            }
            return Long.parseLong(s.replace(":", ""), 16);
        }
    }

    /** Sets up the VM's network, or returns null when the command line asks for none. */
    static VmNetwork open(List<String> publish, String net, String ip, Manifest manifest) {
        if (publish.isEmpty() && net == null) {
            if (ip != null) throw new UserError("--ip needs a network: add -p HOSTPORT:GUESTPORT or --net tap=NAME");
            return null;
        }
        NetSpec spec = NetSpec.parse(net);
        List<PortRelay.Mapping> mappings = new ArrayList<>();
        for (String p : publish) {
            try {
                QemuRunner.PortMapping m = QemuRunner.PortMapping.parse(p);
                mappings.add(new PortRelay.Mapping(m.hostPort(), m.guestPort()));
            } catch (IllegalArgumentException e) {
                throw new UserError("-p: " + e.getMessage());
            }
        }
        if (!mappings.isEmpty() && spec.tap() != null) {
            throw new UserError("-p and --net tap= do not go together: -p makes the VM its own namespace and tap");
        }
        if (mappings.isEmpty() && spec.tap() == null) throw new UserError("--net needs tap=NAME (or use -p)");
        StaticIp address;
        try {
            address = ip != null ? StaticIp.parse(ip) : manifest.ip();
        } catch (IllegalArgumentException e) {
            throw new UserError("--ip: " + e.getMessage());
        }
        if (address == null && !mappings.isEmpty()) address = PUBLISHED_DEFAULT;
        if (!mappings.isEmpty() && address.prefixLen() == 32) {
            throw new UserError("-p needs the guest's subnet to hold the host side too: a prefix of /31 or shorter, not /32");
        }
        long mac = spec.mac() != null ? spec.mac() : NetConfig.localMac(new SecureRandom().nextInt());
        int mtu = spec.mtu() != null ? spec.mtu() : NetConfig.DEFAULT_MTU;
        requirePrivileges(!mappings.isEmpty());
        return mappings.isEmpty() ? attach(spec.tap(), mac, mtu, address) : publish(mappings, mac, mtu, address);
    }

    private static void requirePrivileges(boolean privateNamespace) {
        if (!NetworkNamespace.isRoot()) {
            throw new UserError((privateNamespace ? "-p" : "--net") + " needs root (tap devices"
                    + (privateNamespace ? " and network namespaces" : "") + "); run kiln as root");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) throw new UserError("/dev/net/tun is missing: load the tun module");
        if (privateNamespace && !onPath("nsenter")) throw new UserError("-p needs nsenter (util-linux) and ip (iproute2)");
        if (privateNamespace && !onPath("ip")) throw new UserError("-p needs ip (iproute2)");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static NetConfig netConfig(TapDevice tap, long mac, int mtu, StaticIp ip) {
        try {
            return new NetConfig(tap, mac, mtu, ip == null ? 0 : ip.address(), ip == null ? 0 : ip.prefixLen(),
                    ip == null ? 0 : ip.gateway());
        } catch (IllegalArgumentException e) {
            throw new UserError("--net: " + e.getMessage());
        }
    }

    private static VmNetwork attach(String tapName, long mac, int mtu, StaticIp ip) {
        TapDevice tap;
        try {
            tap = TapDevice.open(tapName);
        } catch (IOException e) {
            throw new UserError("cannot attach tap " + tapName + ": " + e.getMessage());
        }
        try {
            NetConfig config = netConfig(tap, mac, mtu, ip);
            return new VmNetwork(null, tap, null, config, "tap " + tapName + ", MAC " + NetConfig.macText(mac)
                    + ", MTU " + mtu + ", " + (ip == null ? "DHCP" : "address " + ip));
        } catch (RuntimeException e) {
            tap.close();
            throw e;
        }
    }

    private static VmNetwork publish(List<PortRelay.Mapping> mappings, long mac, int mtu, StaticIp ip) {
        PrivateNetns ns = null;
        TapDevice tap = null;
        try {
            ns = PrivateNetns.create();
            tap = ns.callInside(() -> TapDevice.open(PRIVATE_TAP));
            NetConfig config = netConfig(tap, mac, mtu, ip);
            int host = hostSide(ip);
            ns.ip("addr", "add", StaticIp.text(host) + "/" + ip.prefixLen(), "dev", PRIVATE_TAP);
            ns.ip("link", "set", PRIVATE_TAP, "mtu", String.valueOf(mtu), "up");
            PortRelay relay = new PortRelay(ns, InetAddress.getByAddress(bytes(ip.address())), mappings,
                    line -> System.err.println("kiln: " + line));
            StringBuilder s = new StringBuilder("guest " + ip + " (MAC " + NetConfig.macText(mac) + ", MTU " + mtu
                    + ") in its own network namespace, host side " + StaticIp.text(host));
            for (PortRelay.Mapping m : mappings) {
                s.append("; 127.0.0.1:").append(m.hostPort()).append(" -> ").append(StaticIp.text(ip.address()))
                        .append(':').append(m.guestPort());
            }
            return new VmNetwork(ns, tap, relay, config, s.toString());
        } catch (BindException e) {
            cleanup(tap, ns);
            throw new UserError("-p: " + e.getMessage());
        } catch (IOException e) {
            cleanup(tap, ns);
            throw new UserError("cannot set up the VM's network: " + e.getMessage());
        } catch (RuntimeException e) {
            cleanup(tap, ns);
            throw e;
        }
    }

    /** The tap's address: the gateway if the guest has one, else the first other host address of the subnet. */
    static int hostSide(StaticIp ip) {
        if (ip.gateway() != 0) return ip.gateway();
        int network = ip.address() & ip.netmask();
        int candidate = network + 1 == ip.address() ? network + 2 : network + 1;
        if (ip.prefixLen() >= 31) candidate = ip.address() ^ 1;
        return candidate;
    }

    private static byte[] bytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    private static void cleanup(TapDevice tap, PrivateNetns ns) {
        if (tap != null) tap.close();
        if (ns != null) ns.close();
    }

    /** Closes the relay, the tap and the namespace (call after the VM ended). Idempotent. */
    @Override
    public synchronized void close() {
        if (relay != null) relay.close();
        tap.close();
        if (ns != null) ns.close();
    }
}
