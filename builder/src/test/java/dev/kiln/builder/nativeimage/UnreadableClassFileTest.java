package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The "TeaVM failed: java.lang.IllegalArgumentException: Unsupported class file major version
 * 69", with no file named: a class file on TeaVM's class path that its ASM cannot read is named with
 * where it came from and its version.
 */
class UnreadableClassFileTest {
    @TempDir
    Path dir;

    @Test
    void aClassFileNewerThanKilnReadsIsNamedWithItsLocation() throws Exception {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V25 + 1, Opcodes.ACC_PUBLIC, "lib/Newer", null, "java/lang/Object", null);
        Files.createDirectories(dir.resolve("lib"));
        Files.write(dir.resolve("lib/Newer.class"), cw.toByteArray());
        ClassWriter ok = new ClassWriter(0);
        ok.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, "lib/Fine", null, "java/lang/Object", null);
        Files.write(dir.resolve("lib/Fine.class"), ok.toByteArray());
        try (URLClassLoader jar = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            WithoutHostJdk loader = new WithoutHostJdk(jar);
            loader.getResource("lib/Newer.class");
            loader.getResource("lib/Fine.class");
            loader.getResource("java/lang/String.class"); // the host JDK's: hidden, so never named
            assertEquals(List.of(dir.resolve("lib/Newer.class").toUri().toURL() + " (class file version 70, Java 26)"),
                    loader.unreadableClassFiles(ClassFileCheck.MAX_MAJOR));
        }
    }
}
