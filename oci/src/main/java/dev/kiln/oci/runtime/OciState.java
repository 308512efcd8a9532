package dev.kiln.oci.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.oci.image.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON that `kiln-oci state` prints, as runc's (the OCI runtime spec's state: ociVersion,
 * id, pid, status, bundle, ...; a stopped container's pid is 0). It depends on nothing but the
 * container's state file and its status, so create writes it once for every status
 * ({@link ContainerDir#writeLauncherFacts}) and the launcher answers `state` from those files
 * without a JVM start; this class is the one place the format is defined.
 */
final class OciState {
    /** What a container can be: the monitor waits on the exec fifo, runs the guest, or is gone. */
    static final List<String> STATUSES = List.of("created", "running", "stopped");

    private OciState() {}

    /** The bytes `state` prints for {@code s} in {@code status} (one of {@link #STATUSES}), newline included. */
    static byte[] json(ContainerState s, String status) {
        ObjectNode o = Json.object();
        o.put("ociVersion", "1.0.2");
        o.put("id", s.id());
        o.put("pid", status.equals("stopped") ? 0 : s.pid());
        o.put("status", status);
        o.put("bundle", s.bundle());
        o.put("rootfs", s.rootfs());
        o.put("created", s.created());
        o.put("owner", "");
        ObjectNode a = o.putObject("annotations");
        if (s.annotations() != null) s.annotations().forEach(a::put);
        return (o.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
