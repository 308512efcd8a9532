package dev.kiln.builder.nativeimage;

import dev.kiln.image.FileTrees;
import dev.kiln.image.Manifest;
import dev.kiln.image.StaticIp;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What `kiln build INPUT` was given, resolved to class files, a main class and a manifest.
 *
 * <p>INPUT is one of:
 * <ul>
 * <li>a jar: its classes; the main class from --main or the jar manifest's Main-Class;</li>
 * <li>a directory of class files: the main class from --main, or the only class with a main method;</li>
 * <li>a project directory with a {@code kiln.properties} file and Java sources under {@code src/}:
 *     the sources are compiled with the running JDK (no --release needed: class files of any
 *     version are brought to one TeaVM reads). kiln.properties keys: {@code main} (required),
 *     {@code name}, {@code memory_mb}, {@code arg.N} (arguments in order of N), {@code env.KEY},
 *     {@code ip} (A.B.C.D/PREFIX[,GATEWAY]), {@code stats} ({@code on}, the default, or {@code off}:
 *     the image keeps no stats page, as if built with {@code env.KILN_STATS=off}), {@code files}
 *     ({@code SRC:DEST,...}: read-only files in the image, SRC relative to the project; see
 *     {@link FileMapping}). Files under src/ other than .java sources are the app's resources.</li>
 * </ul>
 * Whatever the input holds besides class files (a jar's or directory's other entries, but no jar
 * signature) is the application's resources, for ClassLoader.getResourceAsStream in the image.
 *
 * @param classes   class file name ("a/b/C.class") to its bytes, as found
 * @param mainClass binary name of the class whose main runs
 * @param manifest  what the image's manifest note will say; it has a name and at least {@link #MIN_MEMORY_MB}
 * @param resources resource name ("a/b/c.txt") to its bytes, as found
 * @param files     the read-only file tree the image gets ({@code --file}, {@code files=})
 */
