package dev.kiln.jvm;

import dev.kiln.image.FileTrees;
import dev.kiln.jvm.build.JvmImage;
import dev.kiln.jvm.build.JvmImageBuilder;
import dev.kiln.jvm.qemu.QemuRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The jvm flavor as the kiln command uses it: `kiln build --flavor jvm`, `kiln run` of a jvm image
 * and `kiln run --flavor jvm APP.jar`. Kiln's own errors (a bad jar, a bad image, QEMU missing,
 * a bad -p) are an IOException or IllegalArgumentException with a one-line message, which the
 * command reports as its own error (status 125, as for the native flavor).
 */
public final class JvmFlavor {
    /** Guest memory when the build is not told: a JVM, its runtime and the initramfs held in RAM. */
    public static final int DEFAULT_MEMORY_MB = 512;

    private JvmFlavor() {}

    /** True if the file is a jvm-flavor image (magic KILNJVM1; native images are ELF files). */
    public static boolean isImage(Path file) throws IOException {
        return Files.isRegularFile(file) && JvmImage.hasMagic(file);
    }

    /** True if the file starts like a zip (a jar). */
    public static boolean isJar(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
        }
    }

    /** NAME.kiln (or the jar's name) next to the jar. */
    public static Path defaultOutput(Path jar, String name) {
        String base = name != null ? name : jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.toAbsolutePath().getParent().resolve(base + ".kiln");
    }

    /** Builds an image with the default cache (~/.cache/kiln); progress lines go to {@code progress}. */
    public static JvmImageBuilder.Result build(JvmImageBuilder.Request request, PrintStream progress) throws IOException {
        return JvmImageBuilder.withDefaultCache(progress).build(request);
    }

    /**
     * Runs an image with the console on stdout; returns the app's exit status (124 on timeout,
     * 139 if the guest stopped without reporting one).
     */
    public static int run(Path image, List<String> publish, Duration timeout, QemuRunner.Accel accel, boolean kernelLog)
            throws IOException {
        List<QemuRunner.PortMapping> ports = publish.stream().map(QemuRunner.PortMapping::parse).toList();
        QemuRunner.Options o = new QemuRunner.Options(ports, timeout, accel, kernelLog, System.out, System.err, null);
        return QemuRunner.run(image, o).status();
    }

    /** What `kiln run --flavor jvm APP.jar` passes to its throwaway build. */
    public record BuildOptions(String mainClass, int memoryMb, List<String> args, Map<String, String> env,
                               Set<String> addModules, List<String> jvmOptions) {}

    /** `kiln run --flavor jvm APP.jar`: builds a throwaway image, then runs it. */
    public static int buildAndRun(Path jar, BuildOptions b, List<String> publish, Duration timeout,
                                  QemuRunner.Accel accel, boolean kernelLog) throws IOException {
        Path dir = Files.createTempDirectory("kiln-run-jar-");
        try {
            Path image = dir.resolve("app.kiln");
            build(new JvmImageBuilder.Request(jar, b.mainClass(), null, b.memoryMb(), b.args(), b.env(), b.addModules(),
                    b.jvmOptions(), image), System.err);
            return run(image, publish, timeout, accel, kernelLog);
        } finally {
            FileTrees.deleteQuietly(dir);
        }
    }

    /** The --accel value: auto, kvm or tcg. */
    public static QemuRunner.Accel accel(String name) {
        try {
            return QemuRunner.Accel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--accel must be auto, kvm or tcg, not '" + name + "'");
        }
    }
}
