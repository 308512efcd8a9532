package dev.kiln.builder.nativeimage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.model.AccessLevel;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.ConstructArrayInstruction;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.LongConstantInstruction;
import org.teavm.model.instructions.NumericOperandType;

/**
 * Rewrites TeaVM's intermediate code where its C output would differ from HotSpot:
 * <ul>
 * <li>int and long division and remainder become calls to {@code KilnRuntime.idiv}
 *     and friends, which throw ArithmeticException on zero and wrap MIN_VALUE / -1
 *     (the C backend emits a plain {@code /}, and x86's idiv faults on both). Divisions
 *     by a constant other than 0 and -1 stay as they are. This covers TeaVM's class
 *     library as well as the application; TeaVM's own runtime (GC, allocator) is left
 *     alone, it must not throw.</li>
 * <li>methods that TeaVM's class library lacks (System.exit, Math.fma; 0.16.0 has Integer.sum and the
 *     other sum/max/min that 0.12.3 lacked) are added to its classes, delegating to {@code KilnRuntime}; this
 *     covers calls and method references from the application and from the class library itself.</li>
 * <li>{@code new T[n]} checks n first: TeaVM 0.12.3 would allocate an array of negative length
 *     where Java throws NegativeArraySizeException.</li>
 * <li>TeaVM's event loop ({@code EventQueue.process}) is replaced by libos's {@code EventLoop.run},
 *     which also waits for network frames and for green threads parked on sockets.</li>
 * <li>the classes of TeaVM's library and runtime that differ from the JDK in ways the
 *     conformance suite found: {@link ThreadRewrite}, {@link ThrowableRewrite}, {@link FormatterRewrite},
 *     {@link GcRewrite} (also: the GC marks and moves monitors), {@link MonitorQueueRewrite}, {@link NumberRewrite}; green threads that suspend leave their stacks for debuggers:
 *     {@link FiberStackRewrite}; calls redirected to Kiln's replacements: {@link CallRedirects}; array
 *     stores: {@link ArrayStoreChecks}; floating-point to integer casts: {@link CastSaturation}; the superclass initialized first: {@link SuperclassInit}; files and resources: {@link FilesRewrite}; JDK methods TeaVM's
 *     String, CharSequence and Character lack: {@link ApiAdditions}; parallel streams: {@link ParallelStreamRewrite};
 *     HotSpot's exception messages: {@link MessageRewrite}; distinct streams: {@link StreamDistinctRewrite}.</li>
 * </ul>
 * TeaVMTool loads this class by name (it is on the builder's class path).
 */
public final class KilnTeaVMTransformer implements ClassHolderTransformer {
    /**
     * Debugging switches of the build (both part of the build cache's key): without division
     * checks a division by zero faults (#DE) instead of throwing; without stack checks a Java
     * recursion runs into the stack's guard page and the VM crashes, the one way left for Java
     * code to crash an image (CoreAndStackTest uses it to get a real crash at a Java line).
     */
    static final String NO_DIVISION_CHECKS = "KILN_DEBUG_NODIV";
    static final String NO_STACK_CHECKS = "KILN_DEBUG_NO_STACK_CHECKS";

    static final String RUNTIME = "dev.kiln.rt.KilnRuntime";
    static final String EVENT_LOOP = "dev.kiln.libos.teavm.EventLoop";

    private record Missing(String owner, String name, ValueType[] signature, String delegate) {
    }

    /** Methods TeaVM 0.12.3 has but gets wrong (found by the conformance suite): their bodies are replaced. */
    private static final List<Missing> WRONG = List.of(
            new Missing("java.lang.Math", "round", new ValueType[] {ValueType.DOUBLE, ValueType.LONG}, "roundDouble"),
            new Missing("java.lang.Math", "round", new ValueType[] {ValueType.FLOAT, ValueType.INTEGER}, "roundFloat"),
            new Missing("java.lang.Math", "ulp", new ValueType[] {ValueType.DOUBLE, ValueType.DOUBLE}, "ulpDouble"),
            new Missing("java.lang.Math", "rint", new ValueType[] {ValueType.DOUBLE, ValueType.DOUBLE}, "rint"));

