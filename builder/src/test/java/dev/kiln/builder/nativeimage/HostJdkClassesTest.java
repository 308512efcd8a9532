package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Native images compile java.lang.StrictMath and FdLibm from the running JDK's own class files, so
 * StrictMath's results are HotSpot's by construction: TeaVM's class loader hands out exactly those
 * bytes, hides TeaVM's TStrictMath, and still hides every other class of the host JDK.
 */
class HostJdkClassesTest {
    private final WithoutHostJdk loader = new WithoutHostJdk(HostJdkClassesTest.class.getClassLoader());

    private static byte[] jdkBytes(String name) throws Exception {
        return Files.readAllBytes(Path.of(URI.create("jrt:/java.base/" + name)));
    }

    private static byte[] read(URL url) throws Exception {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void strictMathAndFdLibmAreTheRunningJdksBytes() throws Exception {
        for (String name : List.of("java/lang/StrictMath.class", "java/lang/FdLibm.class", "java/lang/FdLibm$Exp.class",
                "java/lang/FdLibm$Pow.class", "java/lang/StrictMath$RandomNumberGeneratorHolder.class")) {
            URL url = loader.getResource(name);
            assertNotNull(url, name);
            assertEquals("jrt", url.getProtocol(), name);
            assertArrayEquals(jdkBytes(name), read(url), name);
            assertEquals(1, Collections.list(loader.getResources(name)).size(), name);
        }
    }

    @Test
    void teaVMsStrictMathIsHiddenAndTheRestOfTheJdkToo() throws Exception {
        assertNotNull(HostJdkClassesTest.class.getClassLoader().getResource("org/teavm/classlib/java/lang/TStrictMath.class"),
                "TeaVM's class library is on the class path");
        assertNull(loader.getResource("org/teavm/classlib/java/lang/TStrictMath.class"));
        assertNotNull(loader.getResource("org/teavm/classlib/java/lang/TMath.class"), "TeaVM's Math stays");
        for (String name : List.of("java/lang/Math.class", "java/lang/String.class", "java/lang/StrictMathX.class",
                "java/lang/FdLibmFoo.class")) {
            assertNull(loader.getResource(name), name);
            assertFalse(loader.getResources(name).hasMoreElements(), name);
        }
        assertFalse(HostJdkClasses.compiledFromHostJdk("java/lang/StrictMath.java"));
        assertTrue(HostJdkClasses.compiledFromHostJdk("java/lang/FdLibm$Sin.class"));
    }

    /** TeaVM compiles bytecode only: a native method in a future JDK's StrictMath would need Kiln's own code. */
    @Test
    void theJdksStrictMathHasNoNativeMethod() throws Exception {
        for (String name : List.of("java/lang/StrictMath.class", "java/lang/FdLibm.class", "java/lang/FdLibm$Sin.class",
                "java/lang/FdLibm$Hypot.class")) {
            new ClassReader(jdkBytes(name)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                        String[] exceptions) {
                    assertEquals(0, access & Opcodes.ACC_NATIVE, name + " " + method + descriptor + " is native");
                    return null;
                }
            }, ClassReader.SKIP_CODE);
        }
    }
}
