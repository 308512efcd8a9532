package dev.kiln.cli;

import dev.kiln.cli.engine.DaemonOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `kiln run IMAGE` and `kiln run IMAGE -- ARGS...`, the command lines with no option, started
 * without picocli. Building picocli's model of the run verb reads its forty options' annotations
 * by reflection (the JVM spins a proxy class per annotation type) and costs a new process more
 * CPU than loading, creating and booting the VM together (docs/performance.md, "Cold start");
 * a plain run needs none of it. Every other command line, an option anywhere before `--`
 * included, goes through picocli as before.
 *
 * <p>The command it makes is the one picocli's parse would make: same image, same arguments, every
 * other field at picocli's default ({@code PlainRunTest} compares every field of the two), and
 * the same exit status and error line for a failure ({@link ErrorReporter}).
 */
final class PlainRun {
    private PlainRun() {}

    /**
     * The run command for {@code args} if they are a plain run, else null: "run", then an IMAGE
     * that picocli would take as a positional parameter (not an option, not an @argument file,
     * not "--"), then nothing or "--" and the guest's arguments.
     */
    static RunCommand parse(String[] args) {
        if (args.length < 2 || !args[0].equals("run")) return null;
        String image = args[1];
        if (image.isEmpty() || image.startsWith("-") || image.startsWith("@")) return null;
        if (args.length > 2 && !args[2].equals("--")) return null;
        RunCommand run = new RunCommand();
        run.image = Path.of(image);
        run.accel = "auto"; // the option's defaultValue
        run.daemon = new DaemonOptions(); // what picocli puts in a @Mixin field
        run.args = new ArrayList<>(List.of(args).subList(Math.min(3, args.length), args.length));
        return run;
    }

    /**
     * Ends the process with the run's status once it returned: halts the JVM rather than
     * System.exit. System.exit first logs the exit through System.Logger, whose first use looks
     * for a logging provider in every jar of the class path (META-INF/services), opening and
     * indexing all 80 of them: about 30 ms of CPU after the guest has ended. Halting skips the
     * shutdown hooks, and a plain run has none left by now: RunCommand closed the VM, the network
     * and its ShutdownGuard (which removes its hook) before returning, and nothing on its path
     * registers another. What the streams still hold is flushed first.
     */
    static void exit(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /** Runs the command as picocli's execute would: its status, or kiln's error status and line. */
    static int execute(RunCommand run) {
        try {
            return run.call();
        } catch (Exception e) {
            return ErrorReporter.report(e);
        }
    }
}
