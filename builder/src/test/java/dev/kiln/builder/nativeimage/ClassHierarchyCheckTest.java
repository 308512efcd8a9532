package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A supertype that exists nowhere is a use of a missing class (the build reports it with the rest),
 * a hierarchy with a cycle is one build error, both before TeaVM runs (the build fuzz found a mutated
 * superclass {@code java/\uFDEEg/Object} that TeaVM turned into C including a header that does not
 * exist, and gcc failed).
 */
class ClassHierarchyCheckTest {
    private static final org.teavm.parsing.ClasspathClassHolderSource LIBRARY =
            ClassHierarchyCheck.libraryView(NativeImageBuilder.class.getClassLoader());

    private static byte[] cls(String name, String superName, String... interfaces) {
        ClassWriter cw = new ClassWriter(0);
        int access = Opcodes.ACC_PUBLIC | (superName.equals("java/lang/Object") && name.startsWith("I")
                ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : Opcodes.ACC_SUPER);
        cw.visit(Opcodes.V11, access, name, null, superName, interfaces);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static Map<String, byte[]> input(byte[]... classes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (byte[] c : classes) m.put(new org.objectweb.asm.ClassReader(c).getClassName() + ".class", c);
        return m;
    }

    private static UnsupportedUse missing(String className, String site) {
        return new UnsupportedUse(className, null, UnsupportedUse.Reason.MISSING_CLASS,
                new UnsupportedUse.CallSite(site, null, null, -1));
    }

    @Test
    void supertypesFromTheInputTeaVMsClassLibraryAndTheLibraryOsAreFound() throws Exception {
        assertEquals(List.of(), ClassHierarchyCheck.check(input(
                cls("Main", "Base", "java/lang/Runnable", "IShape"),
                cls("Base", "java/util/ArrayList"),
                cls("IShape", "java/lang/Object"),
                cls("Conn", "java/net/Socket")), LIBRARY));
    }

    @Test
    void aSuperclassThatExistsNowhereIsAMissingClass() throws Exception {
        assertEquals(List.of(missing("java.\uFDEEg.Object", "Main")),
                ClassHierarchyCheck.check(input(cls("Main", "java/\uFDEEg/Object")), LIBRARY));
        assertEquals(List.of(missing("java.langObject", "Main")),
                ClassHierarchyCheck.check(input(cls("Main", "java/langObject")), LIBRARY));
    }

    @Test
    void aMissingInterfaceIsOneAndTheReportEscapesItsName() throws Exception {
        List<UnsupportedUse> uses = ClassHierarchyCheck.check(
                input(cls("Main", "java/lang/Object", "java/lang/Runnable", "a\nb/Gone")), LIBRARY);
        assertEquals(List.of(missing("a\nb.Gone", "Main")), uses);
        String report = new UnsupportedApiReport("Main", c -> null).addAll(uses).render();
        assertTrue(report.startsWith("Main cannot be compiled to a native image: it uses 1 API that Kiln's native"
                + " images do not have, in 1 class (a\\u000ab.Gone); each is listed below"), report);
        assertTrue(report.contains("\n    a\\u000ab.Gone (no JDK module): neither in the input nor a JDK class"), report);
    }

    @Test
    void aJdkClassOutsideTeaVMsClassLibraryIsNotTakenFromTheHostJdk() throws Exception {
        assertEquals(List.of(missing("javax.swing.JFrame", "Main")),
                ClassHierarchyCheck.check(input(cls("Main", "javax/swing/JFrame")), LIBRARY));
    }

    @Test
    void aClassThatIsItsOwnSupertypeIsRefused() {
        var e = assertThrows(NativeBuildException.class,
                () -> ClassHierarchyCheck.check(input(cls("Main", "Main")), LIBRARY));
        assertEquals("class \"Main\" is its own supertype (\"Main\" -> \"Main\")", e.getMessage());
        e = assertThrows(NativeBuildException.class, () -> ClassHierarchyCheck.check(
                input(cls("A", "B"), cls("B", "java/lang/Object", "IC"), cls("IC", "java/lang/Object", "A")),
                LIBRARY));
        assertEquals("class \"A\" is its own supertype (\"A\" -> \"B\" -> \"IC\" -> \"A\")", e.getMessage());
    }

    @Test
    void aMalformedDescriptorInAnInstructionIsRefusedBeforeTeaVM() {
        // the build fuzz: a bit flip made a call's descriptor "(I)V" into "h)V", and TeaVM threw
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "Main", null, "java/lang/Object", null);
        var mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "Main", "run", "h)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        var e = assertThrows(NativeBuildException.class, () -> ClassFileCheck.check("Main.class", cw.toByteArray()));
        assertEquals("Main.class is not a valid class file (IllegalArgumentException: Invalid descriptor: h)V)",
                e.getMessage());
    }

    @Test
    void aClassFileWhosePathIsNotItsNameIsRefused() {
        var e = assertThrows(NativeBuildException.class,
                () -> ClassFileCheck.check("Main.class", cls("Other", "java/lang/Object")));
        assertEquals("Main.class holds class \"Other\": a class file's path must match its class name",
                e.getMessage());
    }
}
