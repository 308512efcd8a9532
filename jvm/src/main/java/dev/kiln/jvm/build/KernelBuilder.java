package dev.kiln.jvm.build;

import dev.kiln.image.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The jvm flavor's kernel: Debian's linux-source package, configured by Kiln's own fragment
 * (kiln-jvm.config, applied with {@code make allnoconfig KCONFIG_ALLCONFIG=...}), built once per
 * configuration hash and cached outside the clone in
 * {@code ${XDG_CACHE_HOME:-~/.cache}/kiln/kernels/<hash>/bzImage}.
 *
 * <p>The hash covers the fragment, the linux-source package version and {@link #RECIPE} (bump it
 * when the build steps change). Builds are serialized by a lock file, so concurrent callers (two
 * test JVMs, a test and the CLI) build once. Progress goes to the given stream as stage lines and a
 * periodic line; the full make log stays in the cache directory and its tail is shown on failure.
 */
public final class KernelBuilder {
    public static final String CONFIG_RESOURCE = "/dev/kiln/jvm/build/kiln-jvm.config";
    public static final Path SOURCE_TARBALL = Path.of("/usr/src/linux-source-6.1.tar.xz");
    public static final String SOURCE_PACKAGE = "linux-source-6.1";
    /** Version of the build recipe below; part of the cache key. */
    static final String RECIPE = "1";
    /** Tools the kernel build runs, with the Debian package of each. */
    static final String[][] TOOLS = {{"make", "make"}, {"gcc", "gcc"}, {"flex", "flex"}, {"bison", "bison"},
        {"bc", "bc"}, {"tar", "tar"}, {"xz", "xz-utils"}, {"perl", "perl"}};

    private final Path cacheRoot;
    private final PrintStream progress;

    public KernelBuilder(Path cacheRoot, PrintStream progress) {
        this.cacheRoot = cacheRoot;
        this.progress = progress;
    }

    public static KernelBuilder withDefaultCache(PrintStream progress) {
        return new KernelBuilder(KilnCache.root(), progress);
    }

    /** A cached kernel (present or not). */
    public record Kernel(String hash, Path bzImage, String sourceVersion) {
        public boolean present() {
            return Files.isRegularFile(bzImage);
        }
    }

