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
            ip("link", "add", name, "type", "bridge");
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

    /** Creates a VM's tap, plugs it into the bridge and brings it up; the kernel deletes it when the tap is closed. */
    public TapDevice plug(String tapName, int mtu) throws IOException {
        TapDevice tap = TapDevice.open(tapName);
        try {
            ip("link", "set", tapName, "master", name, "mtu", String.valueOf(mtu), "up");
        } catch (IOException | RuntimeException e) {
            tap.close();
            throw e;
        }
        return tap;
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