public record AppInput(Map<String, byte[]> classes, String mainClass, Manifest manifest,
        Map<String, byte[]> resources, List<FileMapping> files) {

    /** An input without resources or files. */
    public AppInput(Map<String, byte[]> classes, String mainClass, Manifest manifest) {
        this(classes, mainClass, manifest, Map.of(), List.of());
    }

    /** The same input with another manifest. */
    public AppInput withManifest(Manifest m) {
        return new AppInput(classes, mainClass, m, resources, files);
    }

    /** The same input with more file mappings (kiln build --file) after its own. */
    public AppInput withFiles(List<FileMapping> more) {
        List<FileMapping> all = new ArrayList<>(files);
        all.addAll(more);
        return new AppInput(classes, mainClass, manifest, resources, List.copyOf(all));
    }

    public static final String PROJECT_FILE = "kiln.properties";
    /** memory_mb when the input does not say. */
    public static final int DEFAULT_MEMORY_MB = 64;
    /** The monitor gives a guest at least 8 MiB, so an image that asks for less could never boot. */
    public static final int MIN_MEMORY_MB = 8;

    /** IllegalArgumentException for a manifest the builder cannot write an image for. */
    public AppInput {
        if (manifest.name() == null) throw new IllegalArgumentException("the image has no name");
        resources = Map.copyOf(resources);
        files = List.copyOf(files);
        if (manifest.memoryMb() < MIN_MEMORY_MB) {
            throw new IllegalArgumentException("memory_mb must be between " + MIN_MEMORY_MB + " and "
                    + Manifest.MAX_MEMORY_MB + ", not " + manifest.memoryMb());
        }
    }

    /** The manifest of an input that says nothing but its name. */
    public static Manifest defaultManifest(String name) {
        return new Manifest(name, DEFAULT_MEMORY_MB, List.of(), List.of(), List.of());
    }

    /** Resolves INPUT; mainOverride (may be null) wins over what the input says. */
    public static AppInput resolve(Path input, String mainOverride) throws NativeBuildException, IOException {
        if (!Files.exists(input)) {
            throw new NativeBuildException("input " + input + " does not exist");
        }
        String baseName = input.toAbsolutePath().normalize().getFileName().toString();
        if (Files.isRegularFile(input)) {
            if (!baseName.endsWith(".jar")) {
                throw new NativeBuildException("input " + input + " is a file but not a .jar; give a jar, a directory"
                        + " of class files or a project directory with " + PROJECT_FILE);
            }
            return fromJar(input, mainOverride, baseName.substring(0, baseName.length() - 4));
        }
        if (Files.isRegularFile(input.resolve(PROJECT_FILE))) {
            return fromProject(input, mainOverride, baseName);
        }
        Map<String, byte[]> classes = readClassDir(input);
        if (classes.isEmpty()) {
            throw new NativeBuildException("input directory " + input + " has no .class files and no " + PROJECT_FILE);
        }
        checkClasses(classes);
        String main = mainOverride != null ? mainOverride : findMain(classes, input.toString());
        return new AppInput(classes, main, defaultManifest(sanitize(baseName)), readResources(input, ".class"),
                List.of());
    }

    private static AppInput fromJar(Path jar, String mainOverride, String name)
            throws IOException, NativeBuildException {
        Map<String, byte[]> classes = new TreeMap<>();
        Map<String, byte[]> resources = new TreeMap<>();
        String main = mainOverride;
        // Not verified (verify=false): a signature says nothing Kiln needs, and a broken one must not stop a build.
        try (JarFile jf = new JarFile(jar.toFile(), false)) {
            var entries = jf.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                if (!e.isDirectory() && !e.getName().endsWith(".class") && !isSignature(e.getName())) {
                    checkEntryName(jar, e.getName());
                    try (InputStream in = jf.getInputStream(e)) {
                        resources.put(e.getName(), readEntry(jar, e, in));
                    }
                    continue;
                }
                if (e.isDirectory() || !e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                checkEntryName(jar, e.getName());
                try (InputStream in = jf.getInputStream(e)) {
                    classes.put(e.getName(), readEntry(jar, e, in));
                }
            }
            java.util.jar.Manifest mf = jf.getManifest();
            if (main == null && mf != null) {
                main = mf.getMainAttributes().getValue("Main-Class");
                if (main != null && main.isBlank()) {
                    throw new NativeBuildException("jar " + jar + " has a blank Main-Class; name the main class with --main CLASS");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new NativeBuildException("input " + jar + " is not a readable jar (" + ClassFileCheck.oneLine(e.getMessage()) + ")");
        }
        if (classes.isEmpty()) {
            throw new NativeBuildException("jar " + jar + " contains no class files");
        }
        checkClasses(classes);
        if (main == null) {
            main = findMain(classes, jar.toString());
        }
        return new AppInput(classes, main.trim(), defaultManifest(sanitize(name)), resources, List.of());
    }

    /** A jar signature's files (META-INF/*.SF, .RSA, .DSA, .EC): they sign the jar, not the image. */
    private static boolean isSignature(String entry) {
        return entry.startsWith("META-INF/") && entry.indexOf('/', 9) < 0
                && entry.matches("(?i).*\\.(SF|RSA|DSA|EC)");
    }

    /**
     * A class file is a few MB at most, and an image holds at most 64 MiB of resources (ImageTree.MAX_BYTES):
     * an entry that inflates beyond this is a zip bomb.
     */
    static final int MAX_CLASS_BYTES = 64 << 20;

    /** Reads one entry, refusing a zip bomb and an entry whose bytes do not match its CRC (a corrupt jar). */
    private static byte[] readEntry(Path jar, java.util.zip.ZipEntry e, InputStream in)
            throws IOException, NativeBuildException {
        byte[] bytes = in.readNBytes(MAX_CLASS_BYTES + 1);
        if (bytes.length > MAX_CLASS_BYTES) {
            throw new NativeBuildException("jar " + jar + ": entry " + ClassFileCheck.oneLine(e.getName())
                    + " inflates to more than " + (MAX_CLASS_BYTES >> 20) + " MiB: neither a class file nor a resource"
                    + " an image can hold");
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw new NativeBuildException("jar " + jar + " is corrupt: entry " + ClassFileCheck.oneLine(e.getName())
                    + " does not match its CRC");
        }
        return bytes;
    }

    /** An entry name is a relative path inside the jar: none may climb out of the directory classes are staged in. */
    private static void checkEntryName(Path jar, String entry) throws NativeBuildException {
        boolean bad = entry.startsWith("/") || entry.contains("\\") || entry.indexOf('\0') >= 0;
        for (String part : entry.split("/")) {
            bad |= part.equals("..") || part.equals(".") || part.isEmpty();
        }
        if (bad) {
            throw new NativeBuildException("jar " + jar + " has an entry named " + ClassFileCheck.oneLine(entry)
                    + ", which is not a path inside the jar");
        }
    }

    /** Every class file read and its bytecode verified: a broken one is one error naming it. */
    private static void checkClasses(Map<String, byte[]> classes) throws NativeBuildException {
        for (var e : classes.entrySet()) {
            ClassFileCheck.check(e.getKey(), e.getValue());
        }
    }

    private static AppInput fromProject(Path dir, String mainOverride, String dirName)
            throws IOException, NativeBuildException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(dir.resolve(PROJECT_FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String main = mainOverride != null ? mainOverride : p.getProperty("main");
        if (main == null) {
            throw new NativeBuildException(dir.resolve(PROJECT_FILE) + " has no main= line (the main class)");
        }
        String name = sanitize(p.getProperty("name", dirName));
        int memory = DEFAULT_MEMORY_MB;
        if (p.getProperty("memory_mb") != null) {
            try {
                memory = Integer.parseInt(p.getProperty("memory_mb").trim());
            } catch (NumberFormatException e) {
                throw new NativeBuildException(PROJECT_FILE + ": memory_mb is not a number: " + p.getProperty("memory_mb"));
            }
        }
        TreeMap<Integer, String> args = new TreeMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (String key : new TreeMap<>(Map.copyOf(toMap(p))).keySet()) {
            if (key.startsWith("arg.")) {
                try {
                    args.put(Integer.parseInt(key.substring(4)), p.getProperty(key));
                } catch (NumberFormatException e) {
                    throw new NativeBuildException(PROJECT_FILE + ": " + key + " should be arg.<number>");
                }
            } else if (key.startsWith("env.")) {
                env.put(key.substring(4), p.getProperty(key));
            }
        }
        String stats = p.getProperty("stats", "on").trim();
        if (stats.equals("off")) {
            env.put("KILN_STATS", "off"); // read by the runtime's stats writer (guest/runtime/stats.c)
        } else if (!stats.equals("on")) {
            throw new NativeBuildException(PROJECT_FILE + ": stats must be on or off, not " + stats);
        }
        Path src = dir.resolve("src");
        if (!Files.isDirectory(src)) {
            throw new NativeBuildException("project " + dir + " has no src/ directory of Java sources");
        }
        Map<String, byte[]> classes = compile(src);
        List<FileMapping> files = new ArrayList<>();
        String filesValue = p.getProperty("files", "").strip();
        if (!filesValue.isEmpty()) {
            for (String spec : filesValue.split(",")) {
                try {
                    files.add(FileMapping.parse(spec.strip(), dir));
                } catch (NativeBuildException e) {
                    throw new NativeBuildException(dir.resolve(PROJECT_FILE) + ": " + e.getMessage());
                }
            }
        }
        List<String> envLines = new ArrayList<>();
        env.forEach((k, v) -> envLines.add(k + "=" + v));
        try {
            StaticIp ip = p.getProperty("ip") == null ? null : StaticIp.parse(p.getProperty("ip"));
            return new AppInput(classes, main.trim(),
                    new Manifest(name, memory, List.copyOf(args.values()), List.copyOf(envLines), List.of(), ip),
                    readResources(src, ".java"), files);
        } catch (IllegalArgumentException e) { // a value the image format cannot hold
            throw new NativeBuildException(dir.resolve(PROJECT_FILE) + ": " + e.getMessage());
        }
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return m;
    }

    /**
     * Kiln's API for applications (dev.kiln.metrics): libos's jar (or classes directory), on javac's
     * class path when a project is compiled, and on HotSpot's when kiln runs an app there; in an
     * image TeaVM takes it from libos like the rest of the library OS.
     */
    public static Path kilnApi() {
        try {
            return Path.of(dev.kiln.metrics.Metrics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate Kiln's API classes: " + e.getMessage(), e);
        }
    }

    /** Compiles every .java under src with the running JDK's compiler, into memory via a temp directory. */
    static Map<String, byte[]> compile(Path src) throws IOException, NativeBuildException {
        List<String> sources;
        try (Stream<Path> s = Files.walk(src)) {
            sources = s.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        if (sources.isEmpty()) {
            throw new NativeBuildException(src + " has no .java files");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new NativeBuildException("no Java compiler in this runtime (Kiln needs a JDK, not a JRE)");
        }
        Path out = Files.createTempDirectory("kiln-javac");
        try {
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-encoding", "UTF-8", "-nowarn",
                    "-cp", kilnApi().toString()));
            args.addAll(sources);
            StringWriter log = new StringWriter();
            var err = new java.io.PrintWriter(log);
            int rc = javac.run(null, null, new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    err.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    err.write(new String(b, off, len, StandardCharsets.UTF_8));
                }
            }, args.toArray(String[]::new));
            err.flush();
            if (rc != 0) {
                throw new NativeBuildException("javac failed on " + src + ":\n" + log);
            }
            return readClassDir(out);
        } finally {
            FileTrees.delete(out);
        }
    }

    /** Every regular file under dir whose name does not end with {@code skipSuffix}: the app's resources. */
    static Map<String, byte[]> readResources(Path dir, String skipSuffix) throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(f -> !f.toString().endsWith(skipSuffix) && Files.isRegularFile(f)).toList()) {
                resources.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return resources;
    }

    static Map<String, byte[]> readClassDir(Path dir) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).toList()) {
                classes.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return classes;
    }

    /** The only class with public static void main(String[]), or an error naming the candidates. */
    private static String findMain(Map<String, byte[]> classes, String where) throws NativeBuildException {
        List<String> mains = new ArrayList<>();
        for (var e : classes.entrySet()) {
            if (MainFinder.hasMain(e.getValue())) {
                mains.add(e.getKey().substring(0, e.getKey().length() - 6).replace('/', '.'));
            }
        }
        if (mains.size() == 1) {
            return mains.get(0);
        }
        throw new NativeBuildException(mains.isEmpty() ? where + " has no class with a main method"
                : where + " has several classes with a main method " + mains + ": pick one with --main CLASS");
    }

    private static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() ? "app" : s;
    }
}
