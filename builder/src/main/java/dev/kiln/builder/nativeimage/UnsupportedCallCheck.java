package dev.kiln.builder.nativeimage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds what TeaVM cannot compile into a working image before it runs: reflection, dynamic
 * class loading and native (JNI) methods in the application's classes, wherever they are (not
 * only in code reachable from main). TeaVM's C target does not report these itself (it emits C
 * that does not compile, or code that fails at run time), so each is an {@link UnsupportedUse}
 * with its call site, for the build's {@link UnsupportedApiReport}. Allowed because TeaVM compiles it
 * right: {@code Class.forName} of a string constant (conformance program ReflectForName).
 */
final class UnsupportedCallCheck {
    private static final Map<String, Set<String>> DENIED = Map.of(
            "java/lang/Class", Set.of("forName", "getDeclaredConstructor", "getDeclaredConstructors",
                    "getConstructor", "getConstructors", "getDeclaredMethod", "getDeclaredMethods", "getMethod",
                    "getMethods", "getDeclaredField", "getDeclaredFields", "getField", "getFields", "newInstance",
                    "getRecordComponents"),
            "java/lang/reflect/Method", Set.of("invoke"),
            "java/lang/reflect/Constructor", Set.of("newInstance"),
            "java/lang/reflect/Field", Set.of("get", "set", "getInt", "setInt", "getLong", "setLong", "getBoolean",
                    "setBoolean", "getDouble", "setDouble"),
            "java/lang/reflect/Proxy", Set.of("newProxyInstance"),
            // getting a class loader is fine: an image's answers getResourceAsStream (its resources)
            "java/lang/ClassLoader", Set.of("loadClass", "defineClass"),
            "java/lang/System", Set.of("loadLibrary", "load"),
            "java/lang/Runtime", Set.of("loadLibrary", "load", "exec"),
            "java/lang/invoke/MethodHandles$Lookup", Set.of("findVirtual", "findStatic", "findConstructor",
                    "findGetter", "findSetter", "unreflect"));

    private UnsupportedCallCheck() {
    }

    /** Every such call and native method, wherever it is in the input. */
    static List<UnsupportedUse> check(Map<String, byte[]> classes) {
        List<UnsupportedUse> problems = new ArrayList<>();
        for (byte[] bytes : classes.values()) {
            ClassReader reader = new ClassReader(bytes);
            String[] source = {null};
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                String className;

                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                        String[] interfaces) {
                    className = name.replace('/', '.');
                }

                @Override
                public void visitSource(String file, String debug) {
                    source[0] = file;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    if ((access & Opcodes.ACC_NATIVE) != 0) {
                        String simple = className.substring(className.lastIndexOf('.') + 1);
                        problems.add(new UnsupportedUse(UnsupportedUse.JNI,
                                simple + "." + UnsupportedUse.method(className, name, descriptor),
                                UnsupportedUse.Reason.NATIVE_METHOD,
                                new UnsupportedUse.CallSite(className, name, source[0], -1)));
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        int line = -1;
                        /** the instruction just before was a string constant (javac's {@code Class.forName("a.B")}) */
                        boolean afterStringConstant;

                        @Override
                        public void visitLineNumber(int l, Label start) {
                            line = l;
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            afterStringConstant = value instanceof String;
                        }

                        @Override
                        public void visitLabel(Label label) { // a jump may land here with another value
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitInsn(int opcode) {
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitIntInsn(int opcode, int operand) {
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitVarInsn(int opcode, int var) {
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String fName, String fDesc) {
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String n, String d, org.objectweb.asm.Handle bsm, Object... args) {
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitJumpInsn(int opcode, Label label) {
                            afterStringConstant = false;
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String mName, String mDesc,
                                boolean itf) {
                            boolean literalName = afterStringConstant;
                            afterStringConstant = false;
                            // Class.forName("a.B"): TeaVM's ReflectionTransformer makes it the class constant
                            // a.B plus its initialisation (ClassNotFoundException if no such class): it works
                            if (literalName && owner.equals("java/lang/Class") && mName.equals("forName")
                                    && mDesc.equals("(Ljava/lang/String;)Ljava/lang/Class;")) {
                                return;
                            }
                            Set<String> denied = DENIED.get(owner);
                            if (denied != null && denied.contains(mName)) {
                                String cls = owner.replace('/', '.');
                                problems.add(new UnsupportedUse(cls, UnsupportedUse.method(cls, mName, mDesc),
                                        UnsupportedUse.Reason.REFUSED_CALL,
                                        new UnsupportedUse.CallSite(className, name, source[0], line)));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
        }
        return problems;
    }
}
