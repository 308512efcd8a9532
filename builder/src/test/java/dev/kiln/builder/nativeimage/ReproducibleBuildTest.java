package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.image.FileTrees;
import dev.kiln.image.elf.ElfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of one input are the same bytes, image and debug file (and a debug build's sources),
 * wherever they run: here the second build has another copy of the project, another Kiln home
 * (guest runtime and libos sources copied elsewhere), another build cache and, as every build,
 * another temporary build directory; both run in this JVM, so TeaVM sees other identity hash codes
 * the second time. The image names its debug file by a CRC of it, so a difference anywhere in the
 * debug file's DWARF makes another image: `kiln compose up` then saw a rebuilt service as changed.
 */
class ReproducibleBuildTest {
    @TempDir
    static Path tmp;
    static Path homeTwo;

    @BeforeAll
    static void twoKilnHomes() throws Exception {
        Process make = new ProcessBuilder("make", "-s", "-C", NativeBuilderTest.KILN_HOME.resolve("guest").toString())
                .inheritIO().start();
        assertEquals(0, make.waitFor(), "make -C guest");
        homeTwo = tmp.resolve("elsewhere/another-checkout");
        copy(NativeBuilderTest.KILN_HOME.resolve("guest"), homeTwo.resolve("guest"));
        copy(NativeBuilderTest.KILN_HOME.resolve("libos/src/main/java"), homeTwo.resolve("libos/src/main/java"));
    }

    @Test
    void aDebugBuildIsTheSameBytesInAnotherPlace() throws Exception {
        NativeImageBuilder.Result one = buildHello(NativeBuilderTest.KILN_HOME, tmp.resolve("a"), true);
        NativeImageBuilder.Result two = buildHello(homeTwo, tmp.resolve("elsewhere/b/c"), true);
        assertSameBytes(one.debugFile(), two.debugFile());
        assertSameBytes(one.image(), two.image());
        assertEquals(one.cacheKey(), two.cacheKey(), "the cache key does not depend on where the sources are");
        assertEquals(tree(one.sources()), tree(two.sources()), "the sources beside the image");
        for (NativeImageBuilder.Result r : List.of(one, two)) {
            String debug = new String(Files.readAllBytes(r.debugFile()), StandardCharsets.ISO_8859_1);
            assertFalse(debug.contains("kiln-build-"), "the debug file names the temporary build directory");
            assertFalse(debug.contains(NativeBuilderTest.KILN_HOME.toString() + "/"), "the debug file names Kiln's checkout");
            assertFalse(debug.contains(tmp.toString()), "the debug file names where the input was");
        }
        // what gdb reads: the guest's headers are named where the sources beside have them
        String lines = run("readelf", "--debug-dump=line", one.debugFile().toString());
        assertTrue(lines.contains("include/kiln"), "the image's C includes guest/include/kiln");
        assertTrue(Files.isRegularFile(one.sources().resolve("include/kiln/kiln.h")), "guest headers beside");
    }

    @Test
    void aReleaseBuildIsTheSameBytesInAnotherPlace() throws Exception {
        NativeImageBuilder.Result one = buildHello(NativeBuilderTest.KILN_HOME, tmp.resolve("r1"), false);
        NativeImageBuilder.Result two = buildHello(homeTwo, tmp.resolve("elsewhere/r2"), false);
        assertSameBytes(one.debugFile(), two.debugFile());
        assertSameBytes(one.image(), two.image());
        assertEquals(one.cacheKey(), two.cacheKey());
    }

    /** examples/hello copied under {@code where}, built with the Kiln home given into a cache of its own. */
    private static NativeImageBuilder.Result buildHello(Path kilnHome, Path where, boolean debug) throws Exception {
        Path project = where.resolve("hello");
        copy(NativeBuilderTest.KILN_HOME.resolve("examples/hello"), project);
        NativeImageBuilder builder = new NativeImageBuilder(kilnHome, where.resolve("cache"), System.err::println);
        NativeImageBuilder.Options options = debug
                ? new NativeImageBuilder.Options(true, List.of(project.resolve("src")))
                : NativeImageBuilder.Options.DEFAULT;
        NativeImageBuilder.Result r = builder.build(AppInput.resolve(project, null), options);
        assertFalse(r.cached(), "a fresh cache: really built");
        return r;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        FileTrees.copy(from, to);
    }

    /** Equal bytes, or a failure naming the ELF section (or header) where they first differ. */
    static void assertSameBytes(Path a, Path b) throws IOException {
        byte[] x = Files.readAllBytes(a);
        byte[] y = Files.readAllBytes(b);
        int at = java.util.Arrays.mismatch(x, y);
        if (at < 0) return;
        String where = "the ELF headers";
        for (ElfFile.Section s : ElfFile.parse(x).sections()) {
            if (s.type() != ElfFile.SHT_NOBITS && at >= s.offset() && at < s.offset() + s.size()) {
                where = "section " + s.name() + " at +" + (at - s.offset());
            }
        }
        fail(a.getFileName() + " differs between two builds of one input: " + x.length + " and " + y.length
                + " bytes, first at offset " + at + " (" + where + "): " + a + " " + b);
    }

    /** Path under the root -> SHA-256 of the file (a failure then shows which file differs). */
    private static TreeMap<String, String> tree(Path root) throws Exception {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }
}
