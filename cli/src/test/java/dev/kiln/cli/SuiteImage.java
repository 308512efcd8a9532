package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.builder.nativeimage.AppInput;
import dev.kiln.builder.nativeimage.NativeImageBuilder;
import dev.kiln.image.GuestImage;
import dev.kiln.vmm.Kvm;
import dev.kiln.vmm.Vm;
import dev.kiln.vmm.VmConfig;
import dev.kiln.vmm.VmExit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one image that NativeConformanceTest and NativeDifferencesTest share: every program under
 * builder/src/test/conformance (and its area subdirectories), bench/compute's kernels (not their
 * driver) and builder/src/test/differences, compiled together so that TeaVM and gcc run once per
 * JVM (cli's surefire runs every test class in one JVM; the image takes ~8 minutes and ~4.4 GB
 * cold). Its entry point, Suite, is generated with one case per program (a top-level class in the
 * default package with the file's name and a main method), so adding a program is adding a file.
 * Both sides run the same Suite class: HotSpot as a child {@code java}, the image as a VM on the
 * real VMM, each with stderr merged into stdout (a VM's console is one stream).
 */
final class SuiteImage {
    static final Path KILN_HOME = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();
    static final Path CONFORMANCE = KILN_HOME.resolve("builder/src/test/conformance");
    static final Path DIFFERENCES = KILN_HOME.resolve("builder/src/test/differences");
    private static final Path COMPUTE = KILN_HOME.resolve("bench/compute");
    private static final String JAVA_BIN = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * HotSpot's heap bound for the reference runs: about what the image's 64 MB leave for its heap.
     * Without it OutOfMemory fills HotSpot's default heap (a quarter of the host's memory: 6 GB and
     * 20 s here) before it gets its OutOfMemoryError.
     */
    private static final String HOTSPOT_HEAP = "-Xmx64m";

    private static SuiteImage built;

    private final Path classes;
    private final Path image;

    private SuiteImage(Path classes, Path image) {
        this.classes = classes;
        this.image = image;
    }

    record Run(int status, String output) {
    }

    /** The image, built by the first test class that asks in this JVM; the others reuse it. */
    static synchronized SuiteImage get() throws Exception {
        if (built == null) {
            Path tmp = Files.createTempDirectory("kiln-suite");
            // Shared by test classes, so no @TempDir of one of them: removed when the JVM ends.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
            built = build(tmp);
        }
        return built;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }

    private static SuiteImage build(Path tmp) throws Exception {
        List<String> all = new ArrayList<>(allSources());
        all.add(writeSuite(tmp.resolve("suite"), names(allSources())).toString());
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        // Compiled with this JDK's default release (class file 69): the builder must bring them down itself.
        Process javac = new ProcessBuilder(Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin",
                "javac").toString(), "-nowarn", "-d", classes.toString()), all.stream()).toList())
                .inheritIO().start();
        assertEquals(0, javac.waitFor(), "javac of the conformance and difference programs");
        copyResources(CONFORMANCE, classes);
        AppInput app = AppInput.resolve(classes, "Suite");
        // ~/.cache/kiln/native, as `kiln build`: keyed by content, so later runs and fresh clones reuse the image.
        NativeImageBuilder builder = NativeImageBuilder.fromEnvironment(System.err::println);
        return new SuiteImage(classes, builder.build(app).image());
    }

    /**
     * The programs' resources: every other file beside them, at its path below its area's
     * directory (conformance/files/filesdata/lines.txt is the resource filesdata/lines.txt), so
     * HotSpot finds them on its class path and the image has them compiled in.
     */
    private static void copyResources(Path root, Path classes) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                Path target = classes.resolve((rel.getNameCount() > 1 ? rel.subpath(1, rel.getNameCount()) : rel).toString());
                if (Files.exists(target)) {
                    throw new IllegalStateException("two conformance resources at " + target + ": " + f);
                }
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private static List<String> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }

    /** The conformance programs and the compute benchmarks' kernels (not their driver): equal to HotSpot. */
    static List<String> conformanceSources() throws IOException {
        List<String> files = new ArrayList<>(sources(CONFORMANCE));
        sources(COMPUTE).stream().filter(f -> !f.endsWith("/ComputeBench.java")).forEach(files::add);
        return files;
    }

    /** The known differences from HotSpot (docs/native-images.md): each prints what the two disagree on. */
    static List<String> differenceSources() throws IOException {
        return sources(DIFFERENCES);
    }

    private static List<String> allSources() throws IOException {
        List<String> all = new ArrayList<>(conformanceSources());
        all.addAll(differenceSources());
        return all;
    }

    static List<String> conformancePrograms() throws IOException {
        return names(conformanceSources());
    }

    static List<String> differencePrograms() throws IOException {
        return names(differenceSources());
    }

    /** The class names of these sources, checked unique across both directories (they share one Suite). */
    private static List<String> names(List<String> files) throws IOException {
        List<String> all = new ArrayList<>();
        for (String f : allSources()) {
            String name = programName(f);
            if (name.equals("Suite") || all.contains(name)) {
                throw new IllegalStateException("program names must be unique across conformance/ and differences/"
                        + " and not Suite: " + f);
            }
            all.add(name);
        }
        return files.stream().map(SuiteImage::programName).sorted().toList();
    }

    private static String programName(String file) {
        return Path.of(file).getFileName().toString().replace(".java", "");
    }

    /**
     * The image's entry point: the first argument picks the program, the rest are its arguments.
     * HotSpot runs the same class, so both sides go through this dispatch.
     */
    private static Path writeSuite(Path dir, List<String> programs) throws IOException {
        StringBuilder java = new StringBuilder("""
                public class Suite {
                    public static void main(String[] args) throws Exception {
                        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
                        switch (args[0]) {
                """);
        for (String p : programs) {
            java.append("            case \"").append(p).append("\" -> ").append(p).append(".main(rest);\n");
        }
        java.append("""
                            default -> throw new IllegalArgumentException("no conformance program " + args[0]);
                        }
                    }
                }
                """);
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("Suite.java"), java);
    }

    private static Run run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    Run hotspot(String program) throws Exception {
        return run(List.of(JAVA_BIN, HOTSPOT_HEAP, "-cp", classes.toString(), "Suite", program));
    }

    /**
     * A new VM in this JVM for each program, as {@code kiln run IMAGE -- PROGRAM} boots it (the
     * manifest's memory, no network), its console captured. In process rather than a child
     * {@code kiln run}: a JVM start per program was most of this suite's time, and the CLI's own
     * path is what the other tests run.
     */
    Run unikernel(String program) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        VmConfig config = new VmConfig(GuestImage.load(image), 0, Duration.ofSeconds(120), List.of(program), List.of(),
                console);
        try (Kvm kvm = Kvm.open(); Vm vm = Vm.create(kvm, config)) {
            VmExit exit = vm.run();
            switch (exit) {
                case VmExit.Exited e -> {}
                case VmExit.Crashed c -> console.writeBytes(("kiln: " + c.report().format()).getBytes(StandardCharsets.UTF_8));
                default -> console.writeBytes(("kiln: " + exit.describe() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new Run(exit.exitStatus(), console.toString(StandardCharsets.UTF_8));
        }
    }
}
