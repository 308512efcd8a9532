package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * libos's KilnSubstitutionPolicy maps com.sun.net.httpserver (the jdk.httpserver module's API,
 * which the builder hides from TeaVM with the rest of the host JDK) to Kiln's own classes, and
 * nothing else of that module: TeaVM's class lookup, as the builder configures it, finds
 * HttpServer, HttpHandler and Filter.Chain, but not the JDK's implementation (sun.net.httpserver)
 * nor the provider SPI, which Kiln does not have.
 */
class HttpServerSubstitutionTest {
    private static final org.teavm.parsing.ClasspathClassHolderSource LIBRARY =
            ClassHierarchyCheck.libraryView(NativeImageBuilder.class.getClassLoader());

    private static byte[] cls(String name, int access, String superName, String... interfaces) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V21, access, name, null, superName, interfaces);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static Map<String, byte[]> input(byte[]... classes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (byte[] c : classes) {
            m.put(new ClassReader(c).getClassName() + ".class", c);
        }
        return m;
    }

    @Test
    void theHttpServerApiIsFoundInKilnsClassLibrary() throws Exception {
        assertEquals(java.util.List.of(), ClassHierarchyCheck.check(input(
                cls("MyServer", Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/sun/net/httpserver/HttpServer"),
                cls("MyHandler", Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "java/lang/Object",
                        "com/sun/net/httpserver/HttpHandler"),
                cls("MyChain", Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/sun/net/httpserver/Filter$Chain"),
                cls("MyHeaders", Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/sun/net/httpserver/Headers")), LIBRARY));
    }

    @Test
    void theJdksImplementationAndTheProviderSpiAreNot() throws Exception {
        assertEquals(java.util.List.of(missing("sun.net.httpserver.ServerImpl", "Impl")), ClassHierarchyCheck.check(input(
                cls("Impl", Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "sun/net/httpserver/ServerImpl")), LIBRARY));
        assertEquals(java.util.List.of(missing("com.sun.net.httpserver.spi.HttpServerProvider", "Provider")),
                ClassHierarchyCheck.check(input(cls("Provider", Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                        "com/sun/net/httpserver/spi/HttpServerProvider")), LIBRARY));
    }

    private static UnsupportedUse missing(String className, String site) {
        return new UnsupportedUse(className, null, UnsupportedUse.Reason.MISSING_CLASS,
                new UnsupportedUse.CallSite(site, null, null, -1));
    }
}
