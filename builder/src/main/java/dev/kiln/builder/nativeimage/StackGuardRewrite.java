package dev.kiln.builder.nativeimage;

import org.teavm.model.AccessLevel;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.FieldHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.instructions.ExitInstruction;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * StackOverflowError and HotSpot's stack sizes (dev.kiln.rt.KilnStackGuard, guest/include/kiln/stackguard.h):
 * <ul>
 * <li>every method that calls another starts with {@code KilnStackGuard.check()}: a method that
 *     calls nothing (or only Kiln's runtime helpers, such as the division check) cannot recurse,
 *     and its frame fits in the reserve below the limit;</li>
 * <li>TeaVM's {@code Fiber.start} (a green thread starts or resumes on the native stack) sets the
 *     running thread's limit on entry ({@code enterFiber}) and gives the previous one back on
 *     exit ({@code leaveFiber});</li>
 * <li>{@code java.lang.Thread} gets a field for the stack size asked of its constructor, the
 *     constructors that take one ({@code Thread(ThreadGroup, Runnable, String, long)}, and with it
 *     the other ThreadGroup ones TeaVM lacks), and its {@code runThread} tells the guard which
 *     thread now runs ({@code threadStarts}).</li>
 * </ul>
 * TeaVM's runtime (GC, allocator, exception machinery, fibers) and Kiln's are not checked: they
 * must not throw, and run in the reserve below the limit.
 */
final class StackGuardRewrite {
    static final String GUARD = Ir.RT + "KilnStackGuard";
    static final String STACK_SIZE_FIELD = "kilnStackSize";
    static final String GROUP_FIELD = "kilnThreadGroup";
    private static final String THREAD = "java.lang.Thread";
    private static final ValueType THREAD_TYPE = ValueType.object(THREAD);
    private static final ValueType GROUP = ValueType.object("java.lang.ThreadGroup");
    private static final ValueType RUNNABLE = ValueType.object("java.lang.Runnable");
    private static final ValueType STRING = ValueType.object("java.lang.String");
    static final MethodReference CHECK = new MethodReference(GUARD, "check", ValueType.VOID);

    private StackGuardRewrite() {
    }

    /**
     * The check at the entry of a method that calls others. It takes the source location of the
     * method's first call: each check is a call site in TeaVM's tables, with a location for stack
     * traces (40 bytes, and one per copy where TeaVM inlines the method), and TeaVM shares a
     * location between call sites that have the same one, so the check's costs nothing more. The
     * error's trace then names the method at the line of its first call.
     */
    static void checkEntry(Program program) {
        InvokeInstruction firstCall = firstCall(program);
        if (firstCall == null) {
            return;
        }
        BasicBlock entry = program.basicBlockAt(0);
        InvokeInstruction check = Ir.callStatic(CHECK, null);
        check.setLocation(firstCall.getLocation());
        Instruction first = entry.getFirstInstruction();
        if (first != null) {
            first.insertPrevious(check);
        } else {
            entry.add(check);
        }
    }

    private static InvokeInstruction firstCall(Program program) {
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction insn = block.getFirstInstruction(); insn != null; insn = insn.getNext()) {
                // Kiln's helpers too (one may call back into the program: toString, hashCode);
                // StackGuardPlacement takes the check out again where no recursion can pass
                if (insn instanceof InvokeInstruction call) {
                    return call;
                }
            }
        }
        return null;
    }

    /** Fiber.start: {@code saved = enterFiber(this)} first, {@code leaveFiber(saved)} before each return. */
    static void fiber(ClassHolder fiber) {
        MethodHolder start = fiber.getMethod(new MethodDescriptor("start", ValueType.VOID));
        if (start == null || start.getProgram() == null || start.hasModifier(ElementModifier.STATIC)) {
            throw new IllegalStateException("TeaVM's Fiber has no start() for Kiln's stack limits: this TeaVM"
                    + " version's runtime differs from the one Kiln was written for (0.16.0)");
        }
        Program program = start.getProgram();
        ValueType fiberType = ValueType.object(fiber.getName());
        Variable saved = program.createVariable();
        InvokeInstruction enter = Ir.callStatic(new MethodReference(GUARD, "enterFiber", fiberType, ValueType.LONG),
                saved, program.variableAt(0));
        BasicBlock entry = program.basicBlockAt(0);
        Instruction first = entry.getFirstInstruction();
        enter.setLocation(first.getLocation());
        first.insertPrevious(enter);
        MethodReference leave = new MethodReference(GUARD, "leaveFiber", ValueType.LONG, ValueType.VOID);
        int exits = 0;
        for (Instruction insn : Ir.instructions(program)) {
            if (insn instanceof ExitInstruction) {
                InvokeInstruction call = Ir.callStatic(leave, null, saved);
                call.setLocation(insn.getLocation());
                insn.insertPrevious(call);
                exits++;
            }
        }
        if (exits == 0) {
            throw new IllegalStateException("TeaVM's Fiber.start() never returns? Kiln's stack limits need its exits");
        }
    }

    /** java.lang.Thread: the stack size and thread group fields, their constructors, runThread's call. */
    static void thread(ClassHolder cls, ClassHolderTransformerContext context) {
        addField(cls, STACK_SIZE_FIELD, ValueType.LONG);
        addField(cls, GROUP_FIELD, GROUP);
        MethodHolder runThread = cls.getMethod(new MethodDescriptor("runThread", ValueType.VOID));
        if (runThread == null || runThread.getProgram() == null) {
            throw new IllegalStateException("TeaVM's Thread has no runThread() for Kiln's stack limits: this TeaVM"
                    + " version's class library differs from the one Kiln was written for (0.16.0)");
        }
        Program program = runThread.getProgram();
        InvokeInstruction starts = Ir.callStatic(new MethodReference(GUARD, "threadStarts", THREAD_TYPE,
                ValueType.VOID), null, program.variableAt(0));
        Instruction first = program.basicBlockAt(0).getFirstInstruction();
        starts.setLocation(first.getLocation());
        first.insertPrevious(starts);

        constructor(cls, context, true, true, true);
        constructor(cls, context, true, true, false);
        constructor(cls, context, true, false, false);
        constructor(cls, context, false, true, false);
        if (cls.getMethod(new MethodDescriptor("getThreadGroup", GROUP)) == null) {
            MethodHolder get = new MethodHolder("getThreadGroup", GROUP);
            get.setLevel(AccessLevel.PUBLIC);
            get.getModifiers().add(ElementModifier.FINAL);
            ProgramEmitter pe = ProgramEmitter.create(get, context.getHierarchy());
            ValueEmitter group = pe.var(0, ValueType.object(cls.getName())).getField(GROUP_FIELD, GROUP);
            pe.when(group.isNotNull()).thenDo(() -> group.returnValue());
            // a thread made without a group is in main's, as every thread of a HotSpot program
            pe.invoke("java.lang.ThreadGroup", "kilnMain", GROUP).returnValue();
            cls.addMethod(get);
        }
    }

    /**
     * {@code Thread(ThreadGroup group, Runnable target, String name, long stackSize)} and its
     * shorter forms: {@code this(target, name)} (a missing name is the next Thread-N, as
     * {@code new Thread(target)} gets), then the group and size fields.
     */
    private static void constructor(ClassHolder cls, ClassHolderTransformerContext context, boolean runnable,
            boolean name, boolean size) {
        java.util.List<ValueType> sig = new java.util.ArrayList<>();
        sig.add(GROUP);
        if (runnable) {
            sig.add(RUNNABLE);
        }
        if (name) {
            sig.add(STRING);
        }
        if (size) {
            sig.add(ValueType.LONG);
        }
        sig.add(ValueType.VOID);
        MethodDescriptor desc = new MethodDescriptor("<init>", sig.toArray(new ValueType[0]));
        if (cls.getMethod(desc) != null) {
            return;
        }
        MethodHolder init = new MethodHolder(desc);
        init.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(init, context.getHierarchy());
        ValueType self = ValueType.object(cls.getName());
        ValueEmitter thisVar = pe.var(0, self);
        int p = 1;
        ValueEmitter group = pe.var(p++, GROUP);
        ValueEmitter target = runnable ? pe.var(p++, RUNNABLE) : pe.constantNull(RUNNABLE);
        ValueEmitter threadName = name ? pe.var(p++, STRING)
                : pe.invoke(Ir.RT + "KilnThreads", "nextThreadName", STRING);
        thisVar.invokeSpecial("<init>", target, threadName);
        thisVar.setField(GROUP_FIELD, group);
        if (size) {
            thisVar.setField(STACK_SIZE_FIELD, pe.var(p, ValueType.LONG));
        }
        pe.exit();
        cls.addMethod(init);
    }

    private static void addField(ClassHolder cls, String name, ValueType type) {
        FieldHolder field = new FieldHolder(name);
        field.setType(type);
        field.setLevel(AccessLevel.PUBLIC);
        cls.addField(field);
    }

    /** KilnStackGuard's native accessor of the stack size field gets its body. */
    static void guard(ClassHolder cls, ClassHolderTransformerContext context) {
        accessor(cls, context, "stackSize", STACK_SIZE_FIELD, ValueType.LONG);
    }

    private static void accessor(ClassHolder cls, ClassHolderTransformerContext context, String method, String field,
            ValueType type) {
        MethodHolder m = cls.getMethod(new MethodDescriptor(method, THREAD_TYPE, type));
        if (m == null) {
            throw new IllegalStateException(GUARD + " has no " + method + "(Thread) for the builder to give a body");
        }
        m.getModifiers().remove(ElementModifier.NATIVE);
        ProgramEmitter pe = ProgramEmitter.create(m, context.getHierarchy());
        pe.var(1, THREAD_TYPE).getField(field, type).returnValue();
    }
}
