package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `kiln bench size`: a stripped image's parts add up to the file `kiln build` writes, byte for byte. */
class BenchSizeTest {
    static final Path HOME = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();

    @Test
    void hellosPartsAddUpToTheImageKilnBuildWrites(@TempDir Path tmp) throws Exception {
        Path hello = HOME.resolve("examples/hello");
        var r = KilnProcess.run("bench", "size", hello.toString());
        assertEquals(0, r.exitStatus(), r.toString());
        List<String> lines = r.stdout().lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().trim().split("\\s+"));
        assertEquals(List.of("image", "stripped", "app", "libos", "kiln_rt", "jdk", "teavm_run", "call_site",
                "c_runtime", "libc", "libm", "unnamed", "layout"), header, r.toString());
        String row = lines.stream().filter(l -> l.startsWith("hello ")).findFirst().orElseThrow(() -> new AssertionError(r));
        long[] figures = Arrays.stream(row.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        long parts = Arrays.stream(figures).skip(1).sum();
        assertEquals(figures[0], parts, "the parts add up to the stripped size: " + row);
        for (String part : List.of("app", "libos", "kiln_rt", "jdk", "teavm_run", "call_site", "c_runtime")) {
            assertTrue(figures[header.indexOf(part) - 1] > 0, part + " has bytes: " + row);
        }

        Path image = tmp.resolve("hello.kiln");
        var build = KilnProcess.run("build", hello.toString(), "-o", image.toString());
        assertEquals(0, build.exitStatus(), build.toString());
        assertEquals(Files.size(image), figures[0], "the stripped size is the size of the image kiln build writes");
        assertEquals("size hello=" + figures[0], lines.getLast(), r.toString());
        long kb = (figures[0] + 999) / 1000;
        assertTrue(lines.contains("target hello: " + kb + " KB stripped, at most 150 KB: "
                + (kb <= 150 ? "met" : "over by " + (kb - 150) + " KB")), r.toString());
    }

    @Test
    void aDirectoryThatIsNoProjectIsRefused(@TempDir Path tmp) throws Exception {
        var r = KilnProcess.run("bench", "size", tmp.toString());
        assertEquals(125, r.exitStatus(), r.toString());
        assertTrue(r.stderr().contains("is not a Kiln project (no kiln.properties)"), r.toString());
    }
}
