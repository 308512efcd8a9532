package dev.kiln.engine.api;

import java.util.List;
import java.util.Locale;

/**
 * Signal names for kill, as kill(1) and Docker spell them (KILL, SIGKILL, 9). A unikernel has
 * no signal handlers: KILL destroys the VM at once; every other signal would have to reach the
 * guest through the ABI, which has no such notification yet, so it is refused with a clear
 * message instead of being faked.
 */
public final class Signals {
    private static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM");
    public static final int KILL = 9;

    private Signals() {}

    /** The signal's number; IllegalArgumentException for a name or number that is no signal. */
    public static int parse(String s) {
        String n = s.strip().toUpperCase(Locale.ROOT);
        if (n.matches("[0-9]{1,2}")) {
            int v = Integer.parseInt(n);
            if (v >= 1 && v <= 31) return v;
        } else {
            if (n.startsWith("SIG")) n = n.substring(3);
            int i = NAMES.indexOf(n);
            if (i > 0) return i;
        }
        throw new IllegalArgumentException("'" + s + "' is not a signal (KILL, TERM, INT, HUP, ... or 1 to 31)");
    }

    /** SIGNAME for the numbers that have one here, else the number. */
    public static String name(int signal) {
        return signal > 0 && signal < NAMES.size() ? "SIG" + NAMES.get(signal) : String.valueOf(signal);
    }
}
