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

    @Test
    void aJdkClassLoadedByNameIsNamedWithItsModuleAndRunTakesTheBuildsFlags() throws Exception {
        // jdeps cannot see a class named in a string: the image lacks java.desktop, and kiln says so.
        Path source = Files.writeString(dir.resolve("Reflective.java"), """
                public class Reflective {
                    public static void main(String[] args) throws Exception {
                        Class<?> c = Class.forName("java.beans." + "PropertyEditorSupport");
                        System.out.println("loaded " + c.getSimpleName() + " " + System.getProperty("kiln.greeting"));
                    }
                }
                """);
        Path jar = jar(source, "Reflective", null); // no Main-Class: --main names it
        var bare = KilnProcess.run("run", "--flavor", "jvm", "--main", "Reflective", "--timeout", "240", jar.toString());
        assertEquals(1, bare.exitStatus(), bare.toString());
        // The guest's console (its stdout and stderr) is kiln's stdout; kiln's own lines go to stderr.
        assertTrue(bare.stdout().contains("ClassNotFoundException: java.beans.PropertyEditorSupport"), bare.toString());
        assertTrue(bare.stderr().contains("kiln: the app needs java.beans.PropertyEditorSupport, in the JDK module"
                + " java.desktop, which this image lacks: build it with --add-modules java.desktop"), bare.toString());

        var fixed = KilnProcess.run("run", "--flavor", "jvm", "--main", "Reflective", "--add-modules", "java.desktop",
                "--jvm-option=-Dkiln.greeting=hi", "--timeout", "240", jar.toString());
        assertEquals(0, fixed.exitStatus(), fixed.toString());
        assertEquals("loaded PropertyEditorSupport hi\n", fixed.stdout(), fixed.toString());
        assertTrue(fixed.stderr().contains("java.desktop (--add-modules)"), fixed.toString());

        Path image = dir.resolve("reflective.kiln");
        var build = KilnProcess.run("build", "--flavor", "jvm", "--main", "Reflective", "--add-modules", "java.desktop",
                "--jvm-option=-Dkiln.greeting=hi", jar.toString(), "-o", image.toString());
        assertEquals(0, build.exitStatus(), build.toString());
        var inspect = KilnProcess.run("inspect", image.toString());
        assertTrue(inspect.stdout().contains("\nmain: Reflective\n") && inspect.stdout().contains("\njvm_option: -Dkiln.greeting=hi\n")
                && inspect.stdout().matches("(?s).*\nmodules: [^\n]*java\\.desktop.*"), inspect.toString());
        var baked = KilnProcess.run("run", "--jvm-option=-Dx=y", image.toString());
        assertEquals(125, baked.exitStatus(), baked.toString());
        assertTrue(baked.stderr().contains("baked into a jvm image"), baked.toString());
    }

    private Path jar(Path source, String className, String mainClass) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes-" + className));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, rc, "javac of " + source);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Path jar = dir.resolve(className.toLowerCase() + ".jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(className + ".class"));
            out.write(Files.readAllBytes(classes.resolve(className + ".class")));
            out.closeEntry();
        }
        return jar;
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
