package dev.kiln.builder.nativeimage;

import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.BranchingCondition;
import org.teavm.model.instructions.BranchingInstruction;
import org.teavm.model.instructions.InvokeInstruction;

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
 * </ul>
 */
final class GcRewrite {
    static final String GC = "org.teavm.runtime.GC";
    static final String MARK_QUEUE = "org.teavm.runtime.MarkQueue";
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
        MethodHolder next = cls.getMethod(new org.teavm.model.MethodDescriptor("getNextChunkIfPossible",
                ValueType.INTEGER, ValueType.BOOLEAN));
        int fixed = 0;
        if (next != null && next.getProgram() != null) {
            fixed = guardChunkCount(next.getProgram());
        }
        if (fixed != 1) {
            throw new IllegalStateException("Kiln's rewrite of TeaVM's GC.getNextChunkIfPossible found " + fixed
                    + " tests of the decremented free-chunk count instead of 1 (a TeaVM version Kiln does not know?)");
        }
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
