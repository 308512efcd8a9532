package dev.kiln.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `kiln bench ...`: benchmarks that print figures, each ending with one summary line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures.",
        subcommands = {BenchBootCommand.class, BenchSleepCommand.class, BenchJvmCommand.class, BenchComputeCommand.class,
                BenchHttpCommand.class, dev.kiln.cli.bench.BenchDnsCommand.class, BenchDensityCommand.class, BenchRunDetachedCommand.class, BenchOciCommand.class,
                BenchSizeCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
