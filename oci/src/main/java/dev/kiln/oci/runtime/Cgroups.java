package dev.kiln.oci.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's cgroup on a cgroup v1 host, as runc makes it: the directory
 * {@code cgroupsPath} in every mounted hierarchy under /sys/fs/cgroup, the memory limit
 * written, and the monitor put inside (kiln-oci create joins it just before it starts the
 * monitor, so the monitor's every page is charged there from its first instruction). With
 * --systemd-cgroup, runc's {@code slice:prefix:name} becomes {@code /slice/prefix-name.scope}
 * (there is no systemd to ask here).
 */
final class Cgroups {
    static final Path ROOT = Path.of("/sys/fs/cgroup");

    private Cgroups() {}

    /** The container's relative path inside each hierarchy. */
    static String relative(String cgroupsPath, boolean systemd, String id) {
        if (cgroupsPath == null || cgroupsPath.isEmpty()) return "kiln-oci/" + id;
        String p = cgroupsPath;
        if (systemd) {
            String[] parts = p.split(":");
            if (parts.length != 3) throw new RuntimeError("--systemd-cgroup: cgroupsPath '" + p + "' is not slice:prefix:name");
            p = "/" + parts[0] + "/" + parts[1] + "-" + parts[2] + ".scope";
        }
        Path normal = Path.of("/").resolve(p).normalize();
        if (normal.toString().equals("/")) throw new RuntimeError("cgroupsPath '" + cgroupsPath + "' names the root cgroup");
        return normal.toString().substring(1);
    }

    /** The hierarchies mounted here (cgroup v1: one directory per controller set, and name=systemd). */
    static List<Path> hierarchies() {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(ROOT)) {
            s.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p) && !p.getFileName().toString().equals("unified")
                    && Files.exists(p.resolve("cgroup.procs"))).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new RuntimeError("cannot list " + ROOT + ": " + e.getMessage());
        }
        if (out.isEmpty()) throw new RuntimeError("no cgroup v1 hierarchy under " + ROOT + " (kiln-oci supports cgroup v1 hosts)");
        return out;
    }

    /** Makes the container's directory in every hierarchy; returns them. cpuset gets its parent's cpus and mems. */
    static List<String> create(String relative, long memoryLimit) {
        List<String> made = new ArrayList<>();
        for (Path h : hierarchies()) {
            Path dir = h.resolve(relative);
            try {
                if (h.getFileName().toString().equals("cpuset")) makeCpuset(h, dir);
                else Files.createDirectories(dir);
                made.add(dir.toString());
                if (memoryLimit > 0 && Files.exists(dir.resolve("memory.limit_in_bytes"))) {
                    Files.writeString(dir.resolve("memory.limit_in_bytes"), String.valueOf(memoryLimit));
                }
            } catch (IOException e) {
                remove(made);
                throw new RuntimeError("cannot set up the cgroup " + dir + ": " + e.getMessage());
            }
        }
        return made;
    }

    /** A new cpuset has no cpus and no mems, and refuses tasks until it gets its parent's. */
    private static void makeCpuset(Path hierarchy, Path dir) throws IOException {
        Path p = hierarchy;
        for (Path part : hierarchy.relativize(dir)) {
            Path child = p.resolve(part);
            if (!Files.isDirectory(child)) {
                Files.createDirectory(child);
                for (String f : new String[] {"cpuset.cpus", "cpuset.mems"}) {
                    Files.writeString(child.resolve(f), Files.readString(p.resolve(f)).strip());
                }
            }
            p = child;
        }
    }

    /** Moves this whole process (every thread) into the directories. */
    static void join(List<String> dirs, long pid) {
        for (String d : dirs) {
            try {
                Files.writeString(Path.of(d, "cgroup.procs"), String.valueOf(pid));
            } catch (IOException e) {
                throw new RuntimeError("cannot join the cgroup " + d + ": " + e.getMessage());
            }
        }
    }

    /** Removes the directories (empty once the monitor is gone); returns those that would not go. */
    static List<String> remove(List<String> dirs) {
        List<String> left = new ArrayList<>();
        for (String d : dirs) {
            Path p = Path.of(d);
            if (!Files.exists(p)) continue;
            boolean gone = false;
            for (int i = 0; i < 50 && !gone; i++) {
                gone = p.toFile().delete() || !Files.exists(p);
                if (!gone) sleep(20); // a task that was just killed leaves its cgroup a moment later
            }
            if (!gone) left.add(d);
        }
        return left;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
