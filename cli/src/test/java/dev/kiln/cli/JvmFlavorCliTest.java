package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jvm flavor through the kiln command a user types: examples/hello-jvm as a jar,
 * `kiln build --flavor jvm`, then `kiln run IMAGE` recognizing the flavor by the image's magic
 * and booting it in a real QEMU microVM.
 */
class JvmFlavorCliTest {
    @TempDir Path dir;

    @Test
    void buildThenRunTheHelloJarExample() throws Exception {
        Path jar = helloJar();
        Path image = dir.resolve("hello.kiln");
        var build = KilnProcess.run("build", "--flavor", "jvm", jar.toString(), "-o", image.toString());
        assertEquals(0, build.exitStatus(), build.toString());
        assertTrue(Files.size(image) > 1_000_000, build.toString());

        var inspect = KilnProcess.run("inspect", image.toString());
        assertEquals(0, inspect.exitStatus(), inspect.toString());
        assertTrue(inspect.stdout().contains("\nmain: Hello\n") && inspect.stdout().contains("\nmodules: java.base"),
                inspect.toString());

                var run = KilnProcess.run("run", "--timeout", "240", image.toString()); // a hang guard: TCG on a loaded machine is slow
        assertEquals(0, run.exitStatus(), run.toString());
        assertEquals("Hello from a Kiln jvm microVM, Java 25!\n", run.stdout(), run.toString());
        assertTrue(run.stderr().contains("QEMU microvm"), run.toString());
    }

    @Test
    void aBrokenJarIsKilnsOwnErrorWithTheSameStatusAsTheNativeFlavor() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jar"), "PK\u0003\u0004 this is not a zip archive");
        var build = KilnProcess.run("build", "--flavor", "jvm", broken.toString(), "-o", dir.resolve("b.kiln").toString());
        assertEquals(125, build.exitStatus(), build.toString());
        assertTrue(build.stderr().startsWith("kiln: error: "), build.toString());
        var run = KilnProcess.run("run", "--flavor", "jvm", broken.toString());
        assertEquals(125, run.exitStatus(), run.toString());
        assertTrue(run.stderr().contains("kiln: error: "), run.toString());
    }

    private Path helloJar() throws Exception {
        Path source = Path.of(System.getProperty("kiln.home"), "examples/hello-jvm/Hello.java");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, rc, "javac of " + source);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        Path jar = dir.resolve("hello.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
            out.closeEntry();
        }
        return jar;
    }
}
