package dev.kiln.jvm.build;

import dev.kiln.image.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * jlink (and the {@link #tool} runner jdeps also goes through), in this JVM through {@link ToolProvider} (this JDK links from its own
 * run-time image, JEP 493: Temurin 25 ships no jmods). Runtimes are cached by a hash of the
 * module set, the JDK's version and the jlink options, in {@code <cache>/runtimes/<hash>/}.
 */
public final class JdkRuntime {
    /** Bump when the options or post-processing below change; part of the cache key. */
    static final String RECIPE = "3";
    static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-header-files", "--no-man-pages");

    private final Path cacheRoot;
    private final PrintStream progress;

    public JdkRuntime(Path cacheRoot, PrintStream progress) {
        this.cacheRoot = cacheRoot;
        this.progress = progress;
    }

    static String tool(String name, List<String> args) throws IOException {
        ToolProvider t = ToolProvider.findFirst(name).orElseThrow(() -> new IOException(
                "this JDK has no " + name + " tool (Kiln needs a full JDK 25, not a JRE)"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
             PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            rc = t.run(o, e, args.toArray(new String[0]));
        }
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new IOException(name + " " + String.join(" ", args) + " failed (exit " + rc + "):\n" + all.strip());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The runtime's default CDS archive (lib/server/classes.jsa), which spares the guest most class
     * loading at startup. Done here rather than with jlink's --generate-cds-archive, whose dump
     * prints warnings straight to the terminal; only the compressed-oops archive (a microVM never
     * has a heap over 32 GB).
     */
    private static void dumpCds(Path runtime) throws IOException {
        Path log = runtime.resolveSibling("cds-dump.log");
        Process p = new ProcessBuilder(runtime.resolve("bin/java").toString(), "-Xshare:dump", "-XX:+UseSerialGC",
                "-Xlog:cds=error", "-Xlog:cds+heap=error").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("the CDS dump of the runtime failed; see " + log + ":\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the CDS dump");
        }
        if (!Files.isRegularFile(runtime.resolve("lib/server/classes.jsa"))) {
            throw new IOException("the CDS dump produced no lib/server/classes.jsa; see " + log);
        }
    }

    /** Returns a cached runtime with exactly these modules (and what they require), linking it if needed. */
    public Path ensure(Set<String> modules) throws IOException {
        Set<String> sorted = new TreeSet<>(modules);
        for (String m : sorted) {
            if (ModuleLayer.boot().findModule(m).isEmpty() && java.lang.module.ModuleFinder.ofSystem().find(m).isEmpty()) {
                throw new IOException("module " + m + " is not in this JDK (" + System.getProperty("java.home") + ")");
            }
        }
        var d = JvmImage.digest();
        d.update(("recipe " + RECIPE + "\njdk " + Runtime.version() + " " + System.getProperty("java.vendor")
                + " " + System.getProperty("java.home") + "\nmodules " + String.join(",", sorted) + "\noptions "
                + String.join(" ", JLINK_OPTIONS) + "\n").getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(d.digest()).substring(0, 16);
        Path dir = cacheRoot.resolve("runtimes").resolve(hash);
        if (Files.isRegularFile(dir.resolve(".complete"))) {
            return dir.resolve("jvm");
        }
        progress.println("kiln: jlink: linking a runtime with " + String.join(",", sorted) + " (cached as " + hash + ")");
        progress.flush();
        Path tmp = Files.createDirectories(cacheRoot.resolve("runtimes")).resolve(hash + ".tmp" + ProcessHandle.current().pid());
        FileTrees.delete(tmp);
        Files.createDirectories(tmp);
        List<String> args = new ArrayList<>(List.of("--add-modules", String.join(",", sorted),
                "--output", tmp.resolve("jvm").toString()));
        args.addAll(JLINK_OPTIONS);
        tool("jlink", args);
        // The image runs one program, bin/java: drop the module's other launchers (keytool...)
        // and lib/jexec; keep lib/jspawnhelper, which java.lang.Process needs.
        try (var s = Files.list(tmp.resolve("jvm/bin"))) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().equals("java")) {
                    Files.delete(p);
                }
            }
        }
        Files.deleteIfExists(tmp.resolve("jvm/lib/jexec"));
        dumpCds(tmp.resolve("jvm"));
        Files.writeString(tmp.resolve(".complete"), String.join(",", sorted) + "\n");
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            FileTrees.delete(tmp); // another process won the race; its runtime is the same
        }
        return dir.resolve("jvm");
    }
}
