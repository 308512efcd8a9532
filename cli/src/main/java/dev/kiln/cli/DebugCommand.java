package dev.kiln.cli;

import dev.kiln.cli.engine.DaemonOptions;
import dev.kiln.engine.api.DebugResponse;
import dev.kiln.engine.api.VmDefinition;
import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.DaemonUnreachableException;
import dev.kiln.engine.client.KilnClient;
import dev.kiln.engine.state.ImageStore;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `kiln debug IMAGE|VM`: Debian's gdb on a native image with what Kiln knows: the symbols (gdb
 * follows the image's debuglink to IMAGE.debug), the Java sources of a debug build (IMAGE.src),
 * Kiln's gdb commands (kiln-java-bt, kiln-java-threads, kiln-jstring; kiln-gdb.py) and, with --remote, attached to
 * a VM that `kiln run --gdb` serves. Given a VM the daemon runs, the daemon opens that VM's stub
 * (POST /v1/vms/{ref}/debug) and gdb attaches to it with the symbols of the image the VM was
 * created from.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = {"Start gdb on a native image: its symbols and Java sources, Kiln's commands kiln-java-bt",
                "(the running green thread's Java stack), kiln-java-threads (the waiting ones) and kiln-jstring EXPR,",
                "and with --remote the VM of kiln run --gdb ADDRESS; or attached to a VM the daemon runs (VM: its name,",
                "id or id prefix; detach leaves it running). See docs/debugging.md."})
public final class DebugCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE|VM",
            description = "A native image (its debug file beside it), or a VM the daemon runs (a path to an existing file is an image).")
    String target;

    @Option(names = "--remote", paramLabel = "ADDRESS", description = "With an IMAGE: attach to kiln run --gdb ADDRESS (127.0.0.1:PORT or unix:PATH).")
    String remote;

    @Option(names = "--core", paramLabel = "CORE",
            description = "With an IMAGE: open this core file of it (kiln run --core, kiln dump; docs/debugging.md).")
    Path core;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "With a VM: the image its symbols come from (default: the file the VM was created from, if unchanged).")
    Path symbolImage;

    @Option(names = "--batch", description = "Run the -ex commands and exit (gdb -batch).")
    boolean batch;

    @Option(names = "-ex", paramLabel = "COMMAND", description = "A gdb command to run (repeatable).")
    List<String> commands = new ArrayList<>();

    @Mixin DaemonOptions daemon;

    @Override
    public Integer call() throws Exception {
        Path image;
        String attachTo;
        if (Files.isRegularFile(Path.of(target)) || target.contains("/")) { // a VM's name never has a slash
            if (symbolImage != null || daemon.hostGiven()) throw new UserError("--image and --host are for a VM in the daemon, not an image");
            image = Path.of(target);
            if (!Files.isRegularFile(image)) throw new UserError(image + ": no such image");
            attachTo = remote == null ? null : remote.startsWith("unix:") ? remote.substring(5) : remote;
            if (core != null && remote != null) throw new UserError("--core and --remote: a core file or a running VM, not both");
            if (core != null && !Files.isRegularFile(core)) throw new UserError(core + ": no such core file");
        } else {
            if (core != null) throw new UserError("--core is for an image (kiln debug IMAGE --core CORE)");
            if (remote != null) throw new UserError("--remote is for an image; a VM in the daemon is attached to by its name");
            try (KilnClient client = daemon.client()) {
                VmDefinition def = client.inspect(target).definition();
                image = symbolsOf(def); // before the stub exists: a mismatch opens nothing
                DebugResponse stub = client.debug(def.id());
                attachTo = stub.socket();
                System.err.println("kiln: debug: VM " + stub.name() + " at " + stub.socket() + ", symbols from " + image);
            } catch (ApiException e) {
                System.err.println("kiln: error: " + e.getMessage() + (e.status() == 404 ? " (nor an image file of that name)" : ""));
                return 1;
            } catch (DaemonUnreachableException e) {
                System.err.println("kiln: error: " + e.getMessage());
                return 1;
            }
        }
        return gdb(image, attachTo);
    }

    /**
     * The image a daemon's VM was created from, or --image: either must be that image (its digest
     * the VM's), or gdb would show the wrong functions and lines.
     */
    private Path symbolsOf(VmDefinition def) {
        Path file = symbolImage != null ? symbolImage : Path.of(def.imageSource());
        String how = symbolImage != null ? "--image " + file : "the image VM " + def.name() + " was created from, " + file + ",";
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(how + " cannot be read (" + e.getMessage() + "): give the image's build with --image");
        }
        if (!ImageStore.digest(bytes).equals(def.imageDigest())) {
            throw new UserError(how + " is not the image the VM runs (" + def.imageDigest() + ")"
                    + (symbolImage == null ? ": it was rebuilt since; give the VM's build with --image" : ""));
        }
        return file;
    }

    /** gdb with the symbols, the sources and Kiln's commands; attached to attachTo (a socket or HOST:PORT) if not null. */
    private int gdb(Path image, String attachTo) throws Exception {
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
                    .map(f -> "'" + f + "'").collect(Collectors.joining(", ")) + "]",
                    "-ex", "python KILN_JAVA_DEBUG_VERSION = " + JavaDebugInfo.VERSION, "-x", script.toString()));
            Path sources = image.resolveSibling(image.getFileName() + ".src");
            if (Files.isDirectory(sources)) cmd.addAll(List.of("-ex", "directory " + sources.toAbsolutePath()));
            if (attachTo != null) cmd.addAll(List.of("-ex", "target remote " + attachTo));
            if (core != null) cmd.addAll(List.of("-ex", "core-file " + core.toAbsolutePath()));
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
