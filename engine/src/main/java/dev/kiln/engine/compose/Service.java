package dev.kiln.engine.compose;

import dev.kiln.engine.api.HealthCheck;
import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.RestartPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service of a compose file: what each of its VMs is made of.
 *
 * @param line where its definition starts, for messages
 * @param sourceLine the line of its image or build, for the messages of finding or building it
 * @param image a Kiln image file, or null when it is built
 * @param build a directory `kiln build` accepts, or null when an image is given
 * @param command arguments of the image's program (Compose's command), null: the image's own
 * @param environment KEY=VALUE entries
 * @param dependsOn the services it needs first, each with its condition, in the file's order
 * @param health its health check, null for none
 * @param memoryMb mem_limit in MiB (rounded up), null: the image's
 * @param replicas deploy.replicas, default 1
 * @param labels the user's labels (Kiln adds its own, dev.kiln.compose.*)
 */
public record Service(String name, int line, int sourceLine, Path image, Path build, List<String> command, List<String> environment,
                      List<PortMapping> ports, RestartPolicy restart, Map<String, Condition> dependsOn, HealthCheck health,
                      Integer memoryMb, int replicas, Map<String, String> labels) {

    /** When a service that depends on another may start, as Compose names them. */
    public enum Condition {
        /** the other service's VMs run (the start answered) */
        SERVICE_STARTED,
        /** the other service's VMs passed their health check */
        SERVICE_HEALTHY;

        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
