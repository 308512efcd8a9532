package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `kiln` command: one subcommand class per verb. */
@Command(name = "kiln", mixinStandardHelpOptions = true, version = "kiln 0.1.0",
        description = "Build, run and inspect Java unikernels.",
        subcommands = {BuildCommand.class, InspectCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
