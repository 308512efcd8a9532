package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `kiln fuzz`: the fuzzers of Kiln's trust boundaries (dev.kiln.fuzz; docs/fuzzing.md). */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Fuzz a trust boundary; each run ends with one figures line (docs/fuzzing.md).",
        subcommands = {FuzzHypercallsCommand.class, FuzzImagesCommand.class, FuzzBuildCommand.class,
                FuzzParsersCommand.class, FuzzFramesCommand.class})
final class FuzzCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
