package dev.kiln.cli.bench.density;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's own memory that VMs cost besides a process's resident pages (/proc/meminfo):
 * threads' kernel stacks, page tables (KVM's shadow or nested tables among them) and
 * unreclaimable slab (KVM's VM and vCPU structures, taps, sockets). System-wide: on a shared
 * machine other processes move these too, so it is shown apart from the daemon's own figure.
 */
public record KernelMemory(Map<String, Long> kib) {
    private static final String[] FIELDS = {"KernelStack", "PageTables", "SecPageTables", "SUnreclaim"};

    public static KernelMemory now() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            for (String f : FIELDS) {
                if (line.startsWith(f + ":")) m.put(f, Long.parseLong(line.substring(f.length() + 1).strip().split("\\s+")[0]));
            }
        }
        return new KernelMemory(m);
    }

    public KernelMemory minus(KernelMemory before) {
        Map<String, Long> d = new LinkedHashMap<>();
        kib.forEach((k, v) -> d.put(k, v - before.kib.getOrDefault(k, 0L)));
        return new KernelMemory(d);
    }

    /** "KernelStack 36.0 KiB, PageTables 12.5 KiB, ... (total T KiB)", each divided by n. */
    public String perVm(int n) {
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : kib.entrySet()) {
            sb.append(String.format("%s %.1f KiB, ", e.getKey(), e.getValue() / (double) n));
            total += e.getValue();
        }
        return sb.append(String.format("total %.1f KiB", total / (double) n)).toString();
    }
}
