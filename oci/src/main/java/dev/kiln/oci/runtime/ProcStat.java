package dev.kiln.oci.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's state letter and start time from /proc/PID/stat (after the parenthesized command name). */
record ProcStat(char state, long startTicks) {
    /** The process now, or null if there is none. */
    static ProcStat of(int pid) {
        if (pid <= 0) return null;
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new ProcStat(f[0].charAt(0), Long.parseLong(f[19]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True if the process {@code pid} started at {@code startTicks} still runs (a zombie does not). */
    static boolean alive(int pid, long startTicks) {
        ProcStat p = of(pid);
        return p != null && p.startTicks == startTicks && p.state != 'Z' && p.state != 'X';
    }
}