    private static final ValueType I = ValueType.INTEGER;
    private static final ValueType D = ValueType.DOUBLE;
    private static final ValueType F = ValueType.FLOAT;
    private static final List<Missing> MISSING = List.of(
            new Missing("java.lang.System", "exit", new ValueType[] {I, ValueType.VOID}, "exit"),
            new Missing("java.lang.Math", "fma", new ValueType[] {D, D, D, D}, "fma"),
            new Missing("java.lang.Math", "fma", new ValueType[] {F, F, F, F}, "fmaf"),
            new Missing("java.lang.StrictMath", "fma", new ValueType[] {D, D, D, D}, "fma"),
            new Missing("java.lang.StrictMath", "fma", new ValueType[] {F, F, F, F}, "fmaf"),
            // package-private in the JDK's Math; the JDK's StrictMath (HostJdkClasses) calls it
            new Missing("java.lang.Math", "powerOfTwoD", new ValueType[] {I, D}, Ir.RT + "KilnMath.powerOfTwoD"));

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        String name = cls.getName();
        for (Missing m : MISSING) {
            if (m.owner().equals(name) && cls.getMethod(new MethodDescriptor(m.name(), m.signature())) == null) {
                addDelegate(cls, m, context);
            }
        }
        for (Missing m : WRONG) {
            MethodHolder wrong = m.owner().equals(name) ? cls.getMethod(new MethodDescriptor(m.name(), m.signature()))
                    : null;
            if (wrong != null && wrong.getProgram() != null) {
                cls.removeMethod(wrong);
                addDelegate(cls, m, context);
            }
        }
        if (HashMapOrderRewrite.appliesTo(name)) {
            HashMapOrderRewrite.apply(cls, context);
        }
        if (name.equals(PriorityQueueRewrite.QUEUE)) {
            PriorityQueueRewrite.apply(cls, context);
        }
        if (name.equals(ListIteratorRewrite.LIST_ITERATOR)) {
            ListIteratorRewrite.apply(cls, context);
        }
        if (IndexMessageRewrite.appliesTo(name)) {
            IndexMessageRewrite.apply(cls, context);
        }
        if (ToStringRewrite.appliesTo(name)) {
            ToStringRewrite.apply(cls, context);
        }
        MessageRewrite.apply(cls, context);
        if (StreamDistinctRewrite.appliesTo(name)) {
            StreamDistinctRewrite.apply(cls);
        }
        if (NumberRewrite.appliesTo(name)) {
            NumberRewrite.apply(cls, context);
        }
        if (ParallelStreamRewrite.appliesTo(name)) {
            ParallelStreamRewrite.apply(cls, context);
        }
        if (TimeZoneRewrite.appliesTo(name)) {
            TimeZoneRewrite.apply(cls, context);
        }
        ApiAdditions.apply(cls, context);
        switch (name) {
            case ThreadRewrite.THREAD -> {
                ThreadRewrite.names(cls);
                StackGuardRewrite.thread(cls, context);
            }
            case StackGuardRewrite.GUARD -> {
                StackGuardRewrite.guard(cls, context);
                return;
            }
            case MonitorQueueRewrite.OBJECT -> MonitorQueueRewrite.apply(cls);
            case ThreadRewrite.NOTIFY_LISTENER -> ThreadRewrite.interruptedWait(cls, context);
            case ThrowableRewrite.THROWABLE -> ThrowableRewrite.apply(cls, context);
            case FormatterRewrite.FORMAT_WRITER -> FormatterRewrite.apply(cls, context);
            case RuntimeRewrite.RUNTIME_CLASS -> RuntimeRewrite.apply(cls, context);
            case RuntimeRewrite.VERSION_CLASS -> RuntimeRewrite.version(cls, context);
            case SystemPropertiesRewrite.SYSTEM -> SystemPropertiesRewrite.system(cls, context);
            case SystemPropertiesRewrite.PROPERTIES -> {
                SystemPropertiesRewrite.properties(cls, context);
                return;
            }
            case FilesRewrite.PROVIDER -> {
                FilesRewrite.fileSystem(cls, context);
                return;
            }
            case FilesRewrite.CLASS_LOADER -> FilesRewrite.resources(cls, context);
            case FilesRewrite.READER -> FilesRewrite.readerTransferTo(cls, context);
            case FilesRewrite.FILE -> FilesRewrite.fileToPath(cls, context);
            case FilesRewrite.FILES -> FilesRewrite.filesFind(cls, context);
            case FilesRewrite.NIO_PROVIDER -> FilesRewrite.nioWriteChecks(cls, context);
            case "org.teavm.runtime.EventQueue" -> {
                replaceEventLoop(cls, context);
                return;
            }
            case GcRewrite.GC, GcRewrite.MARK_QUEUE -> {
                GcRewrite.apply(cls);
                return;
            }
            case GcRewrite.RELOCATION -> {
                GcRewrite.checkRelocationLayout(cls);
                return;
            }
            case FiberStackRewrite.FIBER -> {
                FiberStackRewrite.apply(cls);
                StackGuardRewrite.fiber(cls);
                return;
            }
            default -> {
            }
        }
        if (name.startsWith(Ir.RT) || name.startsWith("org.teavm.runtime.") || name.startsWith("org.teavm.interop.")
                || name.startsWith("org.teavm.backend.") || name.startsWith("org.teavm.platform.")
                || name.startsWith("org.teavm.jso.")) {
            return;
        }
        SuperclassInit.apply(cls);
        boolean redirect = CallRedirects.appliesTo(name);
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() != null && method.getAnnotations().get("org.teavm.interop.Unmanaged") == null) {
                if (System.getenv(NO_DIVISION_CHECKS) == null) {
                    checkDivisions(method.getProgram());
                }
                ArrayStoreChecks.apply(method.getProgram());
                CastSaturation.apply(method.getProgram());
                if (System.getenv(NO_STACK_CHECKS) == null) {
                    StackGuardRewrite.checkEntry(method.getProgram()); // StackGuardPlacement keeps the ones needed
                }
                if (redirect) {
                    CallRedirects.apply(method.getProgram());
                }
            }
        }
    }

    private static void addDelegate(ClassHolder cls, Missing m, ClassHolderTransformerContext context) {
        MethodHolder method = new MethodHolder(m.name(), m.signature());
        method.getModifiers().add(ElementModifier.STATIC);
        method.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueType[] sig = m.signature();
        ValueEmitter[] params = new ValueEmitter[sig.length - 1];
        for (int i = 0; i < params.length; i++) {
            params[i] = pe.var(i + 1, sig[i]);
        }
        ValueType ret = sig[sig.length - 1];
        // a method of KilnRuntime, or "owner.method" in full
        int dot = m.delegate().lastIndexOf('.');
        String owner = dot < 0 ? RUNTIME : m.delegate().substring(0, dot);
        String delegate = m.delegate().substring(dot + 1);
        if (ret == ValueType.VOID) {
            pe.invoke(owner, delegate, params);
            pe.exit();
        } else {
            pe.invoke(owner, delegate, ret, params).returnValue();
        }
        cls.addMethod(method);
    }

    /**
     * EventQueue.process(), which the C entry point calls once main's fiber has started, becomes a
     * call to libos's EventLoop.run(): TeaVM's loop cannot wait for network frames (see EventLoop).
     */
    private static void replaceEventLoop(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder process = cls.getMethod(new MethodDescriptor("process", ValueType.VOID));
        if (process == null || process.getProgram() == null) {
            throw new IllegalStateException("TeaVM's EventQueue has no process() for Kiln to replace: this TeaVM"
                    + " version's runtime differs from the one Kiln was written for (0.16.0)");
        }
        process.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(process, context.getHierarchy());
        pe.invoke(EVENT_LOOP, "run", ValueType.VOID);
        pe.exit();
        gateStop(cls, context);
    }

    /**
     * EventQueue.stop(), called when the last non-daemon thread ended, becomes
     * {@code if (EventLoop.lastThreadEnded()) kilnStop();} with the original body as kilnStop:
     * shutdown hooks run then, as on HotSpot (libos's ShutdownHooks).
     */
    private static void gateStop(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder stop = cls.getMethod(new MethodDescriptor("stop", ValueType.VOID));
        if (stop == null || stop.getProgram() == null) {
            throw new IllegalStateException("TeaVM's EventQueue has no stop() for Kiln to gate: this TeaVM"
                    + " version's runtime differs from the one Kiln was written for (0.16.0)");
        }
        MethodHolder original = new MethodHolder("kilnStop", ValueType.VOID);
        original.getModifiers().add(ElementModifier.STATIC);
        original.setLevel(AccessLevel.PRIVATE);
        original.setProgram(stop.getProgram());
        stop.setProgram(null);
        cls.addMethod(original);
        ProgramEmitter pe = ProgramEmitter.create(stop, context.getHierarchy());
        ValueEmitter last = pe.invoke(EVENT_LOOP, "lastThreadEnded", ValueType.BOOLEAN);
        pe.when(last.isTrue()).thenDo(() -> pe.invoke(cls.getName(), "kilnStop", ValueType.VOID));
        pe.exit();
    }

    private static void checkDivisions(Program program) {
        Map<Integer, Long> constants = null;
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction insn = block.getFirstInstruction(); insn != null; insn = insn.getNext()) {
                if (insn instanceof ConstructArrayInstruction newArray) {
                    // new T[n] with n < 0 must throw NegativeArraySizeException
                    InvokeInstruction check = new InvokeInstruction();
                    check.setType(InvocationType.SPECIAL);
                    check.setMethod(new MethodReference(RUNTIME, "arraySize", ValueType.INTEGER, ValueType.INTEGER));
                    check.setArguments(newArray.getSize());
                    Variable checked = program.createVariable();
                    check.setReceiver(checked);
                    check.setLocation(newArray.getLocation());
                    newArray.insertPrevious(check);
                    newArray.setSize(checked);
                    continue;
                }
                if (!(insn instanceof BinaryInstruction binary)) {
                    continue;
                }
                BinaryOperation op = binary.getOperation();
                NumericOperandType type = binary.getOperandType();
                if ((op != BinaryOperation.DIVIDE && op != BinaryOperation.MODULO)
                        || (type != NumericOperandType.INT && type != NumericOperandType.LONG)) {
                    continue;
                }
                if (constants == null) {
                    constants = constantsOf(program);
                }
                Long divisor = constants.get(binary.getSecondOperand().getIndex());
                if (divisor != null && divisor != 0 && divisor != -1) {
                    continue;
                }
                boolean isInt = type == NumericOperandType.INT;
                ValueType t = isInt ? ValueType.INTEGER : ValueType.LONG;
                String helper = (isInt ? "i" : "l") + (op == BinaryOperation.DIVIDE ? "div" : "rem");
                InvokeInstruction call = new InvokeInstruction();
                call.setType(InvocationType.SPECIAL);
                call.setMethod(new MethodReference(RUNTIME, helper, t, t, t));
                call.setArguments(binary.getFirstOperand(), binary.getSecondOperand());
                call.setReceiver(binary.getReceiver());
                call.setLocation(binary.getLocation());
                binary.replace(call);
                insn = call;
            }
        }
    }

    private static Map<Integer, Long> constantsOf(Program program) {
        Map<Integer, Long> constants = new HashMap<>();
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction insn = block.getFirstInstruction(); insn != null; insn = insn.getNext()) {
                if (insn instanceof IntegerConstantInstruction c && c.getReceiver() != null) {
                    constants.put(c.getReceiver().getIndex(), (long) c.getConstant());
                } else if (insn instanceof LongConstantInstruction c && c.getReceiver() != null) {
                    constants.put(c.getReceiver().getIndex(), c.getConstant());
                }
            }
        }
        return constants;
    }
}
