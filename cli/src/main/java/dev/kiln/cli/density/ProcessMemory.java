package dev.kiln.cli.density;

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

    /** Threads of the process (/proc/PID/status Threads). */
    public static long threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) return Long.parseLong(line.substring("Threads:".length()).strip());
        }
        throw new IOException("/proc/" + pid + "/status has no Threads line");
    }
}
