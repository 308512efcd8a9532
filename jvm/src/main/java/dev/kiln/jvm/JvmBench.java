package dev.kiln.jvm;

import dev.kiln.image.FileTrees;
import dev.kiln.jvm.build.JarMaker;
import dev.kiln.jvm.build.JvmImageBuilder;
import dev.kiln.jvm.qemu.QemuRunner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * `kiln bench jvm`: builds a hello jar into a jvm image, boots it a few times and reports the image
 * size, the kernel size and the boot-to-main time (QEMU start to the first line printed by main).
 */
public final class JvmBench {
    static final String GREETING = "hello from a kiln jvm microVM";
    static final String HELLO = """
            public class Hello {
                public static void main(String[] args) {
                    System.out.println("%s");
                }
            }
            """.formatted(GREETING);

    private JvmBench() {}

    public static int run(String accelName, int runs, PrintStream out, PrintStream err) {
        if (runs < 1 || runs > 20) {
            err.println("kiln: bench: --runs must be 1..20");
            return 2;
        }
        QemuRunner.Accel requested;
        try {
            requested = JvmFlavor.accel(accelName);
        } catch (IllegalArgumentException e) {
            err.println("kiln: bench: " + e.getMessage());
            return 2;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kiln-bench-jvm-");
            Path jar = JarMaker.make(dir.resolve("hello.jar"), "Hello", Map.of("Hello.java", HELLO));
            JvmImageBuilder.Result built = JvmImageBuilder.withDefaultCache(err).build(new JvmImageBuilder.Request(
                    jar, null, "hello", 256, List.of(), Map.of(), Set.of(), List.of(), dir.resolve("hello.kiln")));
            String accel = QemuRunner.chooseAccel(requested, err);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                PrintStream cap = new PrintStream(console, true, StandardCharsets.UTF_8);
                QemuRunner.Result r = QemuRunner.run(built.image(), new QemuRunner.Options(List.of(),
                        Duration.ofSeconds(120), QemuRunner.Accel.valueOf(accel.toUpperCase(Locale.ROOT)), false,
                        cap, err, null));
                String text = console.toString(StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (r.status() != 0 || !first.equals(GREETING)) {
                    err.println("kiln: bench: boot " + (i + 1) + " failed: status " + r.status() + ", console:\n" + text);
                    return 1;
                }
                long ms = r.firstLineNanos() / 1_000_000;
                times.add(ms);
                out.printf("boot %d: main's first line after %d ms, VM gone after %d ms%n", i + 1, ms, r.totalNanos() / 1_000_000);
            }
            List<Long> sorted = times.stream().sorted().toList();
            long median = sorted.get(sorted.size() / 2);
            double imageMb = built.imageBytes() / 1048576.0;
            double kernelMb = built.kernelBytes() / 1048576.0;
            out.printf("image %.1f MB (kernel %.2f MB, initramfs %.1f MB gzip; modules %s)%n", imageMb, kernelMb,
                    built.initramfsBytes() / 1048576.0, String.join(",", built.modules()));
            out.printf("boot to main: median %d ms of %d boots, under %s%s%n", median, runs, accel.toUpperCase(Locale.ROOT),
                    accel.equals("tcg") ? " (emulated: this host's KVM does not run guest kernel code fast)" : "");
            out.printf(Locale.ROOT, "jvm image_mb=%.1f kernel_mb=%.2f boot_to_main_ms=%d accel=%s%n", imageMb, kernelMb, median, accel);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("kiln: bench: error: " + e.getMessage());
            return 1;
        } finally {
            if (dir != null) FileTrees.deleteQuietly(dir);
        }
    }
}
