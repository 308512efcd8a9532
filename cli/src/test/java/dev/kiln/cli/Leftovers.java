package dev.kiln.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a container engine and kiln-oci may leave behind after containers were deleted, found by
 * the containers' ids (other tests run on this machine at the same time, so a before/after
 * difference of the whole host would blame their containers on us): processes whose command
 * line names an id (a monitor's names its container), mounts naming an id or under a
 * directory of the test's engine, network namespaces that still exist, cgroup directories named
 * after an id in any hierarchy, taps left in namespaces that outlive the containers, and state
 * directories.
 */
final class Leftovers {
    private final List<String> found = new ArrayList<>();

    /** Processes whose command line names one of {@code ids}. */
    Leftovers processes(Collection<String> ids) {
        ProcessHandle.allProcesses().forEach(p -> {
            String cl = p.info().commandLine().orElse("");
            for (String id : ids) {
                if (cl.contains(id)) {
                    found.add("process " + p.pid() + ": " + cl);
                    break;
                }
            }
        });
        return this;
    }

    /** Mounts whose line names one of {@code ids} or whose target lies under one of {@code dirs}. */
    Leftovers mounts(Collection<String> ids, Collection<Path> dirs) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String target = line.split(" ")[1];
            boolean ours = ids.stream().anyMatch(line::contains) || dirs.stream().anyMatch(d -> target.startsWith(d.toString()));
            if (ours) found.add("mount " + line);
        }
        return this;
    }

    /** Network namespaces (their bind-mounted files, e.g. /var/run/netns/cni-...) that still exist. */
    Leftovers namespaces(Collection<Path> netns) {
        for (Path n : netns) if (Files.exists(n)) found.add("network namespace " + n);
        return this;
    }

    /** Directories named after one of {@code ids} anywhere in the cgroup hierarchies. */
    Leftovers cgroups(Collection<String> ids) throws IOException {
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path h : hierarchies.toList()) {
                if (!Files.isDirectory(h) || Files.isSymbolicLink(h)) continue; // cpu -> cpu,cpuacct: walked once
                try (Stream<Path> dirs = Files.walk(h, 6)) {
                    dirs.filter(Files::isDirectory).forEach(d -> {
                        String name = d.getFileName().toString();
                        if (ids.stream().anyMatch(name::contains)) found.add("cgroup " + d);
                    });
                } catch (UncheckedIOException e) {
                    // a cgroup removed while we walk: not left behind
                }
            }
        }
        return this;
    }

    /** Any directory below {@code parent} (a cgroup parent the test gave its pods) in any hierarchy. */
    Leftovers cgroupsUnder(String parent) throws IOException {
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path h : hierarchies.toList()) {
                Path d = h.resolve(parent);
                if (!Files.isDirectory(d)) continue;
                try (Stream<Path> sub = Files.list(d)) {
                    sub.filter(Files::isDirectory).forEach(c -> found.add("cgroup " + c));
                }
            }
        }
        return this;
    }

    /** Taps (kiln-oci's are named kt...) in a namespace that outlives the containers. */
    Leftovers taps(String namespace) throws Exception {
        String links = KilnOciRuntimeTest.sh("ip", "-n", namespace, "-o", "link", "show", "type", "tun");
        for (String l : links.lines().toList()) found.add("tap in " + namespace + ": " + l.strip());
        return this;
    }

    /** Directories (a runtime's state of one container) that still exist. */
    Leftovers paths(Collection<Path> paths) {
        for (Path p : paths) if (Files.exists(p)) found.add("state " + p);
        return this;
    }

    /**
     * Checks again until nothing is left, or fails naming what is after 60 s (a guard against a
     * hang only): part of a delete ends just after the command that asked for it returned (a
     * shim's exit, say), and that is not left behind.
     */
    static void assertNoneLeft(String when, java.util.concurrent.Callable<String> context,
                               java.util.concurrent.Callable<Leftovers> check) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Leftovers l = check.call();
            if (l.found.isEmpty()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("left behind " + when + ":\n" + String.join("\n", l.found) + context.call());
            Thread.sleep(200);
        }
    }

    List<String> list() {
        return List.copyOf(found);
    }
}
