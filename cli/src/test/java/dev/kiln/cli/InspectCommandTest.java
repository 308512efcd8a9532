package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kiln inspect` as a user runs it: what it shows of a real image, and one line for an image `kiln run`
 * would refuse, including the images the image fuzzer broke (kiln fuzz images): each refused with one
 * clear line and exit status 125, never a stack trace, an out-of-memory or a line of raw bytes.
 */
class InspectCommandTest {
    @TempDir Path dir;

    @Test
    void showsTheManifestAndSizesOfARealImage() throws Exception {
        var r = KilnProcess.run("inspect", KilnProcess.guest("tests/manifest.elf").toString());
        assertEquals(0, r.exitStatus(), r.toString());
        for (String line : new String[] {"name: manifest-test", "memory_mb: 48", "arg: first", "arg: second arg",
                "env: GREETING=hi", "java classes: 0"}) {
            assertTrue(r.stdout().lines().anyMatch(line::equals), line + " in\n" + r);
        }
        assertTrue(r.stdout().lines().anyMatch(l -> l.matches("text: [1-9][0-9]* bytes")), r.toString());
    }

    @Test
    void refusesWhatRunRefusesWithOneLine() throws Exception {
        byte[] good = Files.readAllBytes(KilnProcess.guest("tests/hello.elf"));
        Path truncated = Files.write(dir.resolve("truncated.kiln"), Arrays.copyOf(good, good.length / 2));
        var inspect = KilnProcess.run("inspect", truncated.toString());
        var run = KilnProcess.run("run", truncated.toString());
        assertEquals(125, inspect.exitStatus(), inspect.toString());
        assertEquals(125, run.exitStatus(), run.toString());
        assertTrue(inspect.stderr().startsWith("kiln: error: " + truncated + ": ") && inspect.stderr().contains("truncated"),
                inspect.toString());
        assertEquals(1, inspect.stderr().lines().count(), inspect.toString());
        assertEquals(inspect.stderr(), run.stderr(), "inspect and run refuse with the same words");

        var directory = KilnProcess.run("inspect", dir.toString());
        assertEquals(125, directory.exitStatus(), directory.toString());
        assertTrue(directory.stderr().contains("is a directory"), directory.toString());
    }

    @Test
    void buildRefusesAnAddressTheManifestCannotHoldBeforeCompiling() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.write(classes.resolve("A.class"), Files.readAllBytes(compiledHello()));
        var r = KilnProcess.run("build", classes.toString(), "--main", "A", "--ip", "10.0.0.0/24",
                "-o", dir.resolve("a.kiln").toString());
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals("kiln: error: 10.0.0.0/24 is the subnet's network or broadcast address\n", r.stderr(), r.toString());
    }

    private Path compiledHello() throws Exception {
        Path src = Files.writeString(dir.resolve("A.java"), "public class A { public static void main(String[] a) {} }");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString());
        assertEquals(0, rc);
        return dir.resolve("A.class");
    }

    private Path broken(String name, java.util.function.Consumer<ByteBuffer> edit) throws Exception {
        byte[] b = Files.readAllBytes(KilnProcess.guest("tests/manifest.elf"));
        edit.accept(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
        Path p = dir.resolve(name + ".kiln");
        Files.write(p, b);
        return p;
    }

    private static int kilnNote(ByteBuffer b) {
        byte[] owner = "Kiln\0".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 12; i + 5 <= b.capacity(); i++) {
            for (int k = 0; k < 5; k++) if (b.get(i + k) != owner[k]) continue outer;
            if (b.getInt(i - 12) == 5) return i - 12;
        }
        throw new AssertionError("no Kiln note in the test guest");
    }

    private static void refusedWithOneLine(KilnProcess r, String expected) {
        assertEquals(125, r.exitStatus(), r.toString());
        assertEquals(1, r.stderr().lines().count(), "one line: " + r);
        assertTrue(r.stderr().startsWith("kiln: error: ") && r.stderr().contains(expected), r.toString());
        assertTrue(r.stderr().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "printable: " + r);
    }

    @Test
    void aNoteNameOfTwoGigabytesIsRefused() throws Exception { // was an OutOfMemoryError
        Path p = broken("namesz", b -> b.putInt(kilnNote(b), 0x7fffffff));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "note");
    }

    @Test
    void sectionHeadersOverTheElfHeaderAreRefusedWithoutItsBytes() throws Exception { // was a name of raw bytes
        Path p = broken("shoff", b -> b.putLong(40, 0x40));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "");
    }

    @Test
    void sectionHeadersBeyondTheFileAreRefused() throws Exception { // was an IndexOutOfBoundsException
        Path p = broken("shoff-max", b -> b.putLong(40, Long.MAX_VALUE));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "");
    }

    @Test
    void aWritableAndExecutableSegmentIsRefusedAsRunRefusesIt() throws Exception { // inspect used to show it
        Path p = broken("wx", b -> b.putInt((int) b.getLong(32) + 4, 7));
        refusedWithOneLine(KilnProcess.run("inspect", p.toString()), "both writable and executable (W^X)");
    }
}
