package dev.kiln.builder.nativeimage;

import java.util.HashMap;
import java.util.Map;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
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
 * <li>TeaVM's GC prints the shadow stack before reporting that no memory is left;
 *     on Kiln that report is a Java OutOfMemoryError, so the print goes.</li>
 * </ul>
 * TeaVMTool loads this class by name (it is on the builder's class path).
 */
public final class KilnTeaVMTransformer implements ClassHolderTransformer {
    static final String RUNTIME = "dev.kiln.rt.KilnRuntime";
    private static final MethodReference PRINT_STACK = new MethodReference(
            "org.teavm.runtime.ExceptionHandling", "printStack", ValueType.VOID);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        String name = cls.getName();
        if (name.equals("org.teavm.runtime.GC") || name.equals("org.teavm.runtime.MarkQueue")) {
            for (MethodHolder method : cls.getMethods()) {
                if (method.getProgram() != null) {
                    removePrintStack(method.getProgram());
                }
            }
            return;
        }
        if (name.equals(RUNTIME) || name.startsWith("org.teavm.runtime.") || name.startsWith("org.teavm.interop.")
                || name.startsWith("org.teavm.backend.") || name.startsWith("org.teavm.platform.")
                || name.startsWith("org.teavm.jso.")) {
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() != null && method.getAnnotations().get("org.teavm.interop.Unmanaged") == null) {
                checkDivisions(method.getProgram());
            }
        }
    }

    private static void removePrintStack(Program program) {
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction insn = block.getFirstInstruction(); insn != null; ) {
                Instruction next = insn.getNext();
                if (insn instanceof InvokeInstruction invoke && invoke.getMethod().equals(PRINT_STACK)) {
                    insn.delete();
                }
                insn = next;
            }
        }
    }

    private static void checkDivisions(Program program) {
        Map<Integer, Long> constants = null;
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction insn = block.getFirstInstruction(); insn != null; insn = insn.getNext()) {
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
