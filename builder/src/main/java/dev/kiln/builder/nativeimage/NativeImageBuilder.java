package dev.kiln.builder.nativeimage;

import dev.kiln.image.FileTrees;
import dev.kiln.image.GuestImage;
import dev.kiln.image.ImageException;
import dev.kiln.image.ImageInfo;
import dev.kiln.image.Manifest;
import dev.kiln.image.UntrustedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.teavm.diagnostics.Problem;
import org.teavm.parsing.ClasspathClassHolderSource;
import org.teavm.diagnostics.ProblemSeverity;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolLog;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Builds a native image: application classes to C with TeaVM's C target, then gcc with
 * Kiln's guest runtime, a static link with unused sections dropped, and the manifest in
 * an ELF note. One file comes out.
 *
 * <p>Steps: (1) class files are brought to a version TeaVM reads ({@link ClassFileDowngrader})
 * and staged with a generated entry class, in front of libos (the library OS and Kiln's Java
 * runtime, {@code dev.kiln.rt}) on TeaVM's class path;
 * (2) TeaVM compiles from the entry class (which starts {@code KilnRuntime} and calls the application's main) to C,
 * with {@link KilnTeaVMTransformer}; any problem TeaVM reports (reflection, a missing JDK
 * method, dynamic class loading...) fails the build with its call site; (3) six files of
 * TeaVM's C runtime that talk to an operating system are replaced by Kiln's (guest/teavm);
 * (4) gcc compiles and links against guest/build/libkiln.a (entry, hypercalls),
 * guest/build/libkilnc.a (Kiln's libc pieces) and musl's libc.a (pure objects), with
 * guest/kiln.ld; (5) the image is checked to contain no syscall instruction.
 *
 * <p>Results are cached by a hash of everything that goes in (the classes, the manifest,
 * the guest runtime sources and this builder), so a second build of the same input is a copy.
 */
public final class NativeImageBuilder {
    /** Bump when the build recipe changes in a way the hashed inputs do not show. */
    private static final String RECIPE = "kiln-native-9";
    static final String MUSL_LIBC = "/usr/lib/x86_64-linux-musl/libc.a";
    static final String MUSL_INCLUDE = "/usr/include/x86_64-linux-musl";
    /** TeaVM runtime files that Kiln replaces (guest/teavm/NAME). */
    static final List<String> PLATFORM_FILES = List.of("memory.c", "fiber.c", "time.c", "date.c", "file.c",
            "log.c", "heaptrace.c");

    private final Path kilnHome;
    private final Path cacheDir;
    private final Consumer<String> progress;

    public NativeImageBuilder(Path kilnHome, Path cacheDir, Consumer<String> progress) {
        this.kilnHome = kilnHome;
        this.cacheDir = cacheDir;
        this.progress = progress;
    }

    /** Kiln's home from the kiln.home property or KILN_HOME, the cache from XDG_CACHE_HOME or ~/.cache. */
    public static NativeImageBuilder fromEnvironment(Consumer<String> progress) throws NativeBuildException {
        String home = System.getProperty("kiln.home", System.getenv("KILN_HOME"));
        if (home == null) {
            throw new NativeBuildException("KILN_HOME is not set: run Kiln through ./kiln");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("kiln").resolve("native");
        return new NativeImageBuilder(Path.of(home), cache, progress);
    }

    /**
     * How to build. {@code debug} (kiln build -g): Java line numbers in the generated C (#line),
     * gcc's DWARF, and the sources beside the image; {@code sources}: the application's source
     * directories for that (a project's src/ is found by {@link AppInput}; libos' come from
     * Kiln's home).
     */
    public record Options(boolean debug, List<Path> sources) {
        public static final Options DEFAULT = new Options(false, List.of());

        public Options {
            sources = List.copyOf(sources);
        }
    }

    /**
     * The result, in the cache: the image (stripped), its debug file beside it ({@code IMAGE.debug},
     * named by the image's GNU debuglink), the directory of sources for a debug build (else null),
     * whether it all came from the cache, and the cache key.
     */
    public record Result(Path image, Path debugFile, Path sources, boolean cached, String cacheKey) {
    }

    public Result build(AppInput app) throws NativeBuildException, IOException {
        return build(app, Options.DEFAULT);
    }

    public Result build(AppInput app, Options options) throws NativeBuildException, IOException {
        Path guest = kilnHome.resolve("guest");
        checkPrerequisites(guest);
        List<Path> sources = options.debug() ? DebugFiles.sourceRoots(options.sources(), kilnHome) : List.of();
        ImageTree tree = ImageTree.collect(app.files());
        ImageData.checkSize(app, tree);
        String key = cacheKey(app, tree, guest, options.debug(), sources);
        Path entryDir = cacheDir.resolve(key);
        Path image = entryDir.resolve(app.manifest().name() + ".kiln");
        Path debugFile = DebugFiles.debugFileOf(image);
        Path sourceDir = options.debug() ? DebugFiles.sourceDirOf(image) : null;
        if (!app.resources().isEmpty() || tree.files() > 0) {
            // before the cache check: what the image holds is worth a line whether it is built or reused
            progress.accept(ImageData.report(app, tree));
        }
        if (Files.isRegularFile(image) && Files.isRegularFile(debugFile)) {
            return new Result(image, debugFile, sourceDir, true, key);
        }
        // Everything the input uses that an image cannot have, reported in one error after TeaVM has run
        // (runTeaVM). A missing supertype or a refused call (reflection, JNI) fails the build wherever it
        // is; a missing JDK class or member found by the scan only if TeaVM fails too (TeaVM follows the
        // values' types and may prove unreachable a use the scan, more generous, counts), and then the
        // report holds the scan's uses as well as TeaVM's, which stop at the first one of each basic block.
        ClasspathClassHolderSource library = ClassHierarchyCheck.libraryView(NativeImageBuilder.class.getClassLoader());
        List<UnsupportedUse> refused = new ArrayList<>(ClassHierarchyCheck.check(app.classes(), library));
        refused.addAll(UnsupportedCallCheck.check(app.classes()));
        List<UnsupportedUse> missing = UnsupportedApiScan.scan(app.classes(), app.mainClass(), library);
        Path work = Files.createTempDirectory("kiln-build-");
        try {
            Path classes = work.resolve("classes");
            stageClasses(app, classes);
            List<String> data = ImageData.stage(app, tree, classes);
            TimeZoneData.stage(classes);
            Path c = work.resolve("c");
            List<String> compiled = runTeaVM(app, classes, c, options.debug(), refused, missing, data);
            replacePlatformFiles(guest, c);
            RuntimeHeaderPatch.apply(c); // HotSpot's messages for failed bounds checks and casts
            CallSiteTables.apply(c); // merged, 32-bit pointers: half as large (docs/performance.md, "Image sizes")
            JavaDebugDescriptor.write(c);
            Path elf = compileAndLink(app, guest, c, work, compiled, options.debug());
            checkNoSyscall(elf);
            Path elfDebug = DebugFiles.split(elf, work);
            checkLoadable(elf);
            Files.createDirectories(entryDir);
            if (sourceDir != null) {
                DebugFiles.copySources(sources, guest, sourceDir);
            }
            // the debug file first: a cache entry counts once its image is there
            publish(elfDebug, debugFile, entryDir);
            publish(elf, image, entryDir);
            return new Result(image, debugFile, sourceDir, false, key);
        } finally {
            if (System.getenv("KILN_KEEP_BUILD") == null) {
                FileTrees.delete(work);
            } else {
                progress.accept("build directory kept: " + work);
            }
        }
    }

    private static void publish(Path file, Path target, Path dir) throws IOException {
        Path tmp = Files.createTempFile(dir, "image", ".tmp");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void checkPrerequisites(Path guest) throws NativeBuildException {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(Path.of(MUSL_LIBC)) || !Files.isDirectory(Path.of(MUSL_INCLUDE))) {
            missing.add("musl's static libc and headers (apt-get install musl-dev)");
        }
        for (String f : List.of("build/libkiln.a", "build/libkilnc.a", "kiln.ld")) {
            if (!Files.isRegularFile(guest.resolve(f))) {
                missing.add(guest.resolve(f) + " (make -C " + guest + ")");
            }
        }
        for (String f : PLATFORM_FILES) {
            if (!Files.isRegularFile(guest.resolve("teavm").resolve(f))) {
                missing.add(guest.resolve("teavm").resolve(f).toString());
            }
        }
        if (which("gcc") == null) {
            missing.add("gcc (apt-get install gcc)");
        }
        if (which("objcopy") == null) {
            missing.add("objcopy (apt-get install binutils)");
        }
        if (which("objdump") == null) {
            missing.add("objdump (apt-get install binutils)");
        }
        if (!missing.isEmpty()) {
            throw new NativeBuildException("cannot build native images; missing: " + String.join(", ", missing));
        }
    }

    private static Path which(String cmd) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, cmd);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    // ---- cache key ----

    private String cacheKey(AppInput app, ImageTree tree, Path guest, boolean debug, List<Path> sources)
            throws IOException {
        MessageDigest md = sha256();
        update(md, RECIPE);
        update(md, debug ? "debug" : "release");
        for (String knob : List.of(KilnTeaVMTransformer.NO_DIVISION_CHECKS, KilnTeaVMTransformer.NO_STACK_CHECKS)) {
            update(md, knob + "=" + System.getenv(knob));
        }
        // A debug build copies the sources beside the image: their paths under each root and their
        // bytes count, not where the roots are (the image is the same from any checkout).
        for (int i = 0; i < sources.size(); i++) {
            Path root = sources.get(i);
            update(md, "source root " + i);
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    update(md, root.relativize(p).toString());
                    md.update(Files.readAllBytes(p));
                }
            }
        }
        update(md, app.mainClass());
        update(md, app.manifest().text());
        ImageData.hash(md, app, tree);
        TimeZoneData.hash(md);
        for (Map.Entry<String, byte[]> e : app.classes().entrySet()) {
            update(md, e.getKey());
            md.update(e.getValue());
        }
        try (Stream<Path> s = Files.walk(guest)) {
            for (Path p : s.filter(Files::isRegularFile)
                    .filter(p -> !guest.relativize(p).startsWith("build") || p.toString().endsWith(".a"))
                    .sorted().toList()) {
                update(md, guest.relativize(p).toString());
                md.update(Files.readAllBytes(p));
            }
        }
        // the builder's own code, and libos (the library OS and Kiln's runtime dev.kiln.rt, which TeaVM
        // compiles into every image): their jars (or class directories)
        hashCodeSource(md, NativeImageBuilder.class);
        hashCodeSource(md, dev.kiln.libos.net.NetStack.class);
        // the building JDK's version properties, which the image reports as its own
        update(md, SystemPropertiesRewrite.buildJdk());
        // the JDK classes compiled from the running JDK's bytecode (StrictMath, FdLibm)
        HostJdkClasses.hash(md);
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }

    private static void hashCodeSource(MessageDigest md, Class<?> cls) throws IOException {
        URL location = cls.getProtectionDomain().getCodeSource().getLocation();
        try {
            Path path = Path.of(location.toURI());
            if (Files.isRegularFile(path)) {
                md.update(Files.readAllBytes(path));
            } else {
                try (Stream<Path> s = Files.walk(path)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(Files.readAllBytes(p));
                    }
                }
            }
        } catch (java.net.URISyntaxException e) {
            update(md, location.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 24));
        md.update((byte) (b.length >>> 16));
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }

    // ---- staging ----

    /**
     * Writes the downgraded application classes and the generated entry class. Kiln's runtime
     * (dev.kiln.rt) and the library OS come from libos's jar, on TeaVM's class path behind these.
     */
    static void stageClasses(AppInput app, Path dir) throws IOException, NativeBuildException {
        String mainFile = app.mainClass().replace('.', '/') + ".class";
        if (!app.classes().containsKey(mainFile)) {
            throw new NativeBuildException("main class " + ClassFileCheck.oneLine(app.mainClass()) + " is not in the input");
        }
        if (!MainFinder.hasMain(app.classes().get(mainFile))) {
            throw new NativeBuildException("main class " + ClassFileCheck.oneLine(app.mainClass())
                    + " has no public static void main(String[])");
        }
        for (Map.Entry<String, byte[]> e : app.classes().entrySet()) {
            if (e.getKey().startsWith("dev/kiln/rt/")) {
                throw new NativeBuildException("the input contains " + e.getKey()
                        + ": package dev.kiln.rt is Kiln's own runtime");
            }
            if (e.getKey().endsWith("module-info.class")) {
                continue;
            }
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            byte[] bytes;
            try {
                bytes = ClassFileDowngrader.downgrade(e.getValue());
            } catch (RuntimeException ex) {
                throw new NativeBuildException("cannot read class file " + e.getKey() + ": " + ex, ex);
            }
            Files.write(f, bytes);
        }
        Path entry = dir.resolve(ENTRY.replace('.', '/') + ".class");
        Files.createDirectories(entry.getParent());
        Files.write(entry, entryClass(app.mainClass()));
    }

    /** The image's entry point, generated for each image: the class TeaVM compiles from. */
    static final String ENTRY = "dev.kiln.rt.KilnApp";

    /**
     * dev.kiln.rt.KilnApp, whose {@code public static void main(String[] args)} is
     * <pre>
     *   KilnRuntime.start(args);
     *   try { App.main(args); } catch (Throwable t) { KilnRuntime.mainThrew(t); }
     * </pre>
     * (KilnThrowables cuts stack traces at this class: below it is Kiln's and TeaVM's start-up).
     */
    static byte[] entryClass(String mainClass) {
        String runtime = KilnTeaVMTransformer.RUNTIME.replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(ClassFileDowngrader.TARGET_VERSION, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                ENTRY.replace('.', '/'), null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V",
                null, null);
        Label start = new Label(), end = new Label(), handler = new Label();
        mv.visitCode();
        mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, runtime, "start", "([Ljava/lang/String;)V", false);
        mv.visitLabel(start);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, mainClass.replace('.', '/'), "main", "([Ljava/lang/String;)V",
                false);
        mv.visitLabel(end);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitLabel(handler);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, runtime, "mainThrew", "(Ljava/lang/Throwable;)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    // ---- TeaVM ----

    private static UnsupportedApiReport report(AppInput app) {
        JdkModules modules = new JdkModules();
        return new UnsupportedApiReport(app.mainClass(), modules::moduleOf);
    }

    /**
     * @param refused what fails the build whatever TeaVM says (reflection, JNI, missing supertypes)
     * @param missing what {@link UnsupportedApiScan} found missing: reported with the rest if TeaVM has problems or
     *                anything was refused, as far as TeaVM's transformed view confirms it
     * @param data    the image's resources and file tree (ImageData), handed to ImageResourceSupplier
     */
    private List<String> runTeaVM(AppInput app, Path classes, Path out, boolean debug, List<UnsupportedUse> refused,
            List<UnsupportedUse> missing, List<String> data) throws NativeBuildException, IOException {
        progress.accept("TeaVM: compiling " + app.mainClass() + " to C");
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.C);
        tool.setMainClass(ENTRY);
        tool.setTargetDirectory(out.toFile());
        tool.setObfuscated(false); // readable stack traces: "at Class.method(File.java:N)"
        tool.setDebugInformationGenerated(debug); // the C target's #line directives: Java lines in gcc's DWARF
        tool.setOptimizationLevel(TeaVMOptimizationLevel.FULL);
        tool.setMinHeapSize(1 << 20);
        tool.setMaxHeapSize(app.manifest().memoryMb() << 20);
        tool.getTransformers().add(KilnTeaVMTransformer.class.getName());
        tool.getProperties().setProperty(ImageResourceSupplier.PROPERTY, String.join("\n", data));
        tool.getProperties().setProperty(CheckMessagesPlugin.MODULES, ClassModuleTable.text(app.classes()));
        StringBuilder log = new StringBuilder();
        tool.setLog(new CollectingLog(log));
        WithoutHostJdk library = new WithoutHostJdk(NativeImageBuilder.class.getClassLoader());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, library)) {
            tool.setClassLoader(loader);
            try {
                tool.generate();
            } catch (Exception | AssertionError e) { // TeaVM asserts on input it cannot handle
                if (!refused.isEmpty()) throw report(app).addAll(refused).addAll(missing).exception();
                // a class file TeaVM's ASM cannot read (a library jar built by a newer JDK) is named, with its jar
                List<String> unreadable = library.unreadableClassFiles(ClassFileCheck.MAX_MAJOR);
                if (!unreadable.isEmpty()) {
                    throw new NativeBuildException(indentedBeneath("TeaVM cannot read " + unreadable.size()
                            + (unreadable.size() == 1 ? " class file" : " class files") + " on its class path ("
                            + unreadable.getFirst() + (unreadable.size() > 1 ? ", ..." : "")
                            + "); Kiln reads class files up to version " + ClassFileCheck.MAX_MAJOR + " (Java "
                            + (ClassFileCheck.MAX_MAJOR - 44) + "): " + e, String.join("\n", unreadable)), e);
                }
                throw new NativeBuildException(indentedBeneath("TeaVM failed: " + e,
                        log.toString()), e);
            }
            List<Problem> severe = tool.getProblemProvider().getSevereProblems();
            if (!severe.isEmpty() || !refused.isEmpty()) {
                throw report(app).addAll(refused)
                        .addAll(UnsupportedApiScan.confirmed(missing, tool.getDependencyInfo().getClassSource()))
                        .addAll(UnsupportedApiReport.fromTeaVM(severe)).exception();
            }
            if (tool.wasCancelled() || !Files.isRegularFile(out.resolve("all.c"))) {
                throw new NativeBuildException(indentedBeneath("TeaVM produced no C output", log.toString()));
            }
            return compiledClasses(out.resolve("classes"));
        }
    }

    /** {@code line}, then {@code context}'s lines indented beneath it, escaped: the form of every multi-line build error. */
    static String indentedBeneath(String line, String context) {
        StringBuilder b = new StringBuilder(UntrustedText.printable(line));
        context.lines().filter(l -> !l.isBlank())
                .forEach(l -> b.append("\n    ").append(UntrustedText.printable(l.stripTrailing())));
        return b.toString();
    }

    /** Java classes TeaVM emitted C for: one file per class under classes/, '$' written as "@d". */
    static List<String> compiledClasses(Path classesDir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(classesDir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".c")).toList()) {
                String rel = classesDir.relativize(p).toString();
                names.add(rel.substring(0, rel.length() - 2).replace('/', '.').replace("@d", "$")
                        .replace("@l", "<").replace("@g", ">").replace("@@", "@"));
            }
        }
        return new ArrayList<>(names);
    }

    /** Collects TeaVM's log; with a severity filter, keeps only error lines (the problem report). */
    private static final class CollectingLog implements TeaVMToolLog {
        private final StringBuilder sb;
        private final boolean errorsOnly;

        CollectingLog(StringBuilder sb) {
            this.sb = sb;
            this.errorsOnly = false;
        }

        CollectingLog(StringBuilder sb, ProblemSeverity only) {
            this.sb = sb;
            this.errorsOnly = only == ProblemSeverity.ERROR;
        }

        @Override
        public void info(String text) {
            if (!errorsOnly) {
                sb.append(text).append('\n');
            }
        }

        @Override
        public void debug(String text) {
        }

        @Override
        public void warning(String text) {
            if (!errorsOnly) {
                sb.append("warning: ").append(text).append('\n');
            }
        }

        @Override
        public void error(String text) {
            sb.append(text).append('\n');
        }

        @Override
        public void info(String text, Throwable e) {
            info(text + ": " + e);
        }

        @Override
        public void debug(String text, Throwable e) {
        }

        @Override
        public void warning(String text, Throwable e) {
            warning(text + ": " + e);
        }

        @Override
        public void error(String text, Throwable e) {
            error(text + ": " + e);
        }
    }

    private static void replacePlatformFiles(Path guest, Path c) throws IOException, NativeBuildException {
        for (String f : PLATFORM_FILES) {
            if (!Files.isRegularFile(c.resolve(f))) {
                throw new NativeBuildException("TeaVM's C output has no " + f + " for Kiln to replace: this TeaVM"
                        + " version's runtime differs from the one guest/teavm was written for (0.16.0)");
            }
            Files.copy(guest.resolve("teavm").resolve(f), c.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(guest.resolve("teavm/kiln_teavm.h"), c.resolve("kiln_teavm.h"), StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- gcc ----

    private Path compileAndLink(AppInput app, Path guest, Path c, Path work, List<String> compiled, boolean debug)
            throws IOException, NativeBuildException {
        progress.accept("gcc: compiling " + compiled.size() + " classes");
        Path note = work.resolve("kiln_note.S");
        Files.writeString(note, noteAssembly(app.manifest()));
        Files.write(work.resolve("classes.z"), deflate(String.join("\n", compiled) + "\n"));
        // -fno-tree-slp-vectorize: gcc 12's straight-line vectorizer pairs neighbouring fields, so a
        // field just stored with 8 bytes is read back with 16 (a.vz, a.mass in nbody) and the load
        // waits for the store to retire: nbody ran 1.9x slower. -fno-math-errno: Java never reads
        // errno, so sqrt and the like need no check-and-call path around their instruction.
        // Reproducible: the build directory (a new temporary one each time) and Kiln's checkout appear
        // in no output, so two builds of one input are the same bytes wherever they run. Both are
        // mapped to "." for DWARF and __FILE__: TeaVM's C as "./all.c", the guest's headers as
        // "./include/kiln/...", where the sources beside a debug build (DebugFiles) and the guest
        // archives' own DWARF (guest/Makefile) have them.
        List<String> cflags = List.of("-O2", "-std=gnu11", "-fwrapv", "-fno-strict-aliasing",
                "-fno-tree-slp-vectorize", "-fno-math-errno", "-nostdinc", "-isystem",
                MUSL_INCLUDE, "-I" + guest.resolve("include"), "-fno-pie", "-fno-pic", "-ffunction-sections",
                "-fdata-sections", "-fno-asynchronous-unwind-tables", "-fno-stack-protector", "-w",
                "-ffile-prefix-map=" + c + "=.", "-ffile-prefix-map=" + guest + "=.");
        List<String> cc = new ArrayList<>(List.of("gcc"));
        cc.addAll(cflags);
        if (debug) {
            cc.add("-g"); // DWARF for the same code: -g changes no instruction
        }
        cc.addAll(List.of("-c", "all.c", "-o", work.resolve("all.o").toString()));
        run(cc, c, "gcc (compiling TeaVM's C output)");
        run(List.of("gcc", "-c", note.toString(), "-o", work.resolve("note.o").toString()), work,
                "gcc (assembling the manifest note)");
        Path elf = work.resolve(app.manifest().name() + ".kiln");
        // -n (nmagic): segments are not page-aligned in the file, only in memory (guest/kiln.ld): the
        // monitor copies them to their addresses and never maps the file, so the padding was dead weight.
        List<String> ld = new ArrayList<>(List.of("gcc", "-nostdlib", "-static", "-no-pie", "-Wl,-n", "-Wl,--gc-sections",
                "-Wl,-z,noexecstack", "-Wl,--build-id=none", "-Wl,-T," + guest.resolve("kiln.ld"),
                work.resolve("all.o").toString(), work.resolve("note.o").toString(), "-Wl,--start-group",
                guest.resolve("build/libkilnc.a").toString(), guest.resolve("build/libkiln.a").toString(),
                MUSL_LIBC, "-lgcc", "-Wl,--end-group", "-o", elf.toString()));
        run(ld, work, "linking the image");
        // The compiled-class list for `kiln inspect`: a section that is in the file but never loaded.
        run(List.of("objcopy", "--add-section", ImageInfo.CLASSES_SECTION + "=" + work.resolve("classes.z"),
                "--set-section-flags", ImageInfo.CLASSES_SECTION + "=readonly", elf.toString()), work,
                "objcopy (class list)");
        return elf;
    }

    /** Assembly for the manifest note (.note.kiln, owner "Kiln", type 1: see GuestImage). */
    static String noteAssembly(Manifest manifest) {
        byte[] desc = manifest.text().getBytes(StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder();
        s.append("    .section ").append(GuestImage.NOTE_SECTION).append(", \"a\", @note\n    .balign 4\n");
        s.append("    .long ").append(GuestImage.NOTE_OWNER.length() + 1).append("\n    .long ").append(desc.length)
                .append("\n    .long ").append(GuestImage.NOTE_TYPE_MANIFEST).append('\n');
        s.append("    .asciz \"").append(GuestImage.NOTE_OWNER).append("\"\n    .balign 4\n");
        for (int i = 0; i < desc.length; i += 16) {
            s.append("    .byte ");
            for (int j = i; j < Math.min(desc.length, i + 16); j++) {
                s.append(j > i ? "," : "").append(desc[j] & 0xff);
            }
            s.append('\n');
        }
        s.append("    .balign 4\n");
        s.append("    .section .note.GNU-stack, \"\", @progbits\n");
        return s.toString();
    }

    static byte[] deflate(String text) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    static String run(List<String> cmd, Path dir, String what) throws NativeBuildException, IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        byte[] output;
        try (InputStream in = p.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new NativeBuildException(what + " did not finish in 20 minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NativeBuildException(what + " was interrupted");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new NativeBuildException(failureReport(what, p.exitValue(), cmd, text));
        }
        return text;
    }

    /** How much of a failed tool's output the report keeps: its end, where the cause is. */
    static final int MAX_TOOL_OUTPUT = 6000;

    /**
     * A failed tool reported as a compiler reports: one complete line, the tool's first error
     * line after "failed (exit N)", then the command and the tool's output indented beneath as
     * context. The output can quote names from the input's class files, so it is escaped.
     */
    static String failureReport(String what, int exit, List<String> cmd, String output) {
        String tail = output.length() > MAX_TOOL_OUTPUT
                ? "...\n" + output.substring(output.length() - MAX_TOOL_OUTPUT) : output;
        // raw lines: indentedBeneath escapes what it is given, once
        List<String> lines = tail.lines().filter(l -> !l.isBlank()).map(String::stripTrailing).toList();
        String cause = lines.stream().filter(l -> l.contains("error:")).findFirst()
                .orElse(lines.isEmpty() ? "(no output)" : lines.getLast()).strip();
        if (cause.length() > 200) cause = cause.substring(0, 200) + "...";
        return indentedBeneath(what + " failed (exit " + exit + "): " + cause,
                "command: " + String.join(" ", cmd) + "\n" + tail);
    }

    /** Fails if the image's code contains syscall, sysenter or int $0x80, naming the function. */
    static void checkNoSyscall(Path elf) throws NativeBuildException, IOException {
        String dis = run(List.of("objdump", "-d", "--no-show-raw-insn", elf.toString()), elf.getParent(),
                "objdump");
        String function = "?";
        List<String> found = new ArrayList<>();
        for (String line : dis.split("\n")) {
            if (line.endsWith(">:")) {
                int lt = line.indexOf('<');
                function = line.substring(lt + 1, line.length() - 2);
            } else if (line.matches(".*\\t(syscall|sysenter|int +\\$0x80)\\b.*")) {
                found.add(function);
            }
        }
        if (!found.isEmpty()) {
            throw new NativeBuildException("the image contains system call instructions (there is no kernel in"
                    + " a Kiln image), in: " + String.join(", ", new TreeSet<>(found)));
        }
    }

    /** Fails unless the monitor would load the image: the one validation of the format, here at build time. */
    static void checkLoadable(Path elf) throws NativeBuildException {
        try {
            ImageInfo.read(elf);
        } catch (ImageException e) {
            throw new NativeBuildException("the linked image is not one Kiln's monitor accepts: " + e.getMessage());
        }
    }

    static void uncheck(IOException e) {
        throw new UncheckedIOException(e);
    }
}
