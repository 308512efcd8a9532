package dev.kiln.oci.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.oci.image.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pod network of a Kiln container, as urunc and Kata wire theirs: inside the container's
 * network namespace (the pod's, made by CNI), a tap for the VM joined to the namespace's eth0
 * by two tc ingress filters that redirect every frame (mirred egress redirect) from eth0 to
 * the tap and from the tap to eth0. The guest takes eth0's address, prefix, gateway, MAC and
 * MTU; eth0's address is flushed so the namespace's own stack neither answers for it nor
 * competes. {@link #teardown} removes exactly this container's tap and filters and gives
 * eth0 its address and default route back (a restarted container finds them again).
 */
final class PodNetwork {
    static final String DEVICE = "eth0";

    /** What was set up, kept in the container's state for delete. */
    record Setup(@JsonProperty("netns") String netns, @JsonProperty("tap") String tap,
                 @JsonProperty("address") String address, @JsonProperty("prefix") int prefix,
                 @JsonProperty("gateway") String gateway, @JsonProperty("mac") String mac, @JsonProperty("mtu") int mtu) {}

    private PodNetwork() {}

    /** The tap's name for a container: short enough for IFNAMSIZ, distinct per container id. */
    static String tapName(String id) {
        return "kt" + Integer.toHexString(id.hashCode() & 0x7fffffff) + "0";
    }

    /** Whether the namespace has an eth0 to take over. */
    static boolean hasDevice(String netns) throws IOException {
        return run(netns, false, "ip", "-j", "link", "show", "dev", DEVICE) != null;
    }

    /** Reads eth0's facts, makes the tap, redirects both ways and flushes eth0's address. */
    static Setup setup(String netns, String tap) throws IOException {
        JsonNode link = Json.tree(run(netns, true, "ip", "-j", "addr", "show", "dev", DEVICE).getBytes(StandardCharsets.UTF_8),
                "ip addr").path(0);
        String mac = link.path("address").asText(null);
        int mtu = link.path("mtu").asInt(1500);
        String address = null;
        int prefix = 0;
        for (JsonNode a : link.path("addr_info")) {
            if ("inet".equals(a.path("family").asText())) {
                address = a.path("local").asText();
                prefix = a.path("prefixlen").asInt();
                break;
            }
        }
        if (address == null || mac == null) {
            throw new RuntimeError("the container's network namespace has " + DEVICE + " but no IPv4 address on it"
                    + " (is another Kiln container of this pod already using it?)");
        }
        String gateway = null;
        JsonNode routes = Json.tree(run(netns, true, "ip", "-j", "-4", "route", "show", "default").getBytes(StandardCharsets.UTF_8), "ip route");
        for (JsonNode r : routes) {
            if (DEVICE.equals(r.path("dev").asText()) && r.has("gateway")) {
                gateway = r.path("gateway").asText();
                break;
            }
        }
        Setup s = new Setup(netns, tap, address, prefix, gateway, mac, mtu);
        try {
            run(netns, true, "ip", "tuntap", "add", "dev", tap, "mode", "tap");
            run(netns, true, "ip", "link", "set", tap, "mtu", String.valueOf(mtu), "up");
            run(netns, true, "tc", "qdisc", "add", "dev", DEVICE, "ingress");
            run(netns, true, "tc", "qdisc", "add", "dev", tap, "ingress");
            redirect(netns, DEVICE, tap);
            redirect(netns, tap, DEVICE);
            run(netns, true, "ip", "addr", "flush", "dev", DEVICE);
        } catch (IOException | RuntimeException e) {
            teardown(s);
            throw e;
        }
        return s;
    }

    private static void redirect(String netns, String from, String to) throws IOException {
        run(netns, true, "tc", "filter", "add", "dev", from, "parent", "ffff:", "protocol", "all", "u32", "match", "u32", "0", "0",
                "action", "mirred", "egress", "redirect", "dev", to);
    }

    /**
     * Removes the tap and eth0's ingress qdisc (with its filter), and puts eth0's address and
     * default route back. Nothing to do when the namespace is already gone (the pod was torn
     * down first: the kernel removed the tap with it). Returns what could not be undone.
     */
    static List<String> teardown(Setup s) {
        List<String> problems = new ArrayList<>();
        if (s.netns() == null || !java.nio.file.Files.exists(java.nio.file.Path.of(s.netns()))) return problems;
        try {
            if (run(s.netns(), false, "ip", "link", "show", "dev", s.tap()) != null) {
                run(s.netns(), true, "ip", "link", "del", "dev", s.tap());
            }
            if (run(s.netns(), false, "ip", "link", "show", "dev", DEVICE) != null) {
                String qdiscs = run(s.netns(), true, "tc", "qdisc", "show", "dev", DEVICE, "ingress");
                if (qdiscs.contains("ingress")) run(s.netns(), true, "tc", "qdisc", "del", "dev", DEVICE, "ingress");
                String addrs = run(s.netns(), true, "ip", "-4", "addr", "show", "dev", DEVICE);
                if (!addrs.contains(" " + s.address() + "/")) {
                    run(s.netns(), true, "ip", "addr", "add", s.address() + "/" + s.prefix(), "dev", DEVICE);
                    if (s.gateway() != null) run(s.netns(), false, "ip", "route", "replace", "default", "via", s.gateway(), "dev", DEVICE);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /**
     * A tool's absolute path: the caller's PATH may lack the sbin directories (seen here: a
     * kiln-oci delete that podman ran after a failed create found no tc, which is in /usr/sbin).
     */
    static String tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) return dir + "/" + name;
        }
        throw new RuntimeError(name + " is not installed (Debian package " + (name.equals("nsenter") ? "util-linux" : "iproute2") + ")");
    }

    /** Runs a command inside the namespace (nsenter --net=PATH): its output; null on failure when !check. */
    static String run(String netns, boolean check, String... cmd) throws IOException {
        List<String> full = new ArrayList<>(List.of(tool("nsenter"), "--net=" + netns, tool(cmd[0])));
        full.addAll(List.of(cmd).subList(1, cmd.length));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": no answer in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            if (!check) return null;
            throw new IOException("in the container's network namespace, " + String.join(" ", cmd) + " failed: " + out.strip());
        }
        return out;
    }
}
