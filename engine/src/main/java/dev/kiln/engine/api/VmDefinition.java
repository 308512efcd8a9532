package dev.kiln.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A VM as it was created; never changes afterwards (stored as config.json in the VM's
 * directory, shown by inspect).
 *
 * @param id 64 hex digits
 * @param name unique name
 * @param created when it was created
 * @param imageName the image's name (its manifest's, else the file name)
 * @param imageSource the path it was created from
 * @param imageDigest sha256:HEX of the image; the daemon keeps that copy (images/sha256/HEX)
 * @param network the project network it joined, null for none (see {@link CreateRequest})
 * @param aliases its other names in that network
 * @param labels its labels (see {@link Labels})
 */
public record VmDefinition(String id, String name, Instant created, String imageName, String imageSource,
                           String imageDigest, List<String> args, List<String> env, Integer memoryMb,
                           List<PortMapping> ports, RestartPolicy restart, HealthCheck health, String network,
                           List<String> aliases, Map<String, String> labels) {
    public VmDefinition {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
        ports = ports == null ? List.of() : List.copyOf(ports);
        restart = restart == null ? RestartPolicy.NO : restart;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        labels = labels == null ? Map.of() : labels;
    }

    /** Whether it needs a network device: it publishes a port or joined a network. */
    public boolean wantsNetwork() {
        return !ports.isEmpty() || network != null;
    }
}
