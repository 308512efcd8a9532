package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** The module and loader table of ClassCastException's message, from the app's class files and this JDK. */
class ClassModuleTableTest {
    private static byte[] classNaming(String name, String... classes) {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        for (String c : classes) {
            w.newClass(c);
        }
        w.visitEnd();
        return w.toByteArray();
    }

    @Test
    void appPackagesAndTheJdkModulesOutsideJavaBaseTheAppNames() {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put("Main.class", classNaming("Main", "java/util/logging/Logger", "java/lang/String",
                "[[Ljava/sql/Date;", "[I"));
        classes.put("com/example/Shape.class", classNaming("com/example/Shape"));
        assertEquals("""
                \tunnamed module of loader 'app'
                com.example\tunnamed module of loader 'app'
                java.sql\tmodule java.sql of loader 'platform'
                java.util.logging\tmodule java.logging of loader 'bootstrap'
                """, ClassModuleTable.text(classes));
    }
}
