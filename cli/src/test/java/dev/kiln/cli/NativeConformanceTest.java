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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native conformance suite: every program under builder/src/test/conformance (and its
 * subdirectories, one per area: concurrency, behaviour, ...) and bench/compute (the CPU-heavy
 * ones, at small sizes) runs on HotSpot (a child `java`) and as a unikernel
 * (a VM on the real VMM, booted as `kiln run IMAGE -- PROGRAM` would), and the outputs are compared byte for byte,
 * exit statuses too. All programs share one image, so TeaVM and gcc run once: its entry point,
 * Suite, is generated here with one case per program (a program is a top-level class in the
 * default package with the file's name and a main method), so adding a program is adding a file.
 *
 * <p>The console of a VM is one stream, so both sides merge stderr into stdout. Stack traces
 * are compared too (UncaughtException, StackTraces): Kiln prints the application's frames as
 * HotSpot does, so those programs keep their traces to the application's own code.
 */
class NativeConformanceTest {
    static Path kilnHome = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();
    static Path classes;
    static Path image;
    static String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void buildSuite() throws Exception {
        List<String> all = new ArrayList<>(programSources());
        all.add(writeSuite(tmp.resolve("suite"), programs()).toString());
        classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        // Compiled with this JDK's default release (class file 69): the builder must bring them down itself.
        Process javac = new ProcessBuilder(Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin",
                "javac").toString(), "-nowarn", "-d", classes.toString()), all.stream()).toList())
                .inheritIO().start();
        assertEquals(0, javac.waitFor(), "javac of the conformance programs");
        copyResources(kilnHome.resolve("builder/src/test/conformance"), classes);
        AppInput app = AppInput.resolve(classes, "Suite");
        // ~/.cache/kiln/native, as `kiln build`: keyed by content, so later runs and fresh clones reuse the image.
        NativeImageBuilder builder = NativeImageBuilder.fromEnvironment(System.err::println);
        image = builder.build(app).image();
    }

    /**
     * The programs' resources: every other file beside them, at its path below its area's
     * directory (conformance/files/filesdata/lines.txt is the resource filesdata/lines.txt), so
     * HotSpot finds them on its class path and the image has them compiled in.
     */
    static void copyResources(Path root, Path classes) throws IOException {
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

    static List<String> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }

    /** The conformance programs and the compute benchmarks' kernels (not their driver). */
    static List<String> programSources() throws IOException {
        List<String> files = new ArrayList<>(sources(kilnHome.resolve("builder/src/test/conformance")));
        sources(kilnHome.resolve("bench/compute")).stream().filter(f -> !f.endsWith("/ComputeBench.java"))
                .forEach(files::add);
        return files;
    }

    static List<String> programs() throws IOException {
        List<String> names = new ArrayList<>();
        for (String f : programSources()) {
            String name = Path.of(f).getFileName().toString().replace(".java", "");
            if (name.equals("Suite") || names.contains(name)) {
                throw new IllegalStateException("conformance program names must be unique and not Suite: " + f);
            }
            names.add(name);
        }
        return names.stream().sorted().toList();
    }

    /**
     * The image's entry point: the first argument picks the program, the rest are its arguments.
     * HotSpot runs the same class, so both sides go through this dispatch.
     */
    static Path writeSuite(Path dir, List<String> programs) throws IOException {
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

    record Run(int status, String output) {
    }

    static Run run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * HotSpot's heap bound for the reference runs: about what the image's 64 MB leave for its heap.
     * Without it OutOfMemory fills HotSpot's default heap (a quarter of the host's memory: 6 GB and
     * 20 s here) before it gets its OutOfMemoryError.
     */
    static final String HOTSPOT_HEAP = "-Xmx64m";

    static Run hotspot(String program) throws Exception {
        return run(List.of(javaBin, HOTSPOT_HEAP, "-cp", classes.toString(), "Suite", program));
    }

    /**
     * A new VM in this JVM for each program, as {@code kiln run IMAGE -- PROGRAM} boots it (the
     * manifest's memory, no network), its console captured. In process rather than a child
     * {@code kiln run}: a JVM start per program was most of this suite's time, and the CLI's own
     * path is what the other tests run.
     */
    static Run unikernel(String program) throws Exception {
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

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return programs().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Run hs = hotspot(name);
            Run vm = unikernel(name);
            assertEquals(hs.status(), vm.status(), name + ": exit status\nunikernel output:\n" + vm.output());
            assertEquals(hs.output(), vm.output(), name + ": output");
        }));
    }
}
