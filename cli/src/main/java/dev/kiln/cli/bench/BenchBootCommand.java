package dev.kiln.cli.bench;

import dev.kiln.cli.UserError;
import dev.kiln.cli.KilnHome;
import dev.kiln.cli.Main;
import dev.kiln.cli.RunCommand;
import dev.kiln.bench.BootBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench boot`: warm boots of the C hello guest inside this VMM process,
 * then cold boots, one new `kiln run` JVM each, then cold processes, one new
 * `./kiln run` each (the launcher, as a user types it), and the summary line
 * `boot warm_median_us=N warm_p99_us=N cold_median_ms=N cold_process_ms=N`.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot latency: warm (in this process), cold (a new `kiln run` JVM each) and cold process (a new",
                "`./kiln run` each, launcher included, as a user types it). Ends with:",
                "boot warm_median_us=N warm_p99_us=N cold_median_ms=N cold_process_ms=N"})
final class BenchBootCommand implements Callable<Integer> {
    @Option(names = "--warm", paramLabel = "N", description = "Warm boots (default: ${DEFAULT-VALUE}).")
    int warm = 100;

    @Option(names = "--cold", paramLabel = "N", description = "Cold boots, and as many cold processes (default: ${DEFAULT-VALUE}).")
    int cold = 10;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Image to boot (default: the C hello guest).")
    Path image;

    @Override
    public Integer call() throws Exception {
        if (warm < 1 || cold < 1) throw new UserError("--warm and --cold must be at least 1");
        Path target = image != null ? RunCommand.existingImage(image) : KilnHome.guest("tests/hello.elf");
        var bench = new BootBenchmark(target, System.out);
        var warmResult = bench.warm(warm);
        var footprint = bench.footprint(20);
        var coldResult = bench.cold(kilnRunCommand(target), cold);
        var processResult = bench.coldProcess(launcherRunCommand(target), cold);
        System.out.printf("boot warm_median_us=%d warm_p99_us=%d cold_median_ms=%d cold_process_ms=%d%n",
                Math.round(warmResult.medianMicros()), Math.round(warmResult.p99Micros()),
                Math.round(coldResult.medianMillis()), Math.round(processResult.medianMillis()));
        return 0;
    }

    /** `./kiln run IMAGE` through the launcher of this checkout, as a user starts it. */
    static List<String> launcherRunCommand(Path image) {
        Path launcher = KilnHome.root().resolve("kiln");
        if (!java.nio.file.Files.isExecutable(launcher))
            throw new UserError(launcher + " is missing or not executable: kiln bench boot times the launcher of a Kiln checkout");
        return List.of(launcher.toString(), "run", image.toAbsolutePath().toString());
    }

    /**
     * The same JVM, flags and class path as this process, running `kiln run IMAGE`, without
     * the launcher and its AOT cache: the JVM's and the CLI's own start.
     */
    static List<String> kilnRunCommand(Path image) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // Without the AOT cache the launcher gave this JVM (the client's, another path's): this figure is the JVM's alone.
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-XX:AOTCache=") && !a.equals("-Xlog:aot=off") && !a.equals("-Xlog:cds=off")) command.add(a);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("run");
        command.add(image.toString());
        return command;
    }
}
