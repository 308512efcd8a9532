package dev.kiln.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** Prints one aligned line per check and remembers whether any failed. */
final class DoctorReport {
    private final PrintStream out;
    private int failures;

    DoctorReport(PrintStream out) {
        this.out = out;
    }

    /** Runs a check whose result is a one-line description; an exception is its failure message. */
    boolean check(String name, Callable<String> check) {
        try {
            line("ok", name, check.call());
            return true;
        } catch (Exception e) {
            failures++;
            line("FAIL", name, e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }

    void skip(String name, String why) {
        line("skip", name, why);
    }

    private void line(String status, String name, String detail) {
        out.printf("%-5s %-18s %s%n", status, name, detail.replace("\n", "\n" + " ".repeat(25)));
    }

    int finish() {
        out.println(failures == 0 ? "kiln doctor: all checks passed" : "kiln doctor: " + failures + " check(s) failed");
        return failures == 0 ? 0 : 1;
    }
}
