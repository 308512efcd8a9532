package dev.kiln.cli.jvm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** `kiln bench`: benchmarks. This branch has `kiln bench jvm`. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchCommand.Jvm.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "jvm", mixinStandardHelpOptions = true,
            description = "Image size, kernel size and boot-to-main time of a hello jar in a jvm-flavor microVM.")
    public static final class Jvm implements Callable<Integer> {
        @Option(names = "--accel", defaultValue = "auto", description = "auto, kvm or tcg.")
        String accel;

        @Option(names = "--runs", defaultValue = "3", description = "Boots to measure (the median is reported).")
        int runs;

        @Override
        public Integer call() {
            return JvmBench.run(accel, runs, System.out, System.err);
        }
    }
}
