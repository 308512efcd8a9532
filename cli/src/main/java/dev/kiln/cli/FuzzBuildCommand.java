package dev.kiln.cli;

import dev.kiln.fuzz.BuildFuzzer;
import dev.kiln.fuzz.BuildInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln fuzz build`: broken build inputs through `kiln build`, each in a new kiln process (this
 * JVM, its options and class path: what the launcher runs). Exit status 0 when every input got
 * one clear error line and exit status 125, else 1.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Broken inputs through kiln build: one clear line and exit status 125 each.",
                "Jars that are not jars, truncated, with a bad CRC or a zip bomb, class files with broken constant pools or from JDK 26, a Main-Class that does not exist, ..."})
final class FuzzBuildCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N",
            description = "Inputs to try (default: one of each kind); input i is of kind i modulo the number of kinds.")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", description = "The run's seed (default: a random one, printed).")
    Long seed;

    @Override
    public Integer call() throws Exception {
        int n = count != null ? count : BuildInputs.KINDS.size();
        if (n < 1) throw new UserError("--count must be at least 1");
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        BuildFuzzer.Result r = BuildFuzzer.run(new BuildFuzzer.Options(kilnCommand(), n, s, 600),
                line -> System.err.println("kiln: " + line));
        System.out.println(r.figures());
        if (r.failed()) System.err.println("kiln: fuzz build: FAILED (seed " + s + "); the lines above say which input");
        return r.failed() ? 1 : 0;
    }

    /** This JVM, its options and class path, running kiln's main: what the ./kiln launcher execs. */
    static List<String> kilnCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Dkiln.home=" + KilnHome.root());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        return command;
    }
}
