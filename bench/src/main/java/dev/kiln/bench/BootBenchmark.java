package dev.kiln.bench;

import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boot latency of a native image, measured the way a user meets it:
 * warm, from "create VM" to the guest's first console output inside one
 * VMM process; cold, from spawning a new `kiln run` process to its first
 * byte on stdout. Every boot must also end with exit status 0, so a broken
 * guest cannot produce a fast figure.
 */
public final class BootBenchmark {
    private static final int WARMUP_BOOTS = 10;

    private final Path image;
    private final PrintStream out;

    public BootBenchmark(Path image, PrintStream out) {
        this.image = image;
        this.out = out;
    }

    public Percentiles warm(int boots) {
        GuestImage guest = GuestImage.load(image);
        try (Kvm kvm = Kvm.open()) {
            for (int i = 0; i < WARMUP_BOOTS; i++) bootOnce(kvm, guest);
            long[] samples = new long[boots];
            for (int i = 0; i < boots; i++) samples[i] = bootOnce(kvm, guest);
            Percentiles p = Percentiles.of(samples);
            out.printf("warm: %d boots of %s in one VMM process (after %d warm-up boots)%n",
                    boots, image.getFileName(), WARMUP_BOOTS);
            out.printf("  create VM -> first console output: median %.0f us, p99 %.0f us, min %.0f us, max %.0f us%n",
                    p.medianMicros(), p.p99Micros(), p.nanos(0) / 1e3, p.nanos(100) / 1e3);
            return p;
        }
    }

    /** One boot; returns nanoseconds from before Vm.create to the first console write. */
    private long bootOnce(Kvm kvm, GuestImage guest) {
        var console = new FirstWriteClock();
        long start = System.nanoTime();
        try (Vm vm = Vm.create(kvm, new VmConfig(guest, 0, null, List.of(), List.of(), console))) {
            VmExit exit = vm.run();
            if (exit.exitStatus() != 0 || console.firstWriteNanos() == 0)
                throw new IllegalStateException("benchmark boot failed: " + exit.describe() + ", output: " + console.text());
            return console.firstWriteNanos() - start;
        }
    }

    /**
     * Resident memory the VMM process gains per VM, with {@code vms} VMs alive at
     * once after each has run its guest. It includes the guest pages each VM
     * touched, so it is an upper bound on the monitor's own overhead.
     */
    public long footprint(int vms) {
        GuestImage guest = GuestImage.load(image);
        List<Vm> alive = new ArrayList<>();
        try (Kvm kvm = Kvm.open()) {
            bootOnce(kvm, guest); // first-use allocations do not count against each VM
            long before = residentKib();
            try {
                for (int i = 0; i < vms; i++) {
                    Vm vm = Vm.create(kvm, new VmConfig(guest, 0, null, List.of(), List.of(), new FirstWriteClock()));
                    alive.add(vm);
                    vm.run();
                }
                long perVm = (residentKib() - before) / vms;
                out.printf("footprint: %d VMs alive at once: %d KiB resident per VM (guest pages included)%n", vms, perVm);
                return perVm;
            } finally {
                alive.forEach(Vm::close);
            }
        }
    }

    /** New JVMs running `kiln run` straight (no launcher), as {@code kilnRun} starts them. */
    public Percentiles cold(List<String> kilnRun, int boots) throws IOException, InterruptedException {
        long[] samples = new long[boots];
        for (int i = 0; i < boots; i++) samples[i] = coldOnce(kilnRun);
        Percentiles p = Percentiles.of(samples);
        out.printf("cold: %d new `kiln run` JVMs: spawn -> first byte on stdout: median %.1f ms, max %.1f ms%n",
                boots, p.medianMillis(), p.nanos(100) / 1e6);
        return p;
    }

    /**
     * What a user meets: {@code kilnRun} is the launcher's command line ({@code ./kiln run IMAGE}), so
     * the shell, its build check, the JDK's start with the AOT cache and the CLI all count. One run
     * first, not counted, so that a cache the launcher has to (re)make is made before timing. The
     * load average goes beside the figure: on a shared machine it explains a slow one.
     */
    public Percentiles coldProcess(List<String> kilnRun, int boots) throws IOException, InterruptedException {
        coldOnce(kilnRun);
        long[] samples = new long[boots];
        for (int i = 0; i < boots; i++) samples[i] = coldOnce(kilnRun);
        Percentiles p = Percentiles.of(samples);
        out.printf("cold process: %d new `%s` processes: spawn -> first byte on stdout: median %.1f ms, min %.1f ms,"
                        + " max %.1f ms (load average %.2f)%n",
                boots, String.join(" ", kilnRun.subList(0, 2)), p.medianMillis(), p.nanos(0) / 1e6, p.nanos(100) / 1e6,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return p;
    }

    private static long coldOnce(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long firstByte;
        try (InputStream stdout = process.getInputStream()) {
            if (stdout.read() < 0) throw new IllegalStateException("kiln run printed nothing: " + command);
            firstByte = System.nanoTime();
            stdout.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kiln run did not finish within 60 s");
        }
        if (process.exitValue() != 0) throw new IllegalStateException("kiln run exited " + process.exitValue());
        return firstByte - start;
    }

    /** VmRSS of this process, from /proc. */
    static long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
