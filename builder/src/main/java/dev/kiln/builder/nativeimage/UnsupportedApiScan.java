package dev.kiln.builder.nativeimage;

import dev.kiln.builder.nativeimage.UnsupportedUse.CallSite;
import dev.kiln.builder.nativeimage.UnsupportedUse.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.teavm.model.ClassReaderSource;
import org.teavm.model.FieldReference;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodReference;

/**
 * Every class and member outside the input that the input's reachable code uses and that TeaVM's
 * view of the class library (its classlib and libos, as the substitution policies map them) does
 * not have. TeaVM stops at the first missing item of a basic block (it cuts the rest of the block,
 * so whatever only that code reaches is never analysed): fixing one problem revealed the next,
 * a rebuild each. This scan goes through all of it at once.
 *
 * <p>Reachability is computed over the input's classes from main, more generously than TeaVM's
 * (which follows the types that values can have): a virtual call reaches every input method of that
 * name and descriptor in an instantiated class, and an instantiated class's methods that override
 * a library method are reachable (the library may call them). The library itself is not scanned:
 * what TeaVM finds missing there comes from TeaVM's own report.
 */
final class UnsupportedApiScan {
    private final Map<String, ClassNode> input = new HashMap<>();
    private final ClassReaderSource library;
    private final List<UnsupportedUse> uses = new ArrayList<>();
    private final Set<String> reachable = new HashSet<>();
    private final Deque<MethodNode> work = new ArrayDeque<>();
    private final Map<MethodNode, ClassNode> ownerOf = new HashMap<>();
    private final Set<String> instantiated = new HashSet<>();
    private final Set<String> initialised = new HashSet<>();
    private final Set<String> calledVirtually = new HashSet<>();
    private final Map<String, Boolean> libraryClasses = new HashMap<>();

    private UnsupportedApiScan(Map<String, byte[]> classes, ClassReaderSource library) {
        this.library = library;
        for (var e : classes.entrySet()) {
            if (!e.getKey().endsWith(".class") || e.getKey().endsWith("module-info.class")) continue;
            ClassNode node = new ClassNode();
            new ClassReader(e.getValue()).accept(node, ClassReader.SKIP_FRAMES);
            input.put(node.name, node);
        }
    }

    /** The uses, in the order found; {@code mainClass} dotted. */
    static List<UnsupportedUse> scan(Map<String, byte[]> classes, String mainClass, ClassReaderSource library) {
        UnsupportedApiScan s = new UnsupportedApiScan(classes, library);
        String main = mainClass.replace('.', '/');
        s.initialise(main);
        s.markDeclared(main, "main", "([Ljava/lang/String;)V");
        s.run();
        return s.uses;
    }

    /**
     * The uses that TeaVM's own view still lacks once its class transformers have run: they add
     * members to library classes (Kiln's KilnTeaVMTransformer adds System.exit, Math.fma...; TeaVM's
     * NumericClassTransformer...), which the raw class library the scan reads does not show. TeaVM's
     * SystemClassTransformer turns the fields System.in, out and err into calls of its methods.
     */
    static List<UnsupportedUse> confirmed(List<UnsupportedUse> uses, ClassReaderSource teavm) {
        List<UnsupportedUse> kept = new ArrayList<>();
        for (UnsupportedUse u : uses) {
            try {
                if (teavm.get(u.className()) == null) {
                    kept.add(u);
                } else if (u.jvmMember() != null && !isSystemStream(u.className(), u.jvmMember())) {
                    boolean found = u.jvmMember().contains("(")
                            ? teavm.resolve(new MethodReference(u.className(), MethodDescriptor.parse(u.jvmMember()))) != null
                            : teavm.resolve(new FieldReference(u.className(), u.jvmMember())) != null;
                    if (!found) {
                        kept.add(new UnsupportedUse(u.className(), u.member(), Reason.MISSING_MEMBER, u.site(), u.jvmMember()));
                    }
                }
            } catch (RuntimeException e) { // TeaVM could not even look it up: missing for it
                kept.add(u);
            }
        }
        return kept;
    }

    /** System.in, out and err: fields that TeaVM's SystemClassTransformer turns into calls of TSystem's methods. */
    private static boolean isSystemStream(String className, String member) {
        return className.equals("java.lang.System") && Set.of("in", "out", "err").contains(member);
    }

