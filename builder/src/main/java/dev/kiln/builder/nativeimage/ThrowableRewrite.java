package dev.kiln.builder.nativeimage;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.instructions.GetFieldInstruction;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * java.lang.Throwable of TeaVM 0.12.3, brought to HotSpot's behaviour with dev.kiln.rt.KilnThrowables:
 * <ul>
 * <li>every read of the {@code suppressed} field goes through KilnThrowables.suppressed: TeaVM's
 *     real constructors (its {@code @Rename("<init>")} methods) never set the field, so
 *     getSuppressed, addSuppressed and try-with-resources failed with NullPointerException;</li>
 * <li>addSuppressed checks its argument first (self-suppression, null) as HotSpot does;</li>
 * <li>fillInStackTrace passes TeaVM's raw frames through KilnThrowables.stackTrace (no exception
 *     constructors, no runtime frames, JDK file names);</li>
 * <li>printStackTrace(PrintStream / PrintWriter) prints HotSpot's format (causes with "... n more",
 *     suppressed exceptions).</li>
 * </ul>
 * A TeaVM whose Throwable no longer looks like this fails the build: each rewrite must find its target.
 */
final class ThrowableRewrite {
    static final String THROWABLE = "java.lang.Throwable";
    private static final ValueType THROWABLE_TYPE = ValueType.object(THROWABLE);
    private static final ValueType THROWABLES = ValueType.arrayOf(THROWABLE_TYPE);
    private static final ValueType FRAMES = ValueType.arrayOf(ValueType.object("java.lang.StackTraceElement"));
    private static final MethodReference SUPPRESSED = Ir.rt("KilnThrowables", "suppressed", THROWABLES, THROWABLES);
    private static final MethodReference CHECK_SUPPRESSED = Ir.rt("KilnThrowables", "checkSuppressed",
            THROWABLE_TYPE, THROWABLE_TYPE, ValueType.VOID);
    private static final MethodReference CAPPED_FRAMES = Ir.rt("KilnStackTraces", "fill", FRAMES);
    private static final MethodReference STACK_TRACE = Ir.rt("KilnThrowables", "stackTrace", THROWABLE_TYPE, FRAMES,
            FRAMES);

    private ThrowableRewrite() {
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        int suppressedReads = 0;
        boolean traceFiltered = false;
        for (MethodHolder method : cls.getMethods()) {
            Program program = method.getProgram();
            if (program == null) {
                continue;
            }
            for (Instruction insn : Ir.instructions(program)) {
                if (insn instanceof GetFieldInstruction get && get.getField().getClassName().equals(THROWABLE)
                        && get.getField().getFieldName().equals("suppressed") && get.getReceiver() != null) {
                    Ir.filterResult(get, get.getReceiver(), get::setReceiver, SUPPRESSED);
                    suppressedReads++;
                } else if (method.getName().equals("fillInStackTrace") && insn instanceof InvokeInstruction call
                        && call.getMethod().getClassName().equals("org.teavm.runtime.ExceptionHandling")
                        && call.getMethod().getName().equals("fillStackTrace") && call.getReceiver() != null) {
                    // at most the frames a trace keeps (a StackOverflowError's stack is a million deep)
                    call.setMethod(CAPPED_FRAMES);
                    Ir.filterResult(call, call.getReceiver(), call::setReceiver, STACK_TRACE, program.variableAt(0));
                    traceFiltered = true;
                }
            }
        }
        MethodHolder add = cls.getMethod(new MethodDescriptor("addSuppressed", THROWABLE_TYPE, ValueType.VOID));
        require(add != null && add.getProgram() != null && suppressedReads > 0 && traceFiltered,
                "its suppressed field, addSuppressed or fillInStackTrace");
        Program program = add.getProgram();
        InvokeInstruction check = Ir.callStatic(CHECK_SUPPRESSED, null, program.variableAt(0), program.variableAt(1));
        program.basicBlockAt(0).addFirst(check);
        replacePrint(cls, context, "java.io.PrintStream");
        replacePrint(cls, context, "java.io.PrintWriter");
    }

    private static void replacePrint(ClassHolder cls, ClassHolderTransformerContext context, String streamClass) {
        ValueType stream = ValueType.object(streamClass);
        MethodHolder print = cls.getMethod(new MethodDescriptor("printStackTrace", stream, ValueType.VOID));
        require(print != null && print.getProgram() != null, "printStackTrace(" + streamClass + ")");
        print.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(print, context.getHierarchy());
        ValueEmitter self = pe.var(0, THROWABLE_TYPE);
        pe.invoke(Ir.RT + "KilnThrowables", "printStackTrace", self, pe.var(1, stream));
        pe.exit();
    }

    private static void require(boolean found, String what) {
        if (!found) {
            throw new IllegalStateException("Kiln's rewrite of TeaVM's java.lang.Throwable did not find " + what
                    + " (a TeaVM version Kiln does not know?)");
        }
    }
}
