package dev.kiln.vmm.hostnet;

import dev.kiln.image.StaticIp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux bridge in this process's network namespace that VMs' taps are plugged into (the
 * daemon's, `kiln0` by default), with the gateway address of their subnet, made and changed
 * with iproute2. A bridge this class created carries the link alias {@link #ALIAS}, so that a
 * later daemon recognizes one its predecessor left (killed before it could remove it) and
 * removes it at its own clean stop; a bridge without it is an administrator's: used, never
 * deleted.
 *
 * <p>The VMs' taps are named {@link #TAP_PREFIX} + 10 hex digits. They are not persistent:
 * the kernel deletes one when the last descriptor of it closes, also when the daemon dies of
 * SIGKILL. {@link #removeLeftoverTaps} deletes any tap of that name still plugged into the
 * bridge (made persistent by someone, or by an older kiln) before the first VM starts.
 */
public final class HostBridge implements AutoCloseable {
    /** The link alias of a bridge kiln created (ip link show: "alias kiln-daemon-bridge"). */
    public static final String ALIAS = "kiln-daemon-bridge";
    /** A VM's tap: this prefix and 10 hex digits (15 characters at most: IFNAMSIZ). */
    public static final String TAP_PREFIX = "kiln";
    private static final Pattern TAP_NAME = Pattern.compile(TAP_PREFIX + "[0-9a-f]{10}");
    private static final Pattern LINK_NAME = Pattern.compile("^\\d+: ([^:@ ]+)[:@]", Pattern.MULTILINE);

    private final String name;
    private final StaticIp gateway;
    private final boolean owned;
    private boolean closed;

    private HostBridge(String name, StaticIp gateway, boolean owned) {
        this.name = name;
        this.gateway = gateway;
        this.owned = owned;
    }

    /**
     * The bridge {@code name} with {@code gateway} (its address and prefix) on it, up: created
     * if missing, else adopted (its address added if it lacks it). Fails if {@code name} is
     * another kind of link.
     */
    public static HostBridge open(String name, StaticIp gateway) throws IOException {
        checkName(name);
        String existing = link(name);
        boolean owned;
        if (existing == null) {
            // An address of its own (02:4b:42 "KB" and 3 random bytes): a bridge without one takes the lowest MAC of its
            // ports, and each change of it flushes its neighbour table, the guests' pinned addresses included (see plug).
            long mac = 0x02_4b42_000000L | java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24);
            ip("link", "add", name, "address", dev.kiln.vmm.NetConfig.macText(mac), "type", "bridge");
            owned = true;
            try {
                ip("link", "set", name, "alias", ALIAS);
            } catch (IOException e) {
                deleteQuietly(name);
                throw e;
            }
        } else {
            if (!ip("-d", "link", "show", name).contains(" bridge ")) {
                throw new IOException("the link " + name + " exists and is not a bridge; pick another bridge name");
            }
            owned = existing.contains("alias " + ALIAS);
        }
        HostBridge b = new HostBridge(name, gateway, owned);
        try {
            String cidr = StaticIp.text(gateway.address()) + "/" + gateway.prefixLen();
            if (!ip("-4", "addr", "show", "dev", name).contains(" " + cidr + " ")) ip("addr", "add", cidr, "dev", name);
            ip("link", "set", name, "up");
        } catch (IOException | RuntimeException e) {
            if (owned) b.close();
            throw e;
        }
        return b;
    }

    /** Whether a link of that name exists in this namespace. */
    public static boolean exists(String name) throws IOException {
        return link(name) != null;
    }

    /** Refuses a name that is no interface name, or one of a VM's tap. */
    public static void checkName(String name) {
        if (!name.matches("[a-zA-Z][a-zA-Z0-9_.-]{0,14}")) {
            throw new IllegalArgumentException("bridge name '" + name + "' is not 1 to 15 letters, digits, '_', '.', '-'"
                    + " starting with a letter");
        }
        if (TAP_NAME.matcher(name).matches()) throw new IllegalArgumentException("bridge name '" + name + "' looks like a VM's tap");
    }

    public String name() {
        return name;
    }

    /** Whether kiln created this bridge (and deletes it on close). */
    public boolean owned() {
        return owned;
    }

    /** The bridge's own address and its subnet's prefix: the VMs' gateway. */
    public StaticIp gateway() {
        return gateway;
    }

    /** The tap name of the VM whose id starts with these 10 hex digits. */
    public static String tapName(String vmIdHex) {
        String n = TAP_PREFIX + vmIdHex.substring(0, 10);
        if (!TAP_NAME.matcher(n).matches()) throw new IllegalArgumentException("not a VM id: " + vmIdHex);
        return n;
    }

    /**
     * Creates a VM's tap, plugs it into the bridge and brings it up; the kernel deletes it when
     * the tap is closed (and with it its forwarding entry).
     *
     * <p>The port gets no flooding: with a thousand VMs on one bridge, each broadcast (a
     * guest's gratuitous ARP at boot, its ARP for the gateway, the host's ARP for a guest)
     * reached every tap, and each delivery woke that VM's I/O thread and vCPU (exits cost tens
     * of microseconds here): work that grew as the square of the VMs and, measured, was most of
     * the time starting a thousand of them took. So the guest's address is pinned to its MAC
     * in the bridge's neighbour table ({@link #unpin} at the run's end: the host never asks
     * for it), its MAC to its port in the forwarding table (static: it never ages out, nothing
     * is flooded to find it), and the port has broadcast, multicast and unknown-unicast
     * flooding off and the bridge's proxy ARP on: a VM asking for another VM's address is
     * answered by the bridge from the neighbour table, a VM asking for the gateway by the host
     * (broadcasts still reach the host, and the host's own broadcasts every port).
     *
     * <p>The tap's own (host side) MAC starts with fe, as libvirt does it: a bridge whose
     * address was not set takes the lowest of its ports' MACs, and a change of it flushes the
     * bridge's neighbour table, pinned entries included; a tap's random MAC would change it
     * whenever it is the lowest so far.
     *
     * <p>Two processes ({@code ip -batch} and {@code bridge}) for the six changes: each
     * `ip` is a process spawned by the daemon.
     */
    public TapDevice plug(String tapName, int mtu, int guestAddress, long guestMac) throws IOException {
        TapDevice tap = TapDevice.open(tapName);
        String mac = dev.kiln.vmm.NetConfig.macText(guestMac);
        try {
            batch("ip", "link set " + tapName + " address " + hostSideMac(guestMac),
                    "link set " + tapName + " master " + name + " mtu " + mtu + " up",
                    "link set " + tapName + " type bridge_slave bcast_flood off mcast_flood off flood off proxy_arp on",
                    "neigh replace " + StaticIp.text(guestAddress) + " lladdr " + mac + " dev " + name + " nud permanent");
            batch("bridge", "fdb replace " + mac + " dev " + tapName + " master static");
        } catch (IOException | RuntimeException e) {
            tap.close();
            unpin(guestAddress);
            throw e;
        }
        return tap;
    }

    /** fe and the guest MAC's last five bytes: unicast, locally administered, above every MAC a bridge could take. */
    static String hostSideMac(long guestMac) {
        return dev.kiln.vmm.NetConfig.macText(0xfe_0000000000L | (guestMac & 0xff_ffffffffL));
    }

    /** Forgets a guest's address pinned by {@link #plug} (its VM's run ended); an entry already gone is no error. */
    public void unpin(int guestAddress) {
        try {
            ip("neigh", "del", StaticIp.text(guestAddress), "dev", name);
        } catch (IOException ignored) {
            // gone with the bridge, or never added
        }
    }

    /** `tool -batch -` (ip or bridge) with these commands: one process for all; fails with its output at the first that fails. */
    private static void batch(String tool, String... commands) throws IOException {
        Process p = new ProcessBuilder(tool, "-batch", "-").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " -batch: timed out after 10 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) throw new IOException(tool + " -batch (" + String.join("; ", commands) + "): exit " + p.exitValue() + ": " + out.strip());
    }

    /** Deletes every VM tap still plugged into the bridge (call before any VM starts); returns their names. */
    public List<String> removeLeftoverTaps() throws IOException {
        List<String> removed = new ArrayList<>();
        for (String tap : ports()) {
            if (!TAP_NAME.matcher(tap).matches()) continue;
            ip("link", "del", tap);
            removed.add(tap);
        }
        return removed;
    }

    /** The names of the links plugged into the bridge. */
    public List<String> ports() throws IOException {
        List<String> names = new ArrayList<>();
        Matcher m = LINK_NAME.matcher(ip("-o", "link", "show", "master", name));
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** `ip link show NAME`, or null if there is no such link. */
    private static String link(String name) throws IOException {
        try {
            return ip("link", "show", name);
        } catch (IOException e) {
            if (e.getMessage().contains("does not exist")) return null;
            throw e;
        }
    }

    private static String ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        return NetworkNamespace.run(10, cmd.toArray(new String[0]));
    }

    private static void deleteQuietly(String link) {
        try {
            ip("link", "del", link);
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Deletes the bridge if kiln created it (after every VM's tap closed); an administrator's stays. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (owned) deleteQuietly(name);
    }
}
