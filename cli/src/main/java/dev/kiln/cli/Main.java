package dev.kiln.cli;

import dev.kiln.cli.compose.ComposeCommand;
import dev.kiln.cli.engine.DaemonCommand;
import dev.kiln.cli.bench.BenchCommand;
import dev.kiln.cli.engine.DumpCommand;
import dev.kiln.cli.engine.EventsCommand;
import dev.kiln.cli.engine.KillCommand;
import dev.kiln.cli.engine.LogsCommand;
import dev.kiln.cli.engine.PsCommand;
import dev.kiln.cli.engine.RestartCommand;
import dev.kiln.cli.engine.RmCommand;
import dev.kiln.cli.engine.StackCommand;
import dev.kiln.cli.engine.StartCommand;
import dev.kiln.cli.engine.StatsCommand;
import dev.kiln.cli.engine.StopCommand;
import dev.kiln.cli.engine.TopCommand;
import dev.kiln.cli.engine.WaitCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `kiln` command: one subcommand class per verb.
 *
 * <p>The verbs are not in the {@code @Command} annotation: picocli builds the model of every
 * subcommand it is given (reflection over each option, recursively), which costs a new process
 * about as much as booting a VM. A command line that names a verb gets that verb alone; anything
 * else (no verb, an option first, help, a misspelt verb) gets them all, so usage lists and
 * "did you mean" stay whole. A plain `kiln run IMAGE` needs no model at all ({@link PlainRun}).
 */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
        description = "Build, run, inspect, debug and operate Java unikernels.")
public final class Main implements Runnable {
    /**
     * Every verb, in the order usage lists them; each name is the one its class's {@code @Command}
     * gives. In a holder of its own: reading the annotations loads every verb's class and makes the
     * JVM spin annotation proxies, which a plain run (started from this class) must not pay for.
     */
    static Map<String, Class<?>> verbs() {
        return Verbs.ALL;
    }

    private static final class Verbs {
        static final Map<String, Class<?>> ALL = verbs(BuildCommand.class, RunCommand.class, PushCommand.class,
                PullCommand.class, InspectCommand.class, DebugCommand.class, ProfileCommand.class, DoctorCommand.class,
                BenchCommand.class, FuzzCommand.class, PsCommand.class, LogsCommand.class, StopCommand.class,
                KillCommand.class, StartCommand.class, RestartCommand.class, RmCommand.class, WaitCommand.class,
                EventsCommand.class, StatsCommand.class, TopCommand.class, StackCommand.class, DumpCommand.class,
                DaemonCommand.class, ComposeCommand.class, AotTrainingCommand.class, CommandLine.HelpCommand.class);

        private static Map<String, Class<?>> verbs(Class<?>... classes) {
            Map<String, Class<?>> verbs = new LinkedHashMap<>();
            for (Class<?> c : List.of(classes)) verbs.put(c.getAnnotation(Command.class).name(), c);
            return verbs;
        }
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        RunCommand plain = PlainRun.parse(args);
        if (plain != null) PlainRun.exit(PlainRun.execute(plain));
        System.exit(execute(args));
    }

    /**
     * Runs a command line: a plain `kiln run IMAGE` without picocli ({@link PlainRun}), and the
     * training run of its AOT cache too, so that the cache holds none of picocli's classes (the
     * JVM loads every class of a cache at start); anything else through picocli.
     */
    static int execute(String... args) {
        if (AotTrainingCommand.isRunTraining(args)) return AotTrainingCommand.trainRun();
        RunCommand plain = PlainRun.parse(args);
        return plain != null ? PlainRun.execute(plain) : commandLine(args).execute(args);
    }

    /** The command line with every verb, for usage and the tests. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The command line for these arguments: only the verb they name when they start with one (see the class comment). */
    static CommandLine commandLine(String[] args) {
        CommandLine main = new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorReporter());
        Class<?> named = args.length > 0 ? verbs().get(args[0]) : null;
        if (named != null && named != CommandLine.HelpCommand.class) {
            main.addSubcommand(named);
        } else {
            verbs().values().forEach(main::addSubcommand);
        }
        return main;
    }
}
