package dev.kiln.jvm.build;

import dev.kiln.image.JvmManifest;
import dev.kiln.image.FileTrees;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Builds a jvm-flavor image from an executable jar (or a jar plus a main class): the module set
 * ({@link ModuleChooser}), a cached jlink runtime, the host shared libraries it needs (from DT_NEEDED), Kiln's init,
 * the app, a few files in /etc, all in a gzip-compressed newc initramfs; the cached kernel; the
 * manifest. No shell, no coreutils, no busybox, no package manager: the only executable in the
 * image is /jvm/bin/java (and the JDK's helper lib/jspawnhelper, which Process needs).
 */
public final class JvmImageBuilder {
    /** JVM options for every image: small, fast to start under emulation, no perf-data file. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-XX:MaxRAMPercentage=50", "-Djava.io.tmpdir=/tmp",
            "-Duser.home=/root", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");
    /** Options Kiln's init itself needs (FFM, the shutdown-hook slot, the default logger finder). */
    static final List<String> INIT_JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.access=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.logger=ALL-UNNAMED");
    /** Kiln's jars in the image, from this module's resources: the init and the image format it reads the manifest with. */
    static final String INIT_JAR = "/kiln/kiln-init.jar", IMAGE_JAR = "/kiln/kiln-image.jar";
    static final String RESOURCES = "/dev/kiln/jvm/build/";
    static final String APP_DIR = "/app/";
    static final String INIT_MAIN = "dev.kiln.init.Init";

    /**
     * What to build. {@code trainApp}: the AOT training run also runs the app's main until it
     * returns (see {@link #trainAotCache}).
     */
    public record Request(Path jar, String mainClass, String name, int memoryMb, List<String> args,
                          Map<String, String> env, Set<String> extraModules, List<String> jvmOptions, Path output,
                          boolean trainApp) {
        public Request {
            args = List.copyOf(args);
            env = Map.copyOf(env);
            extraModules = Set.copyOf(extraModules);
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Request(Path jar, String mainClass, String name, int memoryMb, List<String> args, Map<String, String> env,
                       Set<String> extraModules, List<String> jvmOptions, Path output) {
            this(jar, mainClass, name, memoryMb, args, env, extraModules, jvmOptions, output, false);
        }
    }

    /** What was built, for the CLI and the bench. */
    public record Result(Path image, long imageBytes, long kernelBytes, long initramfsBytes, Set<String> modules,
                         Map<String, String> moduleReasons, Map<String, Path> libraries, String kernelHash) {}

    private final Path cacheRoot;
    private final PrintStream progress;

    public JvmImageBuilder(Path cacheRoot, PrintStream progress) {
        this.cacheRoot = cacheRoot;
        this.progress = progress;
    }

    public static JvmImageBuilder withDefaultCache(PrintStream progress) {
        return new JvmImageBuilder(KilnCache.root(), progress);
    }

    /** Checks a jar and returns its main class and its class path jars (relative name to file). */
    record AppJar(Path jar, String mainClass, Map<String, Path> classPath) {}

    static AppJar inspect(Path jar, String mainOverride) throws IOException {
        if (!Files.exists(jar)) {
            throw new IOException(jar + ": no such file");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + ": not a regular file");
        }
        String main;
        Map<String, Path> cp = new LinkedHashMap<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            var mf = jf.getManifest();
            String declared = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            main = mainOverride != null ? mainOverride : declared;
            if (main == null || main.isBlank()) {
                throw new IOException(jar + ": the jar has no Main-Class in its manifest; name the main class with --main");
            }
            main = main.strip();
            if (!JvmManifest.isClassName(main)) {
                throw new IOException("bad main class name: " + main);
            }
            String entry = main.replace('.', '/') + ".class";
            if (jf.getEntry(entry) == null && jf.stream().noneMatch(e -> e.getName().endsWith("/" + entry)
                    && e.getName().startsWith("META-INF/versions/"))) {
                if (jf.getEntry("BOOT-INF/classes/" + entry) != null || jf.getEntry("WEB-INF/classes/" + entry) != null) {
                    throw new IOException(jar + ": main class " + main + " is in the jar's nested classes, which only"
                            + " its own launcher (Main-Class" + (declared == null ? "" : " " + declared.strip())
                            + ") puts on the class path; build without --main");
                }
                throw new IOException(jar + ": main class " + main + " is not in the jar (no " + entry + ")");
            }
            String classPath = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String rel : classPath.trim().split("\\s+")) {
                    if (rel.isEmpty()) {
                        continue;
                    }
                    if (rel.startsWith("/") || rel.contains("..") || rel.contains(":")) {
                        throw new IOException(jar + ": Class-Path entry " + rel
                                + " is not a plain relative path; Kiln copies only jars next to the app jar");
                    }
                    Path dep = jar.toAbsolutePath().getParent().resolve(rel);
                    if (!Files.isRegularFile(dep)) {
                        throw new IOException(jar + ": Class-Path entry " + rel + " not found at " + dep);
                    }
                    cp.put(rel, dep);
                }
            }
        } catch (ZipException e) {
            throw new IOException(jar + ": not a jar file (" + e.getMessage() + ")");
        }
        return new AppJar(jar, main, cp);
    }

    public Result build(Request r) throws IOException {
        long t0 = System.nanoTime();
        AppJar app = inspect(r.jar(), r.mainClass());
        String name = r.name() != null ? r.name() : defaultName(r.jar());
        List<String> env = new ArrayList<>();
        new TreeMap<>(r.env()).forEach((k, v) -> env.add(k + "=" + v));
        JvmManifest m; // before the long steps: a flag the format cannot hold fails at once
        try {
            m = new JvmManifest(name, app.mainClass(), r.memoryMb(), r.args(), env, r.jvmOptions(), List.of(), null,
                    null, null, APP_DIR + r.jar().getFileName(), List.of());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        List<Path> jars = new ArrayList<>();
        jars.add(r.jar());
        jars.addAll(app.classPath().values());
        ModuleChooser.Choice choice;
        Path scratch = Files.createTempDirectory("kiln-jdeps-");
        try {
            choice = ModuleChooser.choose(jars, r.extraModules(), scratch);
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
        Set<String> modules = new TreeSet<>(choice.modules());
        progress.println("kiln: build: main " + app.mainClass() + ", modules " + choice.describe());
        Path runtime = new JdkRuntime(cacheRoot, progress).ensure(modules);
        KernelBuilder.Kernel kernel = new KernelBuilder(cacheRoot, progress).ensure();
        Map<String, Path> libs = new SharedLibResolver().resolve(runtime);

        m = m.withRuntime(List.copyOf(modules), kernel.hash(), kernel.sourceVersion(), Runtime.version().toString());

        Path out = r.output().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path initramfs = Files.createTempFile(out.getParent(), ".kiln-initramfs", ".cpio.gz");
        try {
            Path aot = trainAotCache(r, app, m, runtime, libs, out.getParent());
            long cpioBytes;
            try (CountingGzip os = new CountingGzip(new BufferedOutputStream(Files.newOutputStream(initramfs), 1 << 16));
                 Cpio.Writer w = new Cpio.Writer(os)) {
                writeInitramfs(w, r, app, m, runtime, libs, aot);
                w.close();
                os.finish();
                cpioBytes = os.uncompressed();
            } finally {
                if (aot != null) {
                    FileTrees.delete(aot.getParent().getParent().getParent()); // the stage
                }
            }
            // The kernel holds the initramfs twice while unpacking it, then the files stay in RAM.
            long needMb = 2 * cpioBytes / 1048576 + 64;
            if (r.memoryMb() < needMb) {
                throw new IOException("memory " + r.memoryMb() + " MB is too small for this image: its initramfs is "
                        + cpioBytes / 1048576 + " MB uncompressed; use --memory " + (needMb + 64) + " or more");
            }
            JvmImage.write(out, m, kernel.bzImage(), initramfs);
            long size = Files.size(out);
            progress.println(String.format("kiln: build: wrote %s (%.1f MB: kernel %.1f MB, initramfs %.1f MB gzip) in %.1f s",
                    out, size / 1048576.0, Files.size(kernel.bzImage()) / 1048576.0, Files.size(initramfs) / 1048576.0,
                    (System.nanoTime() - t0) / 1e9));
            return new Result(out, size, Files.size(kernel.bzImage()), Files.size(initramfs), modules, choice.reasons(),
                    libs, kernel.hash());
        } finally {
            Files.deleteIfExists(initramfs);
        }
    }

    /** gzip that tells how many bytes went in. */
    private static final class CountingGzip extends GZIPOutputStream {
        CountingGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
        }

        long uncompressed() {
            return def.getBytesRead();
        }
    }

    static String defaultName(Path jar) {
        String n = jar.getFileName().toString().replaceFirst("\\.jar$", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (n.length() > 63) {
            n = n.substring(0, 63).replaceAll("-+$", "");
        }
        return n.isEmpty() ? "app" : n;
    }

    /**
     * The AOT cache (JEP 483/514) of the image's own JVM: a training run of the init, chrooted into
     * the image's tree on the build host, links the FFM calls and loads the boot path's classes;
     * under TCG this saves seconds of boot. Needs root (chroot); without it the image has no cache
     * and boots slower. Returns the cache file (inside a temp stage) or null.
     */
    private Path trainAotCache(Request r, AppJar app, JvmManifest m, Path runtime, Map<String, Path> libs, Path tmpParent)
            throws IOException {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/sbin/chroot"))) {
            if (r.trainApp()) {
                throw new IOException("--train-app needs root (the training run is chrooted into the image's tree)");
            }
            progress.println("kiln: build: not root, so no AOT cache for the image (it boots slower)");
            return null;
        }
        Path stage = Files.createTempDirectory(tmpParent, ".kiln-stage");
        Path root = stage.resolve("root");
        Files.createDirectories(root);
        writeInitramfs(new StageDir(root), r, app, m, runtime, libs, null);
        Path log = stage.resolve("train.log");
        List<String> cmd = new ArrayList<>();
        if (r.trainApp()) {
            // The app's own code runs here, on the build host: in a network namespace of its own, so
            // that a server's port is not the host's (and two builds do not collide).
            Path unshare = Path.of("/usr/bin/unshare");
            if (!Files.isExecutable(unshare)) {
                throw new IOException("--train-app needs /usr/bin/unshare (apt-get install util-linux)");
            }
            cmd.addAll(List.of(unshare.toString(), "--net"));
        }
        cmd.addAll(List.of("/usr/sbin/chroot", root.toString(), "/jvm/bin/java",
                "-XX:AOTCacheOutput=" + AOT_CACHE, "-Dkiln.train=true", "-Dkiln.train.app=" + r.trainApp(),
                "@/kiln/jvmargs"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("LD_LIBRARY_PATH", "/jvm/lib");
        long t0 = System.nanoTime();
        try {
            Process p = pb.start();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the AOT training run did not finish in 5 minutes; log: " + log);
            }
            Path cache = root.resolve(AOT_CACHE.substring(1));
            if (p.exitValue() != 0 || !Files.isRegularFile(cache)) {
                throw new IOException("the AOT training run failed (exit " + p.exitValue() + "):\n" + Files.readString(log));
            }
            progress.printf("kiln: build: AOT cache trained in %.1f s (%.1f MB)%s%n", (System.nanoTime() - t0) / 1e9,
                    Files.size(cache) / 1048576.0, r.trainApp() ? ", the app's main included" : "");
            return cache;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the AOT training run");
        } catch (IOException e) {
            FileTrees.delete(stage);
            throw e;
        }
    }

    static final String AOT_CACHE = "/kiln/app.aot";

    private void writeInitramfs(Cpio.Sink w, Request r, AppJar app, JvmManifest m, Path runtime,
                                Map<String, Path> libs, Path aot) throws IOException {
        for (String d : List.of("dev", "proc", "sys", "tmp", "root", "etc", "app", "kiln", "lib", "lib/x86_64-linux-gnu", "lib64")) {
            w.directory(d, d.equals("tmp") ? 01777 : d.equals("root") ? 0700 : 0755);
        }
        // The kernel opens /dev/console for init's stdin/stdout/stderr before devtmpfs is mounted.
        w.charDevice("dev/console", 0600, 5, 1);
        w.symlink("etc/resolv.conf", "/proc/net/pnp");
        String name = m.name();
        w.file("etc/hosts", 0644, ("127.0.0.1\tlocalhost\n::1\tlocalhost\n10.0.2.15\t" + name + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        w.file("etc/hostname", 0644, (name + "\n").getBytes(StandardCharsets.US_ASCII));
        w.file("etc/nsswitch.conf", 0644, "passwd: files\ngroup: files\nhosts: files dns\n".getBytes(StandardCharsets.US_ASCII));
        w.file("etc/passwd", 0644, "root:x:0:0:root:/root:/nonexistent\n".getBytes(StandardCharsets.US_ASCII));
        w.file("etc/group", 0644, "root:x:0:\n".getBytes(StandardCharsets.US_ASCII));

        // The runtime, under /jvm.
        w.directory("jvm", 0755);
        try (Stream<Path> s = Files.walk(runtime)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(runtime)) {
                    continue;
                }
                String rel = "jvm/" + runtime.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    w.symlink(rel, Files.readSymbolicLink(p).toString());
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    w.directory(rel, 0755);
                } else {
                    addFile(w, rel, p, isExecutable(p) ? 0755 : 0644);
                }
            }
        }
        // Host shared libraries and the dynamic loader.
        Set<String> dirs = new TreeSet<>(List.of("lib", "lib/x86_64-linux-gnu", "lib64"));
        for (var e : libs.entrySet()) {
            String rel = e.getKey().substring(1);
            String parent = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
            if (!parent.isEmpty() && !dirs.contains(parent)) {
                throw new IOException("library " + e.getKey() + " would go to an unexpected directory");
            }
            addFile(w, rel, e.getValue(), 0755);
        }
        // The app.
        addFile(w, m.appJar().substring(1), r.jar(), 0644);
        Set<String> appDirs = new TreeSet<>();
        for (var e : app.classPath().entrySet()) {
            String rel = e.getKey();
            String[] parts = rel.split("/");
            StringBuilder d = new StringBuilder("app");
            for (int i = 0; i < parts.length - 1; i++) {
                d.append('/').append(parts[i]);
                if (appDirs.add(d.toString())) {
                    w.directory(d.toString(), 0755);
                }
            }
            addFile(w, "app/" + rel, e.getValue(), 0644);
        }
        // Kiln's init, the image-format jar it reads the manifest with, its argument file and the manifest.
        w.file(INIT_JAR.substring(1), 0644, resource("kiln-jvm-init.jar"));
        w.file(IMAGE_JAR.substring(1), 0644, resource("kiln-image.jar"));
        if (aot != null) {
            addFile(w, AOT_CACHE.substring(1), aot, 0644);
        }
        w.file("kiln/jvmargs", 0644, argFile(r, m, aot != null).getBytes(StandardCharsets.UTF_8));
        w.file("kiln/manifest", 0644, m.bytes());
    }

    private static byte[] resource(String jar) throws IOException {
        try (InputStream in = JvmImageBuilder.class.getResourceAsStream(RESOURCES + jar)) {
            if (in == null) {
                throw new IOException(RESOURCES + jar + " is missing from the Kiln build (mvn install)");
            }
            return in.readAllBytes();
        }
    }

    /** The java launcher's @argfile: one quoted argument per line. */
    static String argFile(Request r, JvmManifest m, boolean aot) {
        List<String> a = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        if (aot) {
            a.add("-XX:AOTCache=" + AOT_CACHE);
        }
        a.addAll(INIT_JVM_OPTIONS);
        a.addAll(r.jvmOptions());
        a.add("-cp");
        a.add(INIT_JAR + ":" + IMAGE_JAR + ":" + m.appJar());
        a.add(INIT_MAIN);
        StringBuilder b = new StringBuilder();
        for (String s : a) {
            b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        return b.toString();
    }

    private static boolean isExecutable(Path p) throws IOException {
        try {
            return Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return Files.isExecutable(p);
        }
    }

    private static void addFile(Cpio.Sink w, String rel, Path p, int perm) throws IOException {
        long size = Files.size(p);
        try (InputStream in = Files.newInputStream(p)) {
            w.file(rel, perm, in, size);
        }
    }
}
