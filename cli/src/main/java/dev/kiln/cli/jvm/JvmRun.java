package dev.kiln.cli.jvm;

import dev.kiln.builder.jvm.JvmImage;
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

    /** Runs a jvm image; returns the app's exit status (124 on timeout, 125 if none was reported, 1 on errors). */
    public static int run(Path image, List<String> publish, Duration timeout, QemuRunner.Accel accel, boolean kernelLog) {
        try {
            List<QemuRunner.PortMapping> ports = publish.stream().map(QemuRunner.PortMapping::parse).toList();
            QemuRunner.Options o = new QemuRunner.Options(ports, timeout, accel, kernelLog, System.out, System.err, null);
            return QemuRunner.run(image, o).status();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("kiln: run: error: " + e.getMessage());
            return 1;
        }
    }

    static int runFromCli(Path image, List<String> publish, Long timeoutSeconds, String accel, boolean kernelLog) {
        try {
            if (!Files.exists(image)) {
                System.err.println("kiln: run: error: " + image + ": no such file");
                return 1;
            }
            if (!isJvmImage(image)) {
                System.err.println("kiln: run: error: " + image + " is not a jvm-flavor image (no KILNJVM1 magic)"
                        + " and this build runs no other flavor");
                return 1;
            }
        } catch (IOException e) {
            System.err.println("kiln: run: error: " + e.getMessage());
            return 1;
        }
        QemuRunner.Accel a;
        try {
            a = QemuRunner.Accel.valueOf(accel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("kiln: run: error: --accel must be auto, kvm or tcg");
            return 2;
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            System.err.println("kiln: run: error: --timeout must be positive");
            return 2;
        }
        return run(image, publish, timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), a, kernelLog);
    }
}
