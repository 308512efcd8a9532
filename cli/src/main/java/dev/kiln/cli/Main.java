package dev.kiln.cli;

import dev.kiln.cli.compose.ComposeCommand;
import dev.kiln.cli.engine.DaemonCommand;
import dev.kiln.cli.engine.EventsCommand;
import dev.kiln.cli.engine.KillCommand;
import dev.kiln.cli.engine.LogsCommand;
import dev.kiln.cli.engine.PsCommand;
import dev.kiln.cli.engine.RestartCommand;
import dev.kiln.cli.engine.RmCommand;
import dev.kiln.cli.engine.StartCommand;
import dev.kiln.cli.engine.StatsCommand;
import dev.kiln.cli.engine.StopCommand;
import dev.kiln.cli.engine.TopCommand;
import dev.kiln.cli.engine.WaitCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `kiln` command: one subcommand class per verb. */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
        description = "Build, run, inspect, debug and operate Java unikernels.",
        subcommands = {BuildCommand.class, RunCommand.class, PushCommand.class, PullCommand.class, InspectCommand.class,
                DebugCommand.class, ProfileCommand.class, DoctorCommand.class, BenchCommand.class,
                FuzzCommand.class,
                PsCommand.class, LogsCommand.class, StopCommand.class, KillCommand.class, StartCommand.class,
                RestartCommand.class, RmCommand.class, WaitCommand.class, EventsCommand.class, StatsCommand.class, TopCommand.class,
                dev.kiln.cli.engine.StackCommand.class, dev.kiln.cli.engine.DumpCommand.class,
                DaemonCommand.class,
                ComposeCommand.class,
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
