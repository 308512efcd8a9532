package dev.kiln.oci.runtime;

import java.util.Map;

/** Signal names and numbers as runc kill accepts them: KILL, SIGKILL, 9. */
final class Signals {
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("ABRT", 6), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11),
            Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("TSTP", 20),
            Map.entry("WINCH", 28), Map.entry("PWR", 30), Map.entry("SYS", 31));

    private Signals() {}

    static int parse(String s) {
        if (s.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 64) return n;
        }
        String name = s.toUpperCase();
        if (name.startsWith("SIG")) name = name.substring(3);
        Integer n = NUMBERS.get(name);
        if (n == null) throw new RuntimeError("unknown signal '" + s + "'");
        return n;
    }
}
