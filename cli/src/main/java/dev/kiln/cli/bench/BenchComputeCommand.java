package dev.kiln.cli.bench;

import dev.kiln.cli.Main;
import dev.kiln.image.FileTrees;
import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench compute`: n-body, spectral norm, binary trees, fannkuch-redux and mandelbrot
 * (bench/compute), each run on HotSpot and as a unikernel in the same invocation; the
 * steady-state time is the best of the second half of several runs in one process (HotSpot
 * warmed up). Prints a table and ends with {@code compute geomean_ratio_vs_hotspot=X}, where
 * X is the geometric mean of unikernel time / HotSpot time (below 1: the unikernel is faster).
 */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "CPU-heavy programs on HotSpot and as unikernels, side by side.")
public final class BenchComputeCommand implements Callable<Integer> {
    @Option(names = "--runs", description = "runs per program per side (default: ${DEFAULT-VALUE})")
    int runs = 6;

    @Option(names = "--quick", description = "small sizes (seconds instead of minutes)")
    boolean quick;

    record Bench(String name, int size, int quickSize) {
    }

    static final List<Bench> BENCHES = List.of(
            new Bench("nbody", 5_000_000, 200_000),
            new Bench("spectralnorm", 1500, 300),
            new Bench("binarytrees", 16, 12),
            new Bench("fannkuchredux", 10, 8),
            new Bench("mandelbrot", 2000, 400));

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("kiln.home", System.getenv().getOrDefault("KILN_HOME", ".")));
        Path src = home.resolve("bench/compute");
        Path classes = Files.createTempDirectory("kiln-bench-compute");
        try {
            List<String> cmd = new ArrayList<>(List.of(javaBin("javac"), "-nowarn", "-d", classes.toString()));
            try (Stream<Path> s = Files.list(src)) {
                s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(cmd::add);
            }
            Result javac = run(cmd);
            if (javac.status() != 0) {
                System.err.println("kiln: javac failed:\n" + javac.output());
                return 1;
            }
            AppInput app = AppInput.resolve(classes, "ComputeBench");
            app = new AppInput(app.classes(), app.mainClass(), app.manifest().with("compute", 1024, app.manifest().args(),
                    app.manifest().env()));
            Path image = NativeImageBuilder.fromEnvironment(m -> System.err.println("kiln: " + m)).build(app).image();
            System.out.printf("%-14s %10s %14s %14s %8s%n", "program", "size", "hotspot_ms", "unikernel_ms", "ratio");
            double logSum = 0;
            for (Bench b : BENCHES) {
                String size = String.valueOf(quick ? b.quickSize() : b.size());
                Result hs = run(List.of(javaBin("java"), "-cp", classes.toString(), "ComputeBench", b.name(), size,
                        String.valueOf(runs)));
                Result vm = run(List.of(javaBin("java"), "--enable-native-access=ALL-UNNAMED", "-cp",
                        System.getProperty("java.class.path"), "dev.kiln.cli.Main", "run", "--stats", image.toString(), "--",
                        b.name(), size, String.valueOf(runs)));
                long hsNs = bestNs(hs, "HotSpot", b.name());
                long vmNs = bestNs(vm, "unikernel", b.name());
                String hsOut = hs.output().substring(0, hs.output().indexOf("best_ns="));
                String vmOut = vm.output().substring(0, vm.output().indexOf("best_ns="));
                if (!hsOut.equals(vmOut)) {
                    System.err.println("kiln: " + b.name() + ": the unikernel's output differs from HotSpot's");
                    return 1;
                }
                double ratio = (double) vmNs / hsNs;
                logSum += Math.log(ratio);
                System.out.printf("%-14s %10s %14.1f %14.1f %8.3f%n", b.name(), size, hsNs / 1e6, vmNs / 1e6, ratio);
                System.out.println("  unikernel " + gcLine(vm.output()));
            }
            System.out.printf("compute geomean_ratio_vs_hotspot=%.3f%n", Math.exp(logSum / BENCHES.size()));
            return 0;
        } finally {
            FileTrees.delete(classes);
        }
    }

    private static final java.util.regex.Pattern BEST = java.util.regex.Pattern.compile("best_ns=(\\d+)");

    private static long bestNs(Result r, String side, String name) {
        java.util.regex.Matcher m = BEST.matcher(r.output());
        if (r.status() != 0 || !m.find()) {
            throw new IllegalStateException(name + " on " + side + " failed (status " + r.status() + "):\n" + r.output());
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * The guest's GC figures for all its runs, from `kiln run --stats` (its stats page: collections,
     * time paused, the pauses by length), e.g. "gc 12 collections, 30.5 ms paused; longest 4.1 ms;
     * 1-2ms 8, 2-4ms 3, 4-8ms 1".
     */
    static String gcLine(String output) {
        java.util.regex.Matcher runtime = java.util.regex.Pattern.compile("runtime: (gc \\d+ collections, [0-9.]+ ms paused)")
                .matcher(output);
        java.util.regex.Matcher pauses = java.util.regex.Pattern.compile("gc pauses: (.*)").matcher(output);
        // The GC hooks publish on the first collection: an empty page means none happened.
        if (!runtime.find()) return "gc: no collection (nothing on its stats page)";
        return runtime.group(1) + (pauses.find() ? "; " + pauses.group(1).trim() : "");
    }

    private static String javaBin(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    record Result(int status, String output) {
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
