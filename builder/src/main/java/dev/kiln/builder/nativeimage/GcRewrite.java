package dev.kiln.builder.nativeimage;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ElementModifier;
import org.teavm.model.FieldHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.BranchingCondition;
import org.teavm.model.instructions.BranchingInstruction;
import org.teavm.model.instructions.ExitInstruction;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.NumericOperandType;

/**
 * TeaVM 0.12.3's GC (org.teavm.runtime.GC) was written to abort when the heap is full; Kiln throws
 * OutOfMemoryError instead (guest/teavm/heaptrace.c), so the GC must survive being called again:
 * <ul>
 * <li>getNextChunkIfPossible walks the free-chunk list with {@code if (--freeChunks == 0) return false}.
 *     When no chunk fits after a full collection, the walk ends with freeChunks at 0, the error is
 *     thrown, and the next allocation decrements it to -1 and walks past the end of the list into
 *     whatever memory follows (a crash). The test becomes {@code <= 0}: an exhausted list then
 *     means "collect", and the collection rebuilds the list.</li>
 * <li>the GC prints the shadow stack before reporting that no memory is left; on Kiln that report
 *     is a Java OutOfMemoryError, so the print goes.</li>
 * <li>monitors: TeaVM's C backend packs an object's monitor into the header's hash-code word, where
 *     the GC neither marks it nor updates it when the monitor moves (a lock held or waited for
 *     across a collection then pointed at freed memory). {@code markObjectData(object)} also marks
 *     {@code KilnMonitorGc.monitorOf(object)} through the GC's own {@code enqueueMark} (so a young
 *     monitor of an old object keeps that object's card dirty, as a young field value does), and
 *     {@code updatePointers(cls, object)} first calls {@code KilnMonitorGc.updateMonitor(object)}.
 *     KilnMonitorGc reads TeaVM's relocation records with its own copy of their layout, which
 *     {@link #checkRelocationLayout} compares with TeaVM's at build time.</li>
 * </ul>
 */
final class GcRewrite {
    static final String GC = "org.teavm.runtime.GC";
    static final String MARK_QUEUE = "org.teavm.runtime.MarkQueue";
    static final String RELOCATION = "org.teavm.runtime.Relocation";
    private static final String RUNTIME_OBJECT = "org.teavm.runtime.RuntimeObject";
    private static final ValueType OBJECT = ValueType.object(RUNTIME_OBJECT);
    private static final MethodReference MONITOR_OF = Ir.rt("KilnMonitorGc", "monitorOf", OBJECT, OBJECT);
    private static final MethodReference UPDATE_MONITOR = Ir.rt("KilnMonitorGc", "updateMonitor", OBJECT,
            ValueType.VOID);
    private static final MethodReference ENQUEUE_MARK = new MethodReference(GC, "enqueueMark", OBJECT,
            ValueType.BOOLEAN);
    private static final MethodReference PRINT_STACK = new MethodReference(
            "org.teavm.runtime.ExceptionHandling", "printStack", ValueType.VOID);

    private GcRewrite() {
    }

