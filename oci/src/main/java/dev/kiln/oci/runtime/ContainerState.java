package dev.kiln.oci.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * What kiln-oci remembers of one container between its invocations (state.json in the
 * container's directory): enough to answer state, signal the monitor, and undo exactly what
 * create set up.
 *
 * @param pid the monitor's pid (0 until it is started)
 * @param pidStart the monitor's start time in clock ticks (/proc/PID/stat field 22), so a reused pid is not taken for it
 * @param network the pod network set up in the container's namespace, or null
 * @param cgroups the cgroup directories create made (removed at delete)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContainerState(
        @JsonProperty("id") String id,
        @JsonProperty("pid") int pid,
        @JsonProperty("pid_start") long pidStart,
        @JsonProperty("bundle") String bundle,
        @JsonProperty("rootfs") String rootfs,
        @JsonProperty("created") String created,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("network") PodNetwork.Setup network,
        @JsonProperty("cgroups") List<String> cgroups,
        @JsonProperty("nameserver") String nameserver) {
    ContainerState withPid(int p, long start) {
        return new ContainerState(id, p, start, bundle, rootfs, created, annotations, network, cgroups, nameserver);
    }
}
