package dev.kiln.cli;

import dev.kiln.image.GuestImage;
import dev.kiln.image.JavaDebugInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `kiln debug IMAGE`: Debian's gdb on a native image with what Kiln knows: the symbols (gdb
 * follows the image's debuglink to IMAGE.debug), the Java sources of a debug build (IMAGE.src),
 * Kiln's gdb commands (kiln-java-bt, kiln-java-threads, kiln-jstring; kiln-gdb.py) and, with --remote, attached to
 * a VM that `kiln run --gdb` serves.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = {"Start gdb on a native image: its symbols and Java sources, Kiln's commands kiln-java-bt",
                "(the running green thread's Java stack), kiln-java-threads (the waiting ones) and kiln-jstring EXPR,",
                "and with --remote the VM of kiln run --gdb ADDRESS. See docs/debugging.md."})
public final class DebugCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "A native image (its debug file beside it).")
    Path image;

    @Option(names = "--remote", paramLabel = "ADDRESS", description = "Attach to kiln run --gdb ADDRESS (127.0.0.1:PORT or unix:PATH).")
    String remote;

    @Option(names = "--batch", description = "Run the -ex commands and exit (gdb -batch).")
    boolean batch;

    @Option(names = "-ex", paramLabel = "COMMAND", description = "A gdb command to run (repeatable).")
    List<String> commands = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(image)) throw new UserError(image + ": no such image");
        GuestImage loaded = GuestImage.load(image);
        if (loaded.symbols().isEmpty()) {
            System.err.println("kiln: debug: " + image + " has no symbols"
                    + loaded.debugFileProblem().map(p -> " (" + p + ")").orElse(""));
        }
        Path script = Files.createTempFile("kiln-gdb", ".py");
        try {
            try (InputStream in = DebugCommand.class.getResourceAsStream("kiln-gdb.py")) {
                if (in == null) throw new IllegalStateException("kiln-gdb.py is missing from kiln's jar");
                Files.write(script, in.readAllBytes());
            }
            List<String> cmd = new ArrayList<>(List.of("gdb", "-q", "-nx"));
            if (batch) cmd.add("-batch");
            cmd.addAll(List.of("-ex", "python KILN_JAVA_DEBUG_FIELDS = [" + JavaDebugInfo.FIELDS.stream()
                    .map(f -> "'" + f + "'").collect(Collectors.joining(", ")) + "]", "-x", script.toString()));
            Path sources = image.resolveSibling(image.getFileName() + ".src");
            if (Files.isDirectory(sources)) cmd.addAll(List.of("-ex", "directory " + sources.toAbsolutePath()));
            if (remote != null) {
                String target = remote.startsWith("unix:") ? remote.substring(5) : remote;
                cmd.addAll(List.of("-ex", "target remote " + target));
            }
            for (String c : commands) cmd.addAll(List.of("-ex", c));
            cmd.add(image.toString());
            Process gdb;
            try {
                gdb = new ProcessBuilder(cmd).inheritIO().start();
            } catch (IOException e) {
                throw new UserError("cannot start gdb (apt-get install gdb): " + e.getMessage());
            }
            return gdb.waitFor();
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
