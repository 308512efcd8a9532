package dev.kiln.cli.compose;

import dev.kiln.cli.UserError;
import dev.kiln.cli.engine.DaemonOptions;
import dev.kiln.engine.compose.ComposeException;
import dev.kiln.engine.compose.ComposeFile;
import dev.kiln.engine.compose.ComposeParser;
import dev.kiln.engine.compose.ComposeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `kiln compose [-f FILE] [-p PROJECT] up|down|ps|logs`: a Compose Specification file run on
 * the daemon, with Docker Compose's spelling. The options go before the verb, as Docker's.
 */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = {"Run a multi-service app from a compose file (compose.yaml) on the daemon.",
                "Each service's VMs are named PROJECT-SERVICE-N and reach each other by service name on the project's network."},
        subcommands = {ComposeUp.class, ComposeDown.class, ComposePs.class, ComposeLogs.class})
public final class ComposeCommand implements Runnable {
    static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The compose file (default: compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml here).")
    Path file;

    @Option(names = {"-p", "--project-name"}, paramLabel = "PROJECT",
            description = "The project's name (default: the file's name: key, else its directory's name).")
    String project;

    @Mixin DaemonOptions daemon;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a verb is needed: up, down, ps or logs");
    }

    /** The file, found or given; null when none is here and none is needed (-p names the project). */
    Path findFile(boolean required) {
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new UserError(file + ": no such file");
            return file;
        }
        for (String name : DEFAULT_FILES) {
            Path p = Path.of(name);
            if (Files.isRegularFile(p)) return p;
        }
        if (!required && project != null) return null;
        throw new UserError("no " + String.join(", ", DEFAULT_FILES) + " in " + Path.of("").toAbsolutePath()
                + " (give one with -f" + (required ? ")" : ", or the project's name with -p)"));
    }

    ComposeFile parse(Path file) {
        try {
            return ComposeParser.parse(file, file.toString());
        } catch (ComposeException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** -p, else the file's name:, else the file's directory's name, as Docker Compose names a project. */
    String projectName(ComposeFile compose, Path file) {
        try {
            if (project != null) {
                ComposeProject.checkName(project);
                return project;
            }
            if (compose != null && compose.name() != null) return compose.name();
            return ComposeProject.nameFromDirectory(file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The project's name for the verbs that work from the daemon's state alone (down, ps, logs). */
    String projectName() {
        Path f = findFile(false);
        return projectName(f == null ? null : parse(f), f);
    }
}
