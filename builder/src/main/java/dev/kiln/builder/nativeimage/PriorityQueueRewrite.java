package dev.kiln.builder.nativeimage;

import java.util.HashSet;
import java.util.Set;
import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.instructions.BranchingCondition;
import org.teavm.model.instructions.BranchingInstruction;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * PriorityQueue orders ties as HotSpot's does. Its heap is the JDK's (same sift-up), but TeaVM's
 * sift-down (poll, remove) took the right child when the two children compare equal, where the
 * JDK takes the left, and PriorityQueue(Collection) offered the elements one by one where the JDK
 * copies them and heapifies bottom-up: both change which of equal elements comes out first and
 * what toString prints. The tie test in TPriorityQueue.removeAt is turned round, and
 * fillFromCollection calls dev.kiln.rt.KilnPriorityQueues.fill (which heapifies as the JDK, then
 * offers the heap in array order, which leaves it as it is).
 */
final class PriorityQueueRewrite {
    static final String QUEUE = "java.util.PriorityQueue";
    private static final MethodReference COMPARE = new MethodReference("java.util.Comparator", "compare",
            ValueType.object("java.lang.Object"), ValueType.object("java.lang.Object"), ValueType.INTEGER);
    private static final ValueType COLLECTION = ValueType.object("java.util.Collection");

    private PriorityQueueRewrite() {
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder removeAt = cls.getMethod(new MethodDescriptor("removeAt", ValueType.INTEGER, ValueType.VOID));
        if (removeAt == null || removeAt.getProgram() == null || !leftChildOnTies(removeAt)) {
            throw new IllegalStateException(QUEUE + ".removeAt is not as Kiln knows it: TeaVM's class library changed");
        }
        MethodDescriptor fill = new MethodDescriptor("fillFromCollection", COLLECTION, ValueType.VOID);
        MethodHolder old = cls.getMethod(fill);
        if (old == null) {
            throw new IllegalStateException(QUEUE + " has no fillFromCollection: TeaVM's class library changed");
        }
        cls.removeMethod(old);
        MethodHolder method = new MethodHolder(fill);
        method.setLevel(AccessLevel.PRIVATE);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        pe.invoke(Ir.RT + "KilnPriorityQueues", "fill", pe.var(0, ValueType.object(QUEUE)), pe.var(1, COLLECTION));
        pe.exit();
        cls.addMethod(method);
    }

    /** compare(left, right) &lt; 0 picks the left child: made &lt;= 0. */
    private static boolean leftChildOnTies(MethodHolder removeAt) {
        Set<Variable> compared = new HashSet<>();
        for (Instruction insn : Ir.instructions(removeAt.getProgram())) {
            if (insn instanceof InvokeInstruction call && call.getMethod().equals(COMPARE) && call.getReceiver() != null) {
                compared.add(call.getReceiver());
            }
        }
        for (Instruction insn : Ir.instructions(removeAt.getProgram())) {
            if (insn instanceof BranchingInstruction branch && compared.contains(branch.getOperand())) {
                if (branch.getCondition() == BranchingCondition.GREATER_OR_EQUAL) {
                    branch.setCondition(BranchingCondition.GREATER);
                    return true;
                }
                if (branch.getCondition() == BranchingCondition.LESS) {
                    branch.setCondition(BranchingCondition.LESS_OR_EQUAL);
                    return true;
                }
            }
        }
        return false;
    }
}
