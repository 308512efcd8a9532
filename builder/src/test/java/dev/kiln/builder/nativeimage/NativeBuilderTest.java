package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.image.ImageInfo;
import dev.kiln.image.StaticIp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native builder without a VM: class-file downgrade, jar input, image contents, build errors. */
class NativeBuilderTest {
    static final Path KILN_HOME = Path.of(System.getProperty("kiln.home", "..")).toAbsolutePath().normalize();
    static NativeImageBuilder builder;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void guestRuntime() throws Exception {
        // The guest runtime archives come from `make -C guest` (the launcher and the vmm module run it too).
        Process make = new ProcessBuilder("make", "-s", "-C", KILN_HOME.resolve("guest").toString())
                .inheritIO().start();
        assertEquals(0, make.waitFor(), "make -C guest");
        builder = new NativeImageBuilder(KILN_HOME, tmp.resolve("cache"), System.err::println);
    }

    static Map<String, byte[]> compile(String className, String source) throws Exception {
        Path src = Files.createTempDirectory(tmp, "src");
        Files.writeString(src.resolve(className + ".java"), source);
        return AppInput.compile(src);
    }

    @Test
    void jdk25ClassFilesAreBroughtToAVersionTeaVMReads() throws Exception {
        Map<String, byte[]> classes = compile("Modern", """
                import java.util.function.Supplier;
                public class Modern {
                    sealed interface S permits A, B {}
                    record A(int x) implements S {}
                    record B(String s) implements S {}
                    public static void main(String[] args) {
                        S s = args.length > 0 ? new A(1) : new B("b");
                        String d = switch (s) { case A a -> "a" + a.x(); case B b -> "b" + b.s(); };
                        Supplier<String> sup = () -> d + args.length;
                        System.out.println(sup.get() + " " + new A(2));
                    }
                }
                """);
        byte[] main = classes.get("Modern.class");
        assertEquals(69, ClassFileDowngrader.majorVersion(main), "javac of JDK 25 writes class file version 69");
        for (byte[] c : classes.values()) {
            assertEquals(69, ClassFileDowngrader.majorVersion(ClassFileDowngrader.downgrade(c)), "TeaVM reads 69");
            byte[] newer = c.clone();
            newer[7] = 70; // what a JDK 26 javac writes
            assertEquals(69, ClassFileDowngrader.majorVersion(ClassFileDowngrader.downgrade(newer)));
        }
        // Records, sealed types, pattern switch, lambdas and string concatenation all compile to C.
        Path image = builder.build(new AppInput(classes, "Modern", AppInput.defaultManifest("modern"))).image();
        assertTrue(Files.size(image) > 0);
    }

    @Test
    void jarWithMainClassBuildsAnImageWithManifestAndClassList() throws Exception {
        Map<String, byte[]> classes = compile("Greeter", """
                public class Greeter {
                    public static void main(String[] args) { System.out.println("hello from a jar"); }
                }
                """);
        Path jar = tmp.resolve("greeter.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Greeter");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.putNextEntry(new JarEntry("Greeter.class"));
            out.write(classes.get("Greeter.class"));
            out.closeEntry();
        }
        AppInput app = AppInput.resolve(jar, null);
        assertEquals("Greeter", app.mainClass());
        assertEquals(AppInput.defaultManifest("greeter"), app.manifest());
        // Every manifest key, with values that need escaping: the monitor's reader gets back what was asked for.
        app = new AppInput(app.classes(), app.mainClass(), app.manifest()
                .with("greeter", 48, List.of("a b", "line\nbreak", "ü"), List.of("K=V=W"))
                .withIp(StaticIp.parse("10.0.0.9/24,10.0.0.1")));
        NativeImageBuilder.Result r = builder.build(app);
        ImageInfo info = ImageInfo.read(r.image());
        assertEquals(app.manifest(), info.manifest());
        assertTrue(info.classes().contains("Greeter"), "class list: " + info.classes());
        assertTrue(info.classes().contains("java.lang.String"));
        assertTrue(info.text() > 10_000 && info.data() > 0 && info.bss() > 0);
        assertTrue(builder.build(app).cached(), "a second build of the same input comes from the cache");
        NativeImageBuilder.checkNoSyscall(r.image());
    }

    @Test
    void helloExampleIsSmall() throws Exception {
        Path image = builder.build(AppInput.resolve(KILN_HOME.resolve("examples/hello"), null)).image();
        Path stripped = tmp.resolve("hello.stripped");
        Process strip = new ProcessBuilder("strip", "-o", stripped.toString(), image.toString()).inheritIO().start();
        assertEquals(0, strip.waitFor());
        long size = Files.size(stripped);
        System.err.println("examples/hello: image " + Files.size(image) + " bytes, stripped " + size + " bytes");
        assertTrue(size <= 300 * 1024, "hello image stripped is " + size + " bytes, the target is at most 300 KB");
    }

    @Test
    void reflectionFailsTheBuildNamingTheCallSite() throws Exception {
        Map<String, byte[]> classes = compile("Reflective", """
                public class Reflective {
                    public static void main(String[] args) throws Exception {
                        Class<?> c = Class.forName(args[0]);
                        Object o = c.getDeclaredConstructor().newInstance();
                        System.out.println(c.getMethod("toString").invoke(o));
                    }
                }
                """);
        NativeBuildException e = assertThrows(NativeBuildException.class,
                () -> builder.build(new AppInput(classes, "Reflective", AppInput.defaultManifest("reflective"))));
        String m = e.getMessage();
        assertTrue(m.contains("at Reflective.main(Reflective.java:3)"), "the call site is named:\n" + m);
        assertTrue(m.contains("java.lang.Class.forName") && m.contains("getDeclaredConstructor") && m.contains("invoke"),
                "the method is named:\n" + m);
    }
}
