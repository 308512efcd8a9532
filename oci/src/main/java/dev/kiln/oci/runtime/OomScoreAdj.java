package dev.kiln.oci.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * process.oomScoreAdj, applied as runc applies it: written to /proc/self/oom_score_adj before
 * the container's process starts, so it inherits the score and the kernel's OOM killer weighs
 * the container as the kubelet asked (by the pod's QoS class; sandboxes get -998).
 *
 * <p>The kernel lets a process raise its score, but lowering it below the lowest value a
 * privileged ancestor set needs CAP_SYS_RESOURCE. A host whose capability bounding set lacks
 * it (containers running containerd, some CI machines) cannot start a pod at all: runc's nsexec
 * dies on the write, and all the shim reports is "can't get final child's PID from pipe: EOF".
 * kiln-oci sets the score itself before it hands a bundle to runc or starts a monitor, so the
 * refusal is reported in words, with containerd's setting for such hosts.
 */
final class OomScoreAdj {
    private static final Path SELF = Path.of("/proc/self/oom_score_adj");
    /** capability(7) number of CAP_SYS_RESOURCE. */
    private static final int CAP_SYS_RESOURCE = 24;

    private OomScoreAdj() {}

    /** Sets this process's score (inherited by what it starts or execs); null leaves it alone. */
    static void apply(Integer value) {
        if (value == null) return;
        if (value < -1000 || value > 1000) throw new RuntimeError("process.oomScoreAdj " + value + " is outside -1000..1000");
        int current = current();
        if (value == current) return;
        try {
            Files.writeString(SELF, String.valueOf(value));
        } catch (IOException e) {
            if (value < current && !capable()) {
                throw new RuntimeError("cannot set process.oomScoreAdj " + value + " (the kernel refused: " + e.getMessage()
                        + "): lowering it below " + current + " needs CAP_SYS_RESOURCE, which "
                        + (boundingSetHasSysResource() ? "this process lacks" : "this host's capability bounding set lacks")
                        + "; for containerd's CRI set restrict_oom_score_adj = true in [plugins.\"io.containerd.grpc.v1.cri\"]");
            }
            throw new RuntimeError("cannot set process.oomScoreAdj " + value + ": " + e.getMessage());
        }
    }

    static int current() {
        try {
            return Integer.parseInt(Files.readString(SELF).strip());
        } catch (IOException | NumberFormatException e) {
            throw new RuntimeError("cannot read " + SELF + ": " + e.getMessage());
        }
    }

    /** Whether CAP_SYS_RESOURCE is in this process's effective set. */
    static boolean capable() {
        return capability("CapEff:");
    }

    /** Whether CAP_SYS_RESOURCE is in the bounding set (no process here can ever gain it otherwise). */
    static boolean boundingSetHasSysResource() {
        return capability("CapBnd:");
    }

    private static boolean capability(String set) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(set)) {
                    return (Long.parseUnsignedLong(line.substring(set.length()).strip(), 16) >>> CAP_SYS_RESOURCE & 1) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
