package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `kiln` command: one subcommand class per verb. */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
        description = "Build, run and inspect Java unikernels.",
        subcommands = {BuildCommand.class, RunCommand.class, PushCommand.class, PullCommand.class, InspectCommand.class, DoctorCommand.class,
                BenchCommand.class, FuzzCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main() and the tests. */
    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporter());
    }
}
