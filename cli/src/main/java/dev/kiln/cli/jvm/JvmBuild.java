package dev.kiln.cli.jvm;

import dev.kiln.builder.jvm.JvmImageBuilder;
import dev.kiln.cli.UserError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The jvm flavor of `kiln build`, callable from any command class. */
public final class JvmBuild {
    private JvmBuild() {}

    /** Builds the image; a failure is thrown as {@link UserError} (exit status 125). */
    public static void build(Path jar, String main, String name, int memoryMb, List<String> args, Map<String, String> env,
                            List<String> modules, List<String> jvmOptions, Path output) {
        build(jar, main, name, memoryMb, args, env, modules, jvmOptions, output, true);
    }

    static void build(Path jar, String main, String name, int memoryMb, List<String> args, Map<String, String> env,
                     List<String> modules, List<String> jvmOptions, Path output, boolean printPath) {
        try {
            Path out = output != null ? output : defaultOutput(jar, name);
            JvmImageBuilder.withDefaultCache(System.err).build(new JvmImageBuilder.Request(jar, main, name, memoryMb,
                    args, env, new LinkedHashSet<>(modules), jvmOptions, out));
            if (printPath) {
                System.out.println(out);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    public static Path defaultOutput(Path jar, String name) {
        String base = name != null ? name : jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path dir = jar.toAbsolutePath().getParent();
        return dir.resolve(base + ".kiln");
    }
}
