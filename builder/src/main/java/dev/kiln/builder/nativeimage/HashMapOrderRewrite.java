package dev.kiln.builder.nativeimage;

import java.util.List;
import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * HashMap, HashSet (and LinkedHashMap's key lookup) as the JDK's, so that they iterate in
 * HotSpot's order: see libos's org.teavm.classlib.java.util.TKilnHashMapOrder, which has the
 * replacements and the reasons. Here: every key hash of THashMap, its entries and TLinkedHashMap
 * (the two share bins, so they must agree) goes through KilnHashMapOrder.hash; THashMap's
 * createHashedEntry, rehash(int) and putAllImpl call KilnHashMapOrder's; HashSet(Collection)
 * sizes its map as the JDK does.
 */
final class HashMapOrderRewrite {
    static final String HASH_MAP = "java.util.HashMap";
    static final String HASH_ENTRY = "java.util.HashMap$HashEntry";
    static final String LINKED_HASH_MAP = "java.util.LinkedHashMap";
    static final String HASH_SET = "java.util.HashSet";
    /** libos's org.teavm.classlib.java.util.TKilnHashMapOrder, by the name TeaVM substitutes it for. */
    private static final String ORDER = "java.util.KilnHashMapOrder";

    private static final ValueType OBJECT = ValueType.object("java.lang.Object");
    private static final ValueType MAP = ValueType.object("java.util.Map");
    private static final ValueType ENTRY = ValueType.object(HASH_ENTRY);
    private static final ValueType HASH_MAP_TYPE = ValueType.object(HASH_MAP);
    private static final ValueType COLLECTION = ValueType.object("java.util.Collection");
    private static final MethodReference OBJECT_HASH = new MethodReference("java.lang.Object", "hashCode",
            ValueType.INTEGER);
    private static final MethodReference OBJECTS_HASH = new MethodReference("java.util.Objects", "hashCode", OBJECT,
            ValueType.INTEGER);
    private static final MethodReference HASH = new MethodReference(ORDER, "hash", OBJECT, ValueType.INTEGER);

    private HashMapOrderRewrite() {
    }

    static boolean appliesTo(String className) {
        return switch (className) {
            case HASH_MAP, HASH_ENTRY, LINKED_HASH_MAP, HASH_SET -> true;
            default -> false;
        };
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        String name = cls.getName();
        if (name.equals(HASH_SET)) {
            hashSetCapacity(cls);
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() != null) {
                spreadKeyHashes(method.getProgram());
            }
        }
        if (name.equals(HASH_MAP)) {
            initialCapacity(cls);
            delegate(cls, context, "createHashedEntry", List.of(OBJECT, ValueType.INTEGER, ValueType.INTEGER), ENTRY);
            delegate(cls, context, "rehash", List.of(ValueType.INTEGER), ValueType.VOID);
            delegate(cls, context, "putAllImpl", List.of(MAP), ValueType.VOID, "putAll");
        }
    }

    /**
     * HashMap(int, float) sizes its table with the JDK's tableSizeFor (TeaVM's calculateCapacity
     * makes 16 of 0, where the JDK starts from one bin and doubles: new HashMap<>(0) then iterated
     * in another order). The copy constructor's own call of calculateCapacity stays: there the
     * JDK's table also starts at 16 for an empty map.
     */
    private static void initialCapacity(ClassHolder cls) {
        MethodHolder ctor = cls.getMethod(new MethodDescriptor("<init>", ValueType.INTEGER, ValueType.FLOAT,
                ValueType.VOID));
        if (ctor == null || ctor.getProgram() == null) {
            throw new IllegalStateException(HASH_MAP + " has no constructor (int, float): TeaVM's class library changed");
        }
        MethodReference teavm = new MethodReference(HASH_MAP, "calculateCapacity", ValueType.INTEGER, ValueType.INTEGER);
        for (Instruction insn : Ir.instructions(ctor.getProgram())) {
            if (insn instanceof InvokeInstruction call && call.getMethod().equals(teavm)) {
                call.setMethod(new MethodReference(ORDER, "tableSizeFor", ValueType.INTEGER, ValueType.INTEGER));
                return;
            }
        }
        throw new IllegalStateException(HASH_MAP + "(int, float) does not call calculateCapacity");
    }

    /** key.hashCode() and Objects.hashCode(key) become KilnHashMapOrder.hash(key). */
    private static void spreadKeyHashes(Program program) {
        for (Instruction insn : Ir.instructions(program)) {
            if (!(insn instanceof InvokeInstruction call)) {
                continue;
            }
            if (call.getMethod().equals(OBJECT_HASH) && call.getInstance() != null) {
                Variable key = call.getInstance();
                call.setInstance(null);
                call.setType(InvocationType.SPECIAL);
                call.setMethod(HASH);
                call.setArguments(key);
            } else if (call.getMethod().equals(OBJECTS_HASH)) {
                call.setMethod(HASH);
            }
        }
    }

    private static void delegate(ClassHolder cls, ClassHolderTransformerContext context, String name,
            List<ValueType> params, ValueType result) {
        delegate(cls, context, name, params, result, name);
    }

    /** The instance method name(params) becomes KilnHashMapOrder.to(this, params). */
    private static void delegate(ClassHolder cls, ClassHolderTransformerContext context, String name,
            List<ValueType> params, ValueType result, String to) {
        ValueType[] sig = new ValueType[params.size() + 1];
        for (int i = 0; i < params.size(); i++) {
            sig[i] = params.get(i);
        }
        sig[params.size()] = result;
        MethodDescriptor desc = new MethodDescriptor(name, sig);
        MethodHolder old = cls.getMethod(desc);
        if (old == null) {
            throw new IllegalStateException(cls.getName() + " has no " + desc + ": TeaVM's class library changed");
        }
        AccessLevel level = old.getLevel();
        cls.removeMethod(old);
        MethodHolder method = new MethodHolder(desc);
        method.setLevel(level);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueEmitter[] args = new ValueEmitter[params.size() + 1];
        args[0] = pe.var(0, HASH_MAP_TYPE);
        for (int i = 0; i < params.size(); i++) {
            args[i + 1] = pe.var(i + 1, params.get(i));
        }
        if (result == ValueType.VOID) {
            pe.invoke(ORDER, to, args);
            pe.exit();
        } else {
            pe.invoke(ORDER, to, result, args).returnValue();
        }
        cls.addMethod(method);
    }

    /**
     * HashSet(Collection c): the capacity TeaVM computes for its map (c.size() * 2, or 11) is
     * replaced by the JDK's, max(c.size() / .75 + 1, 16), before the map is constructed.
     */
    private static void hashSetCapacity(ClassHolder cls) {
        MethodHolder ctor = cls.getMethod(new MethodDescriptor("<init>", COLLECTION, ValueType.VOID));
        if (ctor == null || ctor.getProgram() == null) {
            throw new IllegalStateException(HASH_SET + " has no constructor (Collection): TeaVM's class library changed");
        }
        Program program = ctor.getProgram();
        MethodReference newMap = new MethodReference(HASH_MAP, "<init>", ValueType.INTEGER, ValueType.VOID);
        for (Instruction insn : Ir.instructions(program)) {
            if (insn instanceof InvokeInstruction call && call.getMethod().equals(newMap)) {
                Variable capacity = program.createVariable();
                InvokeInstruction jdk = Ir.callStatic(new MethodReference(ORDER, "hashSetCapacity", COLLECTION,
                        ValueType.INTEGER), capacity, program.variableAt(1));
                jdk.setLocation(call.getLocation());
                call.insertPrevious(jdk);
                call.setArguments(capacity);
                return;
            }
        }
        throw new IllegalStateException(HASH_SET + "(Collection) does not construct a HashMap(int)");
    }
}
