package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `kiln inspect` as a user runs it: what it shows of a real image, and one line for an image `kiln run` would refuse. */
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
}
