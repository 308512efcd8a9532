package dev.kiln.builder.nativeimage;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Brings class files from any current JDK to a version TeaVM 0.12.3 reads.
 *
 * <p>TeaVM 0.12.3 parses class files with a relocated ASM that stops at Java 24
 * (major 68) and refuses JDK 25's default, 69. Between Java 21 (65) and 25 the class
 * file format gained no attribute and no constant-pool entry that javac emits for
 * ordinary code, so a class file above 65 is rewritten with version 65 and otherwise
 * kept: nestmates (NestHost/NestMembers), records (Record), sealed classes
 * (PermittedSubclasses), invokedynamic string concatenation, lambdas, switch
 * bootstraps and condy are carried over untouched and TeaVM handles them (it
 * substitutes StringConcatFactory, LambdaMetafactory, ObjectMethods and
 * SwitchBootstraps). Anything it cannot compile is reported by TeaVM with the call
 * site, which {@link TeaVMCompiler} turns into a build error.
 *
 * <p>While rewriting, calls and method references to methods that TeaVM 0.12.3's class
 * library lacks (Integer.sum, Long.max and the like) are redirected to equivalents in
 * {@code dev.kiln.rt.KilnRuntime}.
 */
public final class ClassFileDowngrader {
    /** The class file version written: Java 21. */
    public static final int TARGET_VERSION = Opcodes.V21;

    private static final String RT = "dev/kiln/rt/KilnRuntime";
    /** owner.name+desc of missing JDK methods, and the KilnRuntime method that stands in. */
    private static final Map<String, String> REDIRECTS = Map.ofEntries(
            Map.entry("java/lang/System.exit(I)V", "exit"),
            Map.entry("java/lang/Integer.sum(II)I", "intSum"),
            Map.entry("java/lang/Integer.max(II)I", "intMax"),
            Map.entry("java/lang/Integer.min(II)I", "intMin"),
            Map.entry("java/lang/Long.sum(JJ)J", "longSum"),
            Map.entry("java/lang/Long.max(JJ)J", "longMax"),
            Map.entry("java/lang/Long.min(JJ)J", "longMin"),
            Map.entry("java/lang/Double.sum(DD)D", "doubleSum"),
            Map.entry("java/lang/Double.max(DD)D", "doubleMax"),
            Map.entry("java/lang/Double.min(DD)D", "doubleMin"),
            Map.entry("java/lang/Float.sum(FF)F", "floatSum"),
            Map.entry("java/lang/Float.max(FF)F", "floatMax"),
            Map.entry("java/lang/Float.min(FF)F", "floatMin"));

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

    /** Returns the class file rewritten for TeaVM (version at most 65, missing JDK methods redirected). */
    public static byte[] downgrade(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                int major = version & 0xffff;
                int minor = version >>> 16;
                int newVersion = major > TARGET_VERSION ? TARGET_VERSION : major | (minor << 16);
                super.visit(newVersion, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mName, String mDesc,
                            boolean isInterface) {
                        String target = opcode == Opcodes.INVOKESTATIC ? REDIRECTS.get(owner + "." + mName + mDesc)
                                : null;
                        if (target != null) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, target, mDesc, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, mName, mDesc, isInterface);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String iName, String iDesc, Handle bootstrap,
                            Object... args) {
                        Object[] mapped = args.clone();
                        for (int i = 0; i < mapped.length; i++) {
                            if (mapped[i] instanceof Handle h && h.getTag() == Opcodes.H_INVOKESTATIC) {
                                String target = REDIRECTS.get(h.getOwner() + "." + h.getName() + h.getDesc());
                                if (target != null) {
                                    mapped[i] = new Handle(Opcodes.H_INVOKESTATIC, RT, target, h.getDesc(), false);
                                }
                            }
                        }
                        super.visitInvokeDynamicInsn(iName, iDesc, bootstrap, mapped);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
