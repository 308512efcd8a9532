package dev.kiln.cli.bench;

import dev.kiln.cli.UserError;
import dev.kiln.jvm.JvmBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `kiln bench jvm`: image size, kernel size and boot-to-main time of a hello jar as a jvm-flavor microVM. */
@Command(name = "jvm", mixinStandardHelpOptions = true,
        description = {"Image size, kernel size and boot-to-main time of a hello jar in a jvm-flavor microVM;",
                "ends with `jvm image_mb=N kernel_mb=N boot_to_main_ms=N accel=kvm|tcg`."})
final class BenchJvmCommand implements Callable<Integer> {
    @Option(names = "--accel", defaultValue = "auto", description = "auto, kvm or tcg (default: ${DEFAULT-VALUE}).")
    String accel;

    @Option(names = "--runs", defaultValue = "3", description = "Boots to measure; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        if (runs < 1) throw new UserError("--runs must be at least 1");
        return JvmBench.run(accel, runs, System.out, System.err);
    }
}
