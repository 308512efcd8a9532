package dev.kiln.builder.nativeimage;

import java.util.List;
import org.teavm.model.AccessLevel;
import org.teavm.model.BasicBlock;
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
import org.teavm.model.instructions.InvokeInstruction;

/**
 * HotSpot's exceptions and messages where TeaVM's class library throws without one or with another
 * (each found by a program in builder/src/test/differences, now in conformance/behaviour's
 * BehLibraryMessages). Two kinds:
 * <ul>
 * <li>a check of dev.kiln.rt.KilnMessages called first thing in the method, given the receiver
 *     (if any, and not of a constructor) and the arguments: it throws HotSpot's exception, or returns and TeaVM's body runs
 *     as before (Optional.get, Objects.requireNonNull, new ArrayList(-1), Throwable.initCause);</li>
 * <li>the int constructors of StringIndexOutOfBoundsException and ArrayIndexOutOfBoundsException,
 *     whose bodies become a call of their String constructor with HotSpot's text.</li>
 * </ul>
 */
final class MessageRewrite {
    private record Check(String owner, MethodDescriptor method, boolean isStatic, String check) {
    }

    private static final ValueType I = ValueType.INTEGER;
    private static final ValueType OBJECT = ValueType.object("java.lang.Object");
    private static final ValueType THROWABLE = ValueType.object("java.lang.Throwable");
    private static final String MESSAGES = Ir.RT + "KilnMessages";

    private static final List<Check> CHECKS = List.of(
            new Check("java.util.Optional", new MethodDescriptor("get", OBJECT), false, "present"),
            new Check("java.util.Optional", new MethodDescriptor("orElseThrow", OBJECT), false, "present"),
            new Check("java.util.OptionalInt", new MethodDescriptor("getAsInt", I), false, "present"),
            new Check("java.util.OptionalInt", new MethodDescriptor("orElseThrow", I), false, "present"),
            new Check("java.util.OptionalLong", new MethodDescriptor("getAsLong", ValueType.LONG), false, "present"),
            new Check("java.util.OptionalLong", new MethodDescriptor("orElseThrow", ValueType.LONG), false, "present"),
            new Check("java.util.OptionalDouble", new MethodDescriptor("getAsDouble", ValueType.DOUBLE), false, "present"),
            new Check("java.util.OptionalDouble", new MethodDescriptor("orElseThrow", ValueType.DOUBLE), false, "present"),
            new Check("java.util.Objects", new MethodDescriptor("requireNonNull", OBJECT, OBJECT), true, "requireNonNull"),
            new Check("java.util.ArrayList", new MethodDescriptor("<init>", I, ValueType.VOID), false, "capacity"),
            new Check("java.lang.Throwable", new MethodDescriptor("initCause", THROWABLE, THROWABLE), false, "initCause"));

    /** Exception classes whose (int) constructor gets HotSpot's text, and the KilnMessages method making it. */
    private static final List<List<String>> INDEX_CONSTRUCTORS = List.of(
            List.of("java.lang.StringIndexOutOfBoundsException", "stringIndexOutOfRange"),
            List.of("java.lang.ArrayIndexOutOfBoundsException", "arrayIndexOutOfRange"));

    private MessageRewrite() {
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        for (Check c : CHECKS) {
            if (c.owner().equals(cls.getName())) {
                check(cls, c);
            }
        }
        for (List<String> ctor : INDEX_CONSTRUCTORS) {
            if (ctor.get(0).equals(cls.getName())) {
                indexConstructor(cls, ctor.get(1), context);
            }
        }
    }

    private static void check(ClassHolder cls, Check c) {
        MethodHolder method = cls.getMethod(c.method());
        if (method == null || method.getProgram() == null) {
            throw new IllegalStateException(c.owner() + " has no " + c.method() + ": TeaVM's class library changed");
        }
        Program program = method.getProgram();
        ValueType[] params = c.method().getParameterTypes();
        // a constructor's check runs before the object is initialised: it gets only the arguments
        boolean receiver = !c.isStatic() && !c.method().getName().equals("<init>");
        int own = receiver ? 1 : 0;
        Variable[] args = new Variable[params.length + own];
        ValueType[] signature = new ValueType[args.length + 1];
        if (receiver) {
            args[0] = program.variableAt(0);
            signature[0] = ValueType.object(c.owner());
        }
        for (int i = 0; i < params.length; i++) {
            args[i + own] = program.variableAt(i + 1);
            signature[i + own] = params[i];
        }
        signature[args.length] = ValueType.VOID;
        InvokeInstruction call = Ir.callStatic(new MethodReference(MESSAGES, c.check(), signature), null, args);
        BasicBlock entry = program.basicBlockAt(0);
        Instruction first = entry.getFirstInstruction();
        if (first != null) {
            call.setLocation(first.getLocation());
            first.insertPrevious(call);
        } else {
            entry.add(call);
        }
    }

    private static void indexConstructor(ClassHolder cls, String message, ClassHolderTransformerContext context) {
        MethodDescriptor desc = new MethodDescriptor("<init>", I, ValueType.VOID);
        MethodHolder old = cls.getMethod(desc);
        if (old == null) {
            throw new IllegalStateException(cls.getName() + " has no (int) constructor: TeaVM's class library changed");
        }
        cls.removeMethod(old);
        MethodHolder ctor = new MethodHolder(desc);
        ctor.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(ctor, context.getHierarchy());
        ValueEmitter self = pe.var(0, ValueType.object(cls.getName()));
        ValueEmitter text = pe.invoke(MESSAGES, message, ValueType.object("java.lang.String"), pe.var(1, I));
        self.invokeSpecial("<init>", text);
        pe.exit();
        cls.addMethod(ctor);
    }
}
