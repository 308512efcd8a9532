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
 * class loading and native (JNI) methods in the application's classes. TeaVM 0.12.3's C
 * target does not report these itself (it emits C that does not compile, or code that fails
 * at run time), so each is a build error naming the class, method and call site.
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

    static void check(Map<String, byte[]> classes) throws NativeBuildException {
        List<String> problems = new ArrayList<>();
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
                    String where = className + "." + name;
                    if ((access & Opcodes.ACC_NATIVE) != 0) {
                        problems.add("native (JNI) method " + where + descriptor + " cannot be compiled into an image");
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        int line = -1;

                        @Override
                        public void visitLineNumber(int l, Label start) {
                            line = l;
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String mName, String mDesc,
                                boolean itf) {
                            Set<String> denied = DENIED.get(owner);
                            if (denied != null && denied.contains(mName)) {
                                problems.add(kind(owner) + ": " + owner.replace('/', '.') + "." + mName
                                        + " is not supported in a native image\n    at " + where + "("
                                        + (source[0] != null ? source[0] : "unknown source")
                                        + (line > 0 ? ":" + line : "") + ")");
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
        }
        if (!problems.isEmpty()) {
            throw new NativeBuildException(problems.size() + " call" + (problems.size() == 1 ? "" : "s")
                    + " that a native image cannot make (use the jvm flavor for such programs):\n"
                    + String.join("\n", problems));
        }
    }

    private static String kind(String owner) {
        return switch (owner) {
            case "java/lang/ClassLoader" -> "dynamic class loading";
            case "java/lang/System", "java/lang/Runtime" -> "native libraries / processes";
            default -> "reflection";
        };
    }
}
