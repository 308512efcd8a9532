package dev.kiln.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this monitor process holds of the host, read from /proc/self: resident memory, open
 * file descriptors, and Kiln's own threads (named kiln-*: the JVM starts and stops compiler
 * threads as it likes, so those are not counted), and the JVM's pools' high-water marks. A fuzzer takes one after a warm-up batch and one at the end and
 * compares them: descriptors and threads must come back exactly (each VM's eventfd, net
 * thread and KVM descriptors are closed or pooled), resident memory outside the JVM's pools
 * within a tolerance (malloc's arenas settle at their own pace).
 */
public record HostFootprint(long rssKib, long jvmPoolsPeakKib, int fds, int kilnThreads) {
    /**
     * Resident memory that is not the JVM's own managed memory: RSS minus the high-water marks of
     * the heap's and the JVM's memory pools (eden, survivors, old generation, metaspace, code
     * cache). The heap touches pages as it first fills its generations and keeps them resident
     * after a collection, so RSS alone grows for a long while without any leak; what a VM leaks
     * on the host (guest memory mappings, KVM structures, native buffers) shows here.
     */
    public long outsideJvmPoolsKib() {
        return rssKib - jvmPoolsPeakKib;
    }

    /** Collects garbage first (twice: finalizable objects and cleaners go in the second round), then reads. */
    public static HostFootprint measure() {
        System.gc();
        System.gc();
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return new HostFootprint(status("VmRSS:"), peak / 1024, fdCount(), countKilnThreads());
    }

    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("/proc/self/status has no " + key + " line");
    }

    /**
     * Collections of the young generation so far (the collector whose name says young, copy or
     * scavenge). Until it has run a few times, the heap still touches pages it never touched
     * before, which grows resident memory without any leak: a warm-up waits for that.
     */
    public static long youngCollections() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = gc.getName().toLowerCase(java.util.Locale.ROOT);
            if (name.contains("young") || name.contains("copy") || name.contains("scavenge") || name.contains("parnew")) {
                n += Math.max(0, gc.getCollectionCount());
            }
        }
        return n;
    }

    private static int countKilnThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("kiln-")).count();
    }

    private static int fdCount() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count() - 1; // the directory stream's own descriptor
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/fd", e);
        }
    }
}
