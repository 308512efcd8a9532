package dev.kiln.cli;

import dev.kiln.jvm.qemu.QemuRunner;
import dev.kiln.image.Manifest;
import dev.kiln.vmm.NetConfig;
import dev.kiln.image.StaticIp;
import dev.kiln.vmm.device.net.TapBackend;
import dev.kiln.vmm.hostnet.HostNetwork;
import dev.kiln.vmm.hostnet.NetworkNamespace;
import dev.kiln.vmm.hostnet.PortRelay;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network of one native VM started by `kiln run`, from -p, --net and --ip (null when
 * none is given: the VM then has no net device): the options read and checked here, the host
 * side set up by {@link HostNetwork} (with -p, a private namespace and 127.0.0.1 relays; with
 * --net tap=NAME, that tap as it is).
 *
 * The guest's address comes from --ip, else the manifest's {@code ip}, else (with -p)
 * {@link #PUBLISHED_DEFAULT}, else DHCP.
 */
final class VmNetwork implements AutoCloseable {
    /** The guest's address in its private namespace when nothing else says: 10.0.0.2/24, the tap is 10.0.0.1. */
    static final StaticIp PUBLISHED_DEFAULT = new StaticIp(0x0a000002, 24, 0x0a000001);

    private final HostNetwork host;
    final NetConfig config;
    final String summary;

    private VmNetwork(HostNetwork host, NetConfig config, String summary) {
        this.host = host;
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

    private static NetConfig netConfig(HostNetwork host, long mac, int mtu, StaticIp ip) {
        try {
            return new NetConfig(new TapBackend(host.tap()), mac, mtu, ip == null ? 0 : ip.address(),
                    ip == null ? 0 : ip.prefixLen(), ip == null ? 0 : ip.gateway());
        } catch (IllegalArgumentException e) {
            host.close();
            throw new UserError("--net: " + e.getMessage());
        }
    }

    private static VmNetwork attach(String tapName, long mac, int mtu, StaticIp ip) {
        HostNetwork host;
        try {
            host = HostNetwork.attach(tapName);
        } catch (IOException e) {
            throw new UserError("cannot attach tap " + tapName + ": " + e.getMessage());
        }
        return new VmNetwork(host, netConfig(host, mac, mtu, ip), "tap " + tapName + ", MAC " + NetConfig.macText(mac)
                + ", MTU " + mtu + ", " + (ip == null ? "DHCP" : "address " + ip));
    }

    private static VmNetwork publish(List<PortRelay.Mapping> mappings, long mac, int mtu, StaticIp ip) {
        HostNetwork host;
        try {
            host = HostNetwork.publish(mappings, ip, mtu, line -> System.err.println("kiln: " + line));
        } catch (BindException e) {
            throw new UserError("-p: " + e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot set up the VM's network: " + e.getMessage());
        }
        NetConfig config = netConfig(host, mac, mtu, ip);
        StringBuilder s = new StringBuilder("guest " + ip + " (MAC " + NetConfig.macText(mac) + ", MTU " + mtu
                + ") in its own network namespace, host side " + StaticIp.text(host.hostAddress()));
        for (PortRelay.Mapping m : mappings) {
            s.append("; 127.0.0.1:").append(m.hostPort()).append(" -> ").append(StaticIp.text(ip.address()))
                    .append(':').append(m.guestPort());
        }
        return new VmNetwork(host, config, s.toString());
    }

    /** Closes the relay, the tap and the namespace (call after the VM ended). Idempotent. */
    @Override
    public void close() {
        host.close();
    }
}
