package dev.kiln.builder.nativeimage;

import java.util.ArrayList;
import java.util.List;
import org.teavm.model.BasicBlock;
import org.teavm.model.Instruction;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.Variable;
import org.teavm.model.instructions.AssignInstruction;
import org.teavm.model.instructions.BoundCheckInstruction;
import org.teavm.model.instructions.ConstructArrayInstruction;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.NullCheckInstruction;
import org.teavm.model.instructions.UnwrapArrayInstruction;
import org.teavm.model.instructions.GetElementInstruction;
import org.teavm.model.instructions.PutElementInstruction;

/**
 * TeaVM's bounds-check insertion, with every check naming its array. Where TeaVM proved an index
 * below the array's length (after {@code if (i < a.length)}) it emits a lower-bound-only check,
 * {@code teavm_checkLowerBound(i)}, which has no array, so its failure could not say "for length N".
 * This gives such a check the array of the access it guards, making it TeaVM's full check: one
 * compare more, which the branch predictor hides, on a path TeaVM already proved never fails upward.
 * RuntimeHeaderPatch turns any lower-bound-only check left into a compile error. It also puts back
 * the upper check TeaVM drops for a constant index into an array of constant size (below).
 * CheckMessagesPlugin installs this in place of the C target's own BoundCheckInsertion.
 */
final class BoundCheckArrays extends org.teavm.model.transformation.BoundCheckInsertion {
    @Override
    public void transformProgram(Program program, MethodReference method) {
        super.transformProgram(program, method);
        Instruction[] definitions = definitions(program);
        List<Instruction> accesses = new ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            BasicBlock block = program.basicBlockAt(b);
            if (block == null) {
                continue;
            }
            for (Instruction insn : block) {
                if (insn instanceof BoundCheckInstruction check && check.isLower() && check.getArray() == null) {
                    check.setArray(arrayOf(check, method));
                } else if (insn instanceof GetElementInstruction || insn instanceof PutElementInstruction) {
                    accesses.add(insn);
                }
            }
        }
        for (Instruction access : accesses) {
            checkConstantIndex(program, definitions, access);
        }
    }

    /**
     * TeaVM 0.16.0 leaves out the upper check of a constant index into an array of constant size
     * without comparing the two ({@code int[] a = new int[3]; a[3] = 1;} wrote past the array). Such
     * an access whose index is not below the size gets an upper-bound check back (it always fails).
     */
    private static void checkConstantIndex(Program program, Instruction[] definitions, Instruction access) {
        Variable index = access instanceof GetElementInstruction get ? get.getIndex()
                : ((PutElementInstruction) access).getIndex();
        Variable array = access instanceof GetElementInstruction get ? get.getArray()
                : ((PutElementInstruction) access).getArray();
        Integer constant = constant(definitions, index);
        Instruction made = source(definitions, array);
        if (made instanceof UnwrapArrayInstruction u) {
            made = source(definitions, u.getArray());
        }
        if (constant == null || constant < 0 || !(made instanceof ConstructArrayInstruction construct)) {
            return;
        }
        Integer size = constant(definitions, construct.getSize());
        if (size == null || constant < size) {
            return;
        }
        BoundCheckInstruction check = new BoundCheckInstruction();
        check.setIndex(index);
        check.setArray(array);
        check.setReceiver(program.createVariable());
        check.setLocation(access.getLocation());
        access.insertPrevious(check);
        if (access instanceof GetElementInstruction get) {
            get.setIndex(check.getReceiver());
        } else {
            ((PutElementInstruction) access).setIndex(check.getReceiver());
        }
    }

    private static Instruction[] definitions(Program program) {
        Instruction[] definitions = new Instruction[program.variableCount()];
        for (int b = 0; b < program.basicBlockCount(); b++) {
            BasicBlock block = program.basicBlockAt(b);
            if (block == null) {
                continue;
            }
            for (Instruction insn : block) {
                Variable receiver = switch (insn) {
                    case IntegerConstantInstruction c -> c.getReceiver();
                    case UnwrapArrayInstruction u -> u.getReceiver();
                    case ConstructArrayInstruction c -> c.getReceiver();
                    case AssignInstruction a -> a.getReceiver();
                    case NullCheckInstruction n -> n.getReceiver();
                    default -> null;
                };
                if (receiver != null) {
                    definitions[receiver.getIndex()] = insn;
                }
            }
        }
        return definitions;
    }

    /** The instruction that gives {@code var} its value, through plain assignments and null checks. */
    private static Instruction source(Instruction[] definitions, Variable var) {
        Instruction def = definitions[var.getIndex()];
        for (int hops = 0; hops < definitions.length; hops++) {
            if (def instanceof AssignInstruction a) {
                def = definitions[a.getAssignee().getIndex()];
            } else if (def instanceof NullCheckInstruction n) {
                def = definitions[n.getValue().getIndex()];
            } else {
                break;
            }
        }
        return def;
    }

    private static Integer constant(Instruction[] definitions, Variable var) {
        return source(definitions, var) instanceof IntegerConstantInstruction c ? c.getConstant() : null;
    }

    /** The array whose element the checked index reaches: TeaVM puts the check just before that access. */
    private static Variable arrayOf(BoundCheckInstruction check, MethodReference method) {
        Variable index = check.getReceiver();
        for (Instruction next = check.getNext(); next != null; next = next.getNext()) {
            if (next instanceof GetElementInstruction get && get.getIndex() == index) {
                return get.getArray();
            }
            if (next instanceof PutElementInstruction put && put.getIndex() == index) {
                return put.getArray();
            }
        }
        throw new IllegalStateException("a lower-bound check in " + method + " guards no array access in its block:"
                + " TeaVM's BoundCheckInsertion changed, Kiln's BoundCheckArrays must be looked at");
    }
}