    public static byte[] configFragment() throws IOException {
        try (InputStream in = KernelBuilder.class.getResourceAsStream(CONFIG_RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + CONFIG_RESOURCE + " missing from the Kiln build");
            }
            return in.readAllBytes();
        }
    }

    /** The Debian version of linux-source (e.g. 6.1.192-2), from dpkg's status file. */
    public static String sourceVersion() throws IOException {
        if (!Files.isRegularFile(SOURCE_TARBALL)) {
            throw new IOException("the kernel sources are missing: " + SOURCE_TARBALL
                    + " (install them: apt-get install " + SOURCE_PACKAGE + ")");
        }
        Path status = Path.of("/var/lib/dpkg/status");
        if (Files.isRegularFile(status)) {
            boolean in = false;
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("Package: ")) {
                    in = line.equals("Package: " + SOURCE_PACKAGE);
                } else if (in && line.startsWith("Version: ")) {
                    return line.substring("Version: ".length()).trim();
                }
            }
        }
        // Not installed through dpkg: key the cache by the tarball itself.
        return "sha256-" + HexFormat.of().formatHex(JvmImage.sha256(SOURCE_TARBALL)).substring(0, 16);
    }

    /** The cache key: SHA-256 over the recipe version, the linux-source version and the fragment. */
    public static String configHash(String sourceVersion) throws IOException {
        var d = JvmImage.digest();
        d.update(("kiln-kernel-recipe " + RECIPE + "\nlinux-source " + sourceVersion + "\n").getBytes(StandardCharsets.UTF_8));
        d.update(configFragment());
        return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    }

    /** Where the kernel for the current configuration is (or would be) cached. */
    public Kernel locate() throws IOException {
        String v = sourceVersion();
        String hash = configHash(v);
        return new Kernel(hash, cacheRoot.resolve("kernels").resolve(hash).resolve("bzImage"), v);
    }

    /** Returns the cached kernel, building it first if needed. */
    public Kernel ensure() throws IOException {
        Kernel k = locate();
        if (k.present()) {
            return k;
        }
        Path dir = k.bzImage().getParent();
        Files.createDirectories(dir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                say("another process is building kernel " + k.hash() + "; waiting for it");
                lock = lockFile.lock();
            }
            try {
                if (!k.present()) {
                    build(k);
                }
            } finally {
                lock.release();
            }
        }
        return k;
    }

    private void say(String s) {
        progress.println("kiln: kernel: " + s);
        progress.flush();
    }

    private void build(Kernel k) throws IOException {
        for (String[] t : TOOLS) {
            if (!onPath(t[0])) {
                throw new IOException("building the kernel needs `" + t[0] + "` (Debian package " + t[1]
                        + "): apt-get install " + t[1]);
            }
        }
        long t0 = System.nanoTime();
        Path src = sourceTree(k.sourceVersion());
        Path dir = k.bzImage().getParent();
        Path out = dir.resolve("build");
        Path log = dir.resolve("build.log");
        Path fragment = dir.resolve("kiln-jvm.config");
        Files.write(fragment, configFragment());
        Files.deleteIfExists(log);
        say("configuring " + k.hash() + " (allnoconfig + kiln-jvm.config, linux-source " + k.sourceVersion() + ")");
        List<String> base = List.of("make", "-C", src.toString(), "O=" + out, "ARCH=x86_64");
        List<String> cfg = new ArrayList<>(base);
        cfg.add("KCONFIG_ALLCONFIG=" + fragment);
        cfg.add("allnoconfig");
        run(cfg, log, "configuring", null);
        checkConfig(out.resolve(".config"), log);
        int jobs = Runtime.getRuntime().availableProcessors() + 1;
        say("compiling with " + (jobs - 1) + " cores (about 3 minutes on 2 cores; log: " + log + ")");
        List<String> make = new ArrayList<>(base);
        make.add("-j" + jobs);
        make.add("bzImage");
        run(make, log, "compiling", out);
        Path built = out.resolve("arch/x86/boot/bzImage");
        if (!Files.isRegularFile(built)) {
            throw failure("make finished but produced no " + built, log);
        }
        Files.copy(out.resolve(".config"), dir.resolve("config"), StandardCopyOption.REPLACE_EXISTING);
        Path tmp = dir.resolve("bzImage.tmp");
        Files.copy(built, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, k.bzImage(), StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(out); // objects are not needed once the image is cached (about 100 MB)
        say(String.format("built %s: %.2f MB in %d s", k.bzImage(), Files.size(k.bzImage()) / 1048576.0,
                (System.nanoTime() - t0) / 1_000_000_000L));
    }

    /** Every CONFIG_ line of the fragment must appear verbatim in the final .config. */
    private void checkConfig(Path config, Path log) throws IOException {
        List<String> have = Files.readAllLines(config, StandardCharsets.UTF_8);
        List<String> lost = new ArrayList<>();
        for (String line : new String(configFragment(), StandardCharsets.UTF_8).split("\n")) {
            line = line.strip();
            if (line.startsWith("CONFIG_") && !have.contains(line)) {
                lost.add(line);
            }
        }
        if (!lost.isEmpty()) {
            throw failure("the kernel configuration lost " + lost
                    + " (unmet dependencies in this linux-source version?); see " + config, log);
        }
    }

    /** Extracts the linux-source tarball once per version into the cache. */
    private Path sourceTree(String version) throws IOException {
        Path root = cacheRoot.resolve("linux-src").resolve(version);
        Path tree = root.resolve("linux-source-6.1");
        if (Files.isRegularFile(root.resolve(".complete"))) {
            return tree;
        }
        say("extracting " + SOURCE_TARBALL + " into " + root + " (once per linux-source version)");
        Path tmp = cacheRoot.resolve("linux-src").resolve(version + ".tmp");
        FileTrees.delete(tmp);
        Files.createDirectories(tmp);
        Path log = cacheRoot.resolve("linux-src").resolve(version + ".extract.log");
        run(List.of("tar", "-xf", SOURCE_TARBALL.toString(), "-C", tmp.toString()), log, "extracting", null);
        FileTrees.delete(root);
        Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(root.resolve(".complete"), version + "\n");
        return tree;
    }

    private void run(List<String> command, Path log, String stage, Path objDir) throws IOException {
        List<String> cmd = diesWithKiln(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Files.writeString(log, "$ " + String.join(" ", cmd) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            while (!p.waitFor(15, TimeUnit.SECONDS)) {
                long s = (System.nanoTime() - t0) / 1_000_000_000L;
                String objects = objDir == null ? "" : ", " + countObjects(log) + " files compiled";
                say("still " + stage + ": " + s + " s" + objects);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + stage);
        }
        if (p.exitValue() != 0) {
            throw failure(stage + " failed (`" + String.join(" ", cmd) + "` exited " + p.exitValue() + ")", log);
        }
    }

    /**
     * The command under util-linux's setpriv with a parent-death signal: if kiln is killed (a test's
     * timeout, kill -9), make dies with it instead of running on in the cache directory, where the next
     * build, holding the lock, would find an orphan writing into the same objects.
     */
    private static List<String> diesWithKiln(List<String> command) {
        for (String dir : new String[] {"/usr/bin", "/bin"}) {
            if (Files.isExecutable(Path.of(dir, "setpriv"))) {
                List<String> cmd = new ArrayList<>(List.of(dir + "/setpriv", "--pdeathsig", "KILL", "--"));
                cmd.addAll(command);
                return cmd;
            }
        }
        return command;
    }

    private static long countObjects(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.startsWith("  CC ") || l.startsWith("  AS ")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private IOException failure(String what, Path log) {
        progress.println("kiln: kernel: " + what);
        progress.println("kiln: kernel: last lines of " + log + ":");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> progress.println("  " + l));
        } catch (IOException e) {
            progress.println("  (cannot read the log: " + e.getMessage() + ")");
        }
        progress.flush();
        return new IOException("kernel build: " + what + "; full log: " + log);
    }

    static boolean onPath(String cmd) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, cmd))) {
                return true;
            }
        }
        return false;
    }

}