    static void apply(ClassHolder cls) {
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() != null) {
                removePrintStack(method.getProgram());
            }
        }
        if (!cls.getName().equals(GC)) {
            return;
        }
        MethodHolder next = cls.getMethod(new MethodDescriptor("getNextChunkIfPossible",
                ValueType.INTEGER, ValueType.BOOLEAN));
        int fixed = 0;
        if (next != null && next.getProgram() != null) {
            fixed = guardChunkCount(next.getProgram());
        }
        if (fixed != 1) {
            throw new IllegalStateException("Kiln's rewrite of TeaVM's GC.getNextChunkIfPossible found " + fixed
                    + " tests of the decremented free-chunk count instead of 1 (a TeaVM version Kiln does not know?)");
        }
        markMonitors(cls);
        updateMonitors(cls);
    }

    /** Before each return of {@code markObjectData(object)}: {@code result |= enqueueMark(KilnMonitorGc.monitorOf(object))}. */
    private static void markMonitors(ClassHolder cls) {
        MethodHolder mark = cls.getMethod(new MethodDescriptor("markObjectData", OBJECT, ValueType.BOOLEAN));
        if (mark == null || mark.getProgram() == null || cls.getMethod(ENQUEUE_MARK.getDescriptor()) == null) {
            throw unknownGc("markObjectData(RuntimeObject) and enqueueMark(RuntimeObject)");
        }
        Program program = mark.getProgram();
        Variable object = program.variableAt(1);
        int returns = 0;
        for (Instruction insn : Ir.instructions(program)) {
            if (insn instanceof ExitInstruction exit && exit.getValueToReturn() != null) {
                Variable monitor = program.createVariable();
                Variable young = program.createVariable();
                Variable result = program.createVariable();
                BinaryInstruction or = new BinaryInstruction(BinaryOperation.OR, NumericOperandType.INT);
                or.setFirstOperand(exit.getValueToReturn());
                or.setSecondOperand(young);
                or.setReceiver(result);
                for (Instruction added : new Instruction[] {Ir.callStatic(MONITOR_OF, monitor, object),
                        Ir.callStatic(ENQUEUE_MARK, young, monitor), or}) {
                    added.setLocation(exit.getLocation());
                    exit.insertPrevious(added);
                }
                exit.setValueToReturn(result);
                returns++;
            }
        }
        if (returns == 0) {
            throw unknownGc("a return in markObjectData");
        }
    }

    /** At the start of {@code updatePointers(cls, object)}: {@code KilnMonitorGc.updateMonitor(object)}. */
    private static void updateMonitors(ClassHolder cls) {
        MethodHolder update = cls.getMethod(new MethodDescriptor("updatePointers",
                ValueType.object("org.teavm.runtime.RuntimeClass"), OBJECT, ValueType.VOID));
        if (update == null || update.getProgram() == null) {
            throw unknownGc("updatePointers(RuntimeClass, RuntimeObject)");
        }
        Program program = update.getProgram();
        BasicBlock entry = program.basicBlockAt(0);
        Instruction call = Ir.callStatic(UPDATE_MONITOR, null, program.variableAt(2));
        Instruction first = entry.getFirstInstruction();
        if (first != null) {
            call.setLocation(first.getLocation());
            first.insertPrevious(call);
        } else {
            entry.add(call);
        }
    }

    /**
     * KilnMonitorGc.RelocationRecord copies the layout of TeaVM's package-private Relocation
     * structure; the build fails here if TeaVM's is not {@code int classBackup, int sizeBackup,
     * Address newAddress}.
     */
    static void checkRelocationLayout(ClassHolder cls) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        for (FieldHolder field : cls.getFields()) {
            if (!field.hasModifier(ElementModifier.STATIC)) {
                fields.add(field.getType() + " " + field.getName());
            }
        }
        java.util.List<String> expected = java.util.List.of("I classBackup", "I sizeBackup",
                "Lorg/teavm/interop/Address; newAddress");
        if (!fields.equals(expected)) {
            throw new IllegalStateException("TeaVM's " + RELOCATION + " has the fields " + fields + ", Kiln's copy of"
                    + " its layout (dev.kiln.rt.KilnMonitorGc.RelocationRecord) has " + expected
                    + ": this TeaVM version's GC differs from the one Kiln was written for (0.16.0)");
        }
    }

    private static IllegalStateException unknownGc(String what) {
        return new IllegalStateException("TeaVM's GC has no " + what + " for Kiln's marking of monitors: this TeaVM"
                + " version's GC differs from the one Kiln was written for (0.16.0)");
    }

    /** {@code --freeChunks == 0} becomes {@code <= 0} (the operand is the result of the subtraction). */
    private static int guardChunkCount(Program program) {
        java.util.Set<Integer> differences = new java.util.HashSet<>();
        for (Instruction insn : Ir.instructions(program)) {
            if (insn instanceof BinaryInstruction b && b.getOperation() == BinaryOperation.SUBTRACT) {
                differences.add(b.getReceiver().getIndex());
            }
        }
        int fixed = 0;
        for (Instruction insn : Ir.instructions(program)) {
            if (insn instanceof BranchingInstruction branch && differences.contains(branch.getOperand().getIndex())) {
                if (branch.getCondition() == BranchingCondition.EQUAL) {
                    branch.setCondition(BranchingCondition.LESS_OR_EQUAL);
                    fixed++;
                } else if (branch.getCondition() == BranchingCondition.NOT_EQUAL) {
                    branch.setCondition(BranchingCondition.GREATER);
                    fixed++;
                }
            }
        }
        return fixed;
    }

    private static void removePrintStack(Program program) {
        for (Instruction insn : Ir.instructions(program)) {
            if (insn instanceof InvokeInstruction invoke && invoke.getMethod().equals(PRINT_STACK)) {
                insn.delete();
            }
        }
    }
}
