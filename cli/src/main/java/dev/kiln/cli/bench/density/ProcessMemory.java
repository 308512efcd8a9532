package dev.kiln.cli.bench.density;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory as the kernel counts it (/proc/PID/status). */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** VmRSS of the process in bytes: anonymous, file-backed and shared pages it has mapped and resident. */
    public static long residentBytes(long pid) throws IOException {
        return field(pid, "VmRSS");
    }

    /** A "NAME:  N kB" field of /proc/PID/status, in bytes. */
    static long field(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name + ":")) {
                String[] parts = line.substring(name.length() + 1).strip().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) throw new IOException("unexpected /proc/" + pid + "/status line: " + line);
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IOException("/proc/" + pid + "/status has no " + name + " (a kernel thread, or the process ended)");
    }

    /**
     * CPU time in milliseconds from /proc/PID/stat: [0] the process's own (user + system, its
     * guests' time included: a vCPU thread's guest time counts as its user time), [1] its
     * children's that it has waited for (the `ip` and `bridge` commands the daemon runs).
     */
    public static long[] cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // after "pid (comm) ": field 3 is f[0]
        long tick = 10; // USER_HZ is 100 on Linux
        return new long[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick, (Long.parseLong(f[13]) + Long.parseLong(f[14])) * tick};
    }

    /** Threads of the process (/proc/PID/status Threads). */
    public static long threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) return Long.parseLong(line.substring("Threads:".length()).strip());
        }
        throw new IOException("/proc/" + pid + "/status has no Threads line");
    }
}
