package dev.kiln.builder.nativeimage;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * Brings class files from a JDK newer than TeaVM knows to a version TeaVM reads.
 *
 * <p>TeaVM 0.16.0 parses class files with a relocated ASM 9.10.1, which reads Java 25's (major
 * 69; the conformance suite compiled by JDK 25 passes with its class files unchanged). TeaVM
 * 0.12.3's stopped at 68, and this class wrote 65 then. A newer JDK's class files are
 * rewritten with version 69 and otherwise kept, on the bet that javac's output for ordinary code
 * gains no attribute or constant-pool entry from one release to the next (none did from 21 to
 * 25): nestmates (NestHost/NestMembers), records (Record), sealed classes
 * (PermittedSubclasses), invokedynamic string concatenation, lambdas, switch
 * bootstraps and condy are carried over untouched and TeaVM handles them (it
 * substitutes StringConcatFactory, LambdaMetafactory, ObjectMethods and
 * SwitchBootstraps). Anything it cannot compile is reported by TeaVM with the call
 * site, which {@link TeaVMCompiler} turns into a build error.
 */
public final class ClassFileDowngrader {
    /** The newest class file version TeaVM reads, the version written for newer ones: Java 25. */
    public static final int TARGET_VERSION = Opcodes.V25;

    private ClassFileDowngrader() {
    }

    /** The major version of a class file (bytes 6 and 7). */
    public static int majorVersion(byte[] classFile) {
        if (classFile.length < 8 || (classFile[0] & 0xff) != 0xca || (classFile[1] & 0xff) != 0xfe
                || (classFile[2] & 0xff) != 0xba || (classFile[3] & 0xff) != 0xbe) {
            throw new IllegalArgumentException("not a class file (no CAFEBABE magic)");
        }
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** Returns the class file rewritten for TeaVM (version at most 65, everything else as it was). */
    public static byte[] downgrade(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode tree = new ClassNode();
        reader.accept(tree, 0);
        ClassWriter writer = new ClassWriter(0);
        tree.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                int major = version & 0xffff;
                int minor = version >>> 16;
                int newVersion = major > TARGET_VERSION ? TARGET_VERSION : major | (minor << 16);
                super.visit(newVersion, access, name, signature, superName, interfaces);
            }

        });
        return writer.toByteArray();
    }
}
