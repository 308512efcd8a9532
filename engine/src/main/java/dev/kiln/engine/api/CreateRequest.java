package dev.kiln.engine.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POST /v1/vms: a VM's definition. The daemon copies the image into its state directory
 * (content-addressed), so a later rebuild or removal of the file does not change the VM.
 *
 * @param name unique name, Docker's rules ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}); null: one is made up
 * @param image absolute path of a native image on the daemon's host
 * @param args arguments appended to the manifest's
 * @param env KEY=VALUE entries; a KEY here replaces the manifest's
 * @param memoryMb guest memory; null: the manifest's, else 64
 * @param ports TCP ports to publish on 127.0.0.1 (the VM gets a network of its own)
 * @param restart restart policy, default no
 * @param health health check, null for none (needs a network: a published port or a named network)
 * @param network the project network the VM joins (a compose project's): its VMs find each other by name through the
 *                daemon's resolver; null for none. Needs the daemon's bridge
 * @param aliases more names the VM answers to in its network (a compose service's name and aliases)
 * @param labels KEY=VALUE metadata kept with the definition (see {@link Labels}): a compose project marks its VMs with them
 */
public record CreateRequest(String name, String image, List<String> args, List<String> env, Integer memoryMb,
                            List<PortMapping> ports, RestartPolicy restart, HealthCheck health, String network,
                            List<String> aliases, Map<String, String> labels) {
    /** The guest memory limit, as `kiln run` has it: every hypercall block address must fit in 32 bits. */
    public static final int MAX_MEMORY_MB = 3072;
    static final int MAX_LIST = 1024, MAX_ENTRY = 4096;

    public CreateRequest {
        if (name != null) VmNames.check(name);
        if (image == null || image.isEmpty()) throw new IllegalArgumentException("no image given");
        if (!image.startsWith("/")) throw new IllegalArgumentException("image path '" + image + "' is not absolute");
        args = checked("argument", args);
        env = checked("environment entry", env);
        for (String e : env) {
            if (e.indexOf('=') <= 0) throw new IllegalArgumentException("environment entry '" + e + "' is not KEY=VALUE");
        }
        if (memoryMb != null && (memoryMb < 1 || memoryMb > MAX_MEMORY_MB)) {
            throw new IllegalArgumentException("memory " + memoryMb + " MiB is not 1.." + MAX_MEMORY_MB);
        }
        ports = ports == null ? List.of() : List.copyOf(ports);
        Set<Integer> hostPorts = new HashSet<>();
        for (PortMapping p : ports) {
            if (!hostPorts.add(p.hostPort())) throw new IllegalArgumentException("host port " + p.hostPort() + " published twice");
        }
        if (ports.size() > 64) throw new IllegalArgumentException("more than 64 published ports");
        restart = restart == null ? RestartPolicy.NO : restart;
        if (network != null) NetworkNames.checkNetwork(network);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (aliases.size() > NetworkNames.MAX_ALIASES) throw new IllegalArgumentException("more than " + NetworkNames.MAX_ALIASES + " aliases");
        for (String a : aliases) NetworkNames.checkAlias(a);
        if (!aliases.isEmpty() && network == null) throw new IllegalArgumentException("aliases need a network (--network)");
        labels = Labels.checked(labels);
        if (health != null && ports.isEmpty() && network == null) {
            throw new IllegalArgumentException("a health check needs the VM's network: publish a port with -p or join a --network");
        }
    }

    /** Without a network. */
    public CreateRequest(String name, String image, List<String> args, List<String> env, Integer memoryMb,
                         List<PortMapping> ports, RestartPolicy restart, HealthCheck health) {
        this(name, image, args, env, memoryMb, ports, restart, health, null, null, null);
    }

    /** Without labels. */
    public CreateRequest(String name, String image, List<String> args, List<String> env, Integer memoryMb,
                         List<PortMapping> ports, RestartPolicy restart, HealthCheck health, String network, List<String> aliases) {
        this(name, image, args, env, memoryMb, ports, restart, health, network, aliases, null);
    }

    private static List<String> checked(String what, List<String> list) {
        if (list == null) return List.of();
        if (list.size() > MAX_LIST) throw new IllegalArgumentException("more than " + MAX_LIST + " " + what + "s");
        for (String s : list) {
            if (s == null) throw new IllegalArgumentException("a null " + what);
            if (s.length() > MAX_ENTRY) throw new IllegalArgumentException(what + " longer than " + MAX_ENTRY + " characters");
            if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " contains a NUL character");
        }
        return List.copyOf(list);
    }
}
