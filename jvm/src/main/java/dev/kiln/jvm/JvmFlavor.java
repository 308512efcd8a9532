package dev.kiln.cli.jvm;

import dev.kiln.image.FileTrees;
import dev.kiln.builder.jvm.JvmImage;
import dev.kiln.cli.UserError;
import dev.kiln.runner.qemu.QemuRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The jvm flavor of `kiln run`. */
public final class JvmRun {
    private JvmRun() {}

    /** True if the file is a jvm-flavor image (magic KILNJVM1; native images are ELF files). */
    public static boolean isJvmImage(Path image) throws IOException {
        return Files.isRegularFile(image) && JvmImage.hasMagic(image);
    }

    /**
     * Runs a jvm image; returns the app's exit status (124 on timeout, 139 if the guest stopped without
     * reporting one). Kiln's own errors (bad image, QEMU missing, bad -p) are thrown as {@link UserError},
     * so they end in status 125 like the native flavor's.
     */
    public static int run(Path image, List<String> publish, Duration timeout, QemuRunner.Accel accel, boolean kernelLog) {
        try {
            List<QemuRunner.PortMapping> ports = publish.stream().map(QemuRunner.PortMapping::parse).toList();
            QemuRunner.Options o = new QemuRunner.Options(ports, timeout, accel, kernelLog, System.out, System.err, null);
            return QemuRunner.run(image, o).status();
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** True if the file starts like a zip (a jar). */
    public static boolean isJar(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
        }
    }

    /** `kiln run --flavor jvm APP.jar`: builds a throwaway image (defaults of `kiln build`) and runs it. */
    public static int buildAndRun(Path jar, List<String> publish, Duration timeout, QemuRunner.Accel accel,
            boolean kernelLog) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kiln-run-jar-");
            Path img = dir.resolve("app.kiln");
            JvmBuild.build(jar, null, null, 512, List.of(), java.util.Map.of(), List.of(), List.of(), img, false);
            return run(img, publish, timeout, accel, kernelLog);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        } finally {
            if (dir != null) FileTrees.deleteQuietly(dir);
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
