package dev.kiln.jvm.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking a nested jar for jdeps: its sizes and entry counts are untrusted (a zip bomb is refused, not written out). */
class AppClassPathTest {
    @TempDir
    Path tmp;

    /** A Spring Boot style jar: BOOT-INF/classes/ entries of the given sizes, all zeros (they compress to almost nothing). */
    private Path bootJar(int... sizes) throws IOException {
        Path jar = tmp.resolve("app.jar");
        try (OutputStream f = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(f)) {
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < sizes.length; i++) {
                z.putNextEntry(new ZipEntry("BOOT-INF/classes/data" + i + ".bin"));
                for (int left = sizes[i]; left > 0; left -= zeros.length) z.write(zeros, 0, Math.min(left, zeros.length));
                z.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aJarWithinTheBudgetIsUnpacked() throws Exception {
        Path jar = bootJar(1000, 2000);
        List<AppClassPath.Unit> units = AppClassPath.units(List.of(jar), tmp.resolve("work"), new AppClassPath.Budget(3000, 10));
        assertEquals(1, units.size(), units.toString());
        assertEquals(2000, Files.size(units.getFirst().path().resolve("data1.bin")));
    }

    @Test
    void moreBytesThanTheBudgetAreRefusedAndNotWrittenOut() throws Exception {
        Path jar = bootJar(8 << 20); // 8 MiB of zeros: a few KB in the jar
        Path work = tmp.resolve("work");
        IOException e = assertThrows(IOException.class,
                () -> AppClassPath.units(List.of(jar), work, new AppClassPath.Budget(1 << 20, 10)));
        assertTrue(e.getMessage().contains("unpacks to more than 1 MiB: refused (a zip bomb?)"), e.getMessage());
        try (var files = Files.walk(work)) {
            long written = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            assertTrue(written <= 1 << 20, "wrote " + written + " bytes");
        }
    }

    @Test
    void moreEntriesThanTheBudgetAreRefused() throws Exception {
        Path jar = bootJar(1, 1, 1, 1);
        IOException e = assertThrows(IOException.class,
                () -> AppClassPath.units(List.of(jar), tmp.resolve("work"), new AppClassPath.Budget(1 << 20, 3)));
        assertTrue(e.getMessage().contains("unpacks to more than 3 files"), e.getMessage());
    }
}