    private void run() {
        while (!work.isEmpty()) {
            MethodNode m = work.pop();
            ClassNode c = ownerOf.get(m);
            int line = -1;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LineNumberNode l) {
                    line = l.line;
                    continue;
                }
                CallSite site = new CallSite(c.name.replace('/', '.'), m.name, c.sourceFile, line);
                visit(insn, site);
            }
        }
    }

    private void visit(AbstractInsnNode insn, CallSite site) {
        switch (insn) {
            case MethodInsnNode mi -> call(mi.owner, mi.name, mi.desc, mi.getOpcode(), site);
            case FieldInsnNode fi -> field(fi.owner, fi.name, fi.desc, fi.getOpcode() == Opcodes.GETSTATIC
                    || fi.getOpcode() == Opcodes.PUTSTATIC, site);
            case TypeInsnNode ti -> {
                if (ti.getOpcode() == Opcodes.NEW) {
                    // a library class: the constructor call that follows names it
                    if (input.containsKey(ti.desc)) instantiate(ti.desc);
                } else if (ti.getOpcode() != Opcodes.INSTANCEOF) { // TeaVM answers false for a missing class: right
                    type(Type.getObjectType(ti.desc), site);
                }
            }
            case MultiANewArrayInsnNode ma -> type(Type.getType(ma.desc), site);
            case LdcInsnNode ldc -> constant(ldc.cst, site);
            case InvokeDynamicInsnNode indy -> {
                for (Object arg : indy.bsmArgs) constant(arg, site);
            }
            default -> {
            }
        }
    }

    private void constant(Object cst, CallSite site) {
        if (cst instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            type(t, site);
        } else if (cst instanceof Handle h) {
            if (h.getTag() <= Opcodes.H_PUTSTATIC) {
                field(h.getOwner(), h.getName(), h.getDesc(), h.getTag() == Opcodes.H_GETSTATIC
                        || h.getTag() == Opcodes.H_PUTSTATIC, site);
            } else {
                if (h.getTag() == Opcodes.H_NEWINVOKESPECIAL && input.containsKey(h.getOwner())) instantiate(h.getOwner());
                int opcode = switch (h.getTag()) {
                    case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                    case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                    case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                    default -> Opcodes.INVOKESPECIAL;
                };
                call(h.getOwner(), h.getName(), h.getDesc(), opcode, site);
            }
        }
    }

    /** A class named in code (cast, array, class literal): its element type must exist. */
    private void type(Type t, CallSite site) {
        if (t.getSort() == Type.ARRAY) t = t.getElementType();
        if (t.getSort() != Type.OBJECT || input.containsKey(t.getInternalName())) return;
        if (!inLibrary(t.getInternalName())) {
            uses.add(new UnsupportedUse(t.getClassName(), null, Reason.MISSING_CLASS, site));
        }
    }

    private void call(String owner, String name, String desc, int opcode, CallSite site) {
        if (owner.startsWith("[")) return; // clone() of an array
        boolean isStatic = opcode == Opcodes.INVOKESTATIC;
        if (isStatic) initialise(owner);
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            if (calledVirtually.add(name + desc)) {
                for (String c : instantiated) markInHierarchy(c, name, desc);
            }
        }
        if (owner.equals("java/lang/invoke/MethodHandle") || owner.equals("java/lang/invoke/VarHandle")) {
            if (!inLibrary(owner)) uses.add(new UnsupportedUse(owner.replace('/', '.'), name, Reason.MISSING_CLASS, site));
            return; // signature-polymorphic: any descriptor
        }
        String found = resolveMethod(owner, name, desc, new HashSet<>());
        if (found != null) {
            String cls = found.substring(1).replace('/', '.');
            boolean classMissing = found.charAt(0) == '!';
            uses.add(new UnsupportedUse(cls, UnsupportedUse.method(cls, name, desc),
                    classMissing ? Reason.MISSING_CLASS : Reason.MISSING_MEMBER, site, name + desc));
        }
    }

    /**
     * Resolves a method as the JVM does, marking what it finds in the input reachable. Returns null when
     * found (in the input or the library), else the library class to blame, prefixed with '!' when that
     * class itself is missing, '?' when it lacks the member.
     */
    private String resolveMethod(String owner, String name, String desc, Set<String> seen) {
        if (!seen.add(owner)) return null;
        ClassNode c = input.get(owner);
        if (c == null) {
            if (!inLibrary(owner)) return "!" + owner;
            try {
                MethodReference ref = new MethodReference(owner.replace('/', '.'), MethodDescriptor.parse(name + desc));
                return library.resolve(ref) != null ? null : "?" + owner;
            } catch (RuntimeException e) { // a descriptor TeaVM cannot parse: TeaVM will report it
                return null;
            }
        }
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                mark(c, m);
                return null;
            }
        }
        String blame = null;
        List<String> supers = new ArrayList<>();
        if (c.superName != null) supers.add(c.superName);
        supers.addAll(c.interfaces);
        for (String s : supers) {
            String r = resolveMethod(s, name, desc, seen);
            if (r == null) return null;
            if (blame == null) blame = r;
        }
        return blame;
    }

    private void field(String owner, String name, String desc, boolean isStatic, CallSite site) {
        if (isStatic) initialise(owner);
        if (isSystemStream(owner.replace('/', '.'), name)) return;
        String blame = resolveField(owner, name, new HashSet<>());
        if (blame != null) {
            String cls = blame.substring(1).replace('/', '.');
            uses.add(new UnsupportedUse(cls, name, blame.charAt(0) == '!' ? Reason.MISSING_CLASS : Reason.MISSING_MEMBER,
                    site, name));
        }
    }

    private String resolveField(String owner, String name, Set<String> seen) {
        if (owner.startsWith("[") || !seen.add(owner)) return null;
        ClassNode c = input.get(owner);
        if (c == null) {
            if (!inLibrary(owner)) return "!" + owner;
            try {
                return library.resolve(new FieldReference(owner.replace('/', '.'), name)) != null ? null : "?" + owner;
            } catch (RuntimeException e) {
                return null;
            }
        }
        if (c.fields.stream().anyMatch(f -> f.name.equals(name))) return null;
        String blame = null;
        List<String> supers = new ArrayList<>(c.interfaces);
        if (c.superName != null) supers.addFirst(c.superName);
        for (String s : supers) {
            String r = resolveField(s, name, seen);
            if (r == null) return null;
            if (blame == null) blame = r;
        }
        return blame;
    }

    /** A class of the input comes into use: its static initialiser and its supertypes' run. */
    private void initialise(String owner) {
        ClassNode c = input.get(owner);
        if (c == null || !initialised.add(owner)) return;
        markDeclared(owner, "<clinit>", "()V");
        if (c.superName != null) initialise(c.superName);
    }

    private void instantiate(String owner) {
        if (!instantiated.add(owner)) return;
        initialise(owner);
        for (String sig : calledVirtually) {
            int paren = sig.indexOf('(');
            markInHierarchy(owner, sig.substring(0, paren), sig.substring(paren));
        }
        // what the library may call: methods that override one of a library supertype
        List<ClassNode> types = new ArrayList<>();
        Set<String> libraryTypes = new HashSet<>();
        collectSupertypes(owner, types, libraryTypes, new HashSet<>());
        for (ClassNode t : types) {
            for (MethodNode m : t.methods) {
                if ((m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0 || m.name.startsWith("<")) continue;
                for (String lib : libraryTypes) {
                    if (libraryHas(lib, m.name, m.desc)) {
                        mark(t, m);
                        break;
                    }
                }
            }
        }
    }

    private void collectSupertypes(String name, List<ClassNode> types, Set<String> libraryTypes, Set<String> seen) {
        if (name == null || !seen.add(name)) return;
        ClassNode c = input.get(name);
        if (c == null) {
            libraryTypes.add(name);
            return;
        }
        types.add(c);
        collectSupertypes(c.superName, types, libraryTypes, seen);
        for (String i : c.interfaces) collectSupertypes(i, types, libraryTypes, seen);
    }

    private boolean libraryHas(String owner, String name, String desc) {
        if (!inLibrary(owner)) return false;
        try {
            return library.resolve(new MethodReference(owner.replace('/', '.'), MethodDescriptor.parse(name + desc))) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A virtual call of name+desc reaches the declaration an instance of {@code cls} would run (and, generously, every one above it). */
    private void markInHierarchy(String cls, String name, String desc) {
        List<ClassNode> types = new ArrayList<>();
        collectSupertypes(cls, types, new HashSet<>(), new HashSet<>());
        for (ClassNode t : types) {
            for (MethodNode m : t.methods) {
                if (m.name.equals(name) && m.desc.equals(desc) && (m.access & Opcodes.ACC_STATIC) == 0) mark(t, m);
            }
        }
    }

    private void markDeclared(String owner, String name, String desc) {
        ClassNode c = input.get(owner);
        if (c == null) return;
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) mark(c, m);
        }
    }

    private void mark(ClassNode c, MethodNode m) {
        if (reachable.add(c.name + "." + m.name + m.desc)) {
            ownerOf.put(m, c);
            work.push(m);
        }
    }

    private boolean inLibrary(String internalName) {
        return libraryClasses.computeIfAbsent(internalName, n -> {
            try {
                return library.get(n.replace('/', '.')) != null;
            } catch (RuntimeException e) { // a name TeaVM's parser cannot look up does not exist for it
                return false;
            }
        });
    }
}
