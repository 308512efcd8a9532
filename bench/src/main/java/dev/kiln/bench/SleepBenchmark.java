package dev.kiln.bench;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How late a guest's sleep through the yield hypercall ends: the C sleep guest sleeps a given
 * number of milliseconds again and again, measuring each sleep with the TSC, and this reports
 * by how much each overran what was asked (the monitor parks the vCPU thread; the host's timer
 * slack and scheduler, and the machine's load, decide the rest). Ending early is a defect, not a
 * figure: a sleep shorter than asked fails the benchmark.
 */
public final class SleepBenchmark {
    private static final Pattern SLEPT = Pattern.compile("slept_ns=(\\d+) requested_ns=(\\d+)");

    private final Path sleepGuest;
    private final PrintStream out;

    public SleepBenchmark(Path sleepGuest, PrintStream out) {
        this.sleepGuest = sleepGuest;
        this.out = out;
    }

    /** Nanoseconds by which each of {@code sleeps} sleeps of {@code millis} ms overran. */
    public Percentiles oversleep(long millis, int sleeps) {
        var console = new FirstWriteClock();
        // The guest's own timeout: every sleep, plus generous room for a loaded machine.
        Duration bound = Duration.ofMillis(millis * sleeps).plusSeconds(60);
        VmExit exit;
        try (Kvm kvm = Kvm.open();
             Vm vm = Vm.create(kvm, VmConfig.of(GuestImage.load(sleepGuest), console)
                     .withArgs(List.of(String.valueOf(millis), String.valueOf(sleeps))).withTimeout(bound))) {
            exit = vm.run();
        }
        if (exit.exitStatus() != 0) {
            throw new IllegalStateException("the sleep guest failed: " + exit.describe() + ", output: " + console.text());
        }
        long[] over = new long[sleeps];
        Matcher m = SLEPT.matcher(console.text());
        for (int i = 0; i < sleeps; i++) {
            if (!m.find()) throw new IllegalStateException("the sleep guest printed " + i + " of " + sleeps + " sleeps: " + console.text());
            long slept = Long.parseLong(m.group(1)), requested = Long.parseLong(m.group(2));
            if (slept < requested) throw new IllegalStateException("a sleep woke early: " + m.group());
            over[i] = slept - requested;
        }
        Percentiles p = Percentiles.of(over);
        out.printf("sleep: %d sleeps of %d ms in one guest (yield hypercall, measured with the guest's TSC)%n", sleeps, millis);
        out.printf("  overran by: median %.0f us, p99 %.0f us, min %.0f us, max %.0f us%n",
                p.medianMicros(), p.p99Micros(), p.nanos(0) / 1e3, p.nanos(100) / 1e3);
        return p;
    }
}
