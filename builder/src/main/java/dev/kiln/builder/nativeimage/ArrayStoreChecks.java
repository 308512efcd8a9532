package dev.kiln.builder.nativeimage;

import java.util.HashMap;
import java.util.Map;
import org.teavm.model.Instruction;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.ArrayElementType;
import org.teavm.model.instructions.ConstructArrayInstruction;
import org.teavm.model.instructions.ConstructInstruction;
import org.teavm.model.instructions.NullConstantInstruction;
import org.teavm.model.instructions.PutElementInstruction;

/**
 * ArrayStoreException: TeaVM 0.12.3 stores any reference into any object array. Before each
 * reference store into an array this inserts a call of dev.kiln.rt.KilnArrays.checkStore, except
 * where the method itself proves the store safe: the value is null, or the array was created
 * here as {@code new Object[n]}, or as {@code new T[n]} with the value created here as {@code new T}.
 */
final class ArrayStoreChecks {
    private static final ValueType OBJECT = ValueType.object("java.lang.Object");
    private static final MethodReference CHECK = Ir.rt("KilnArrays", "checkStore", ValueType.arrayOf(OBJECT), OBJECT,
            ValueType.VOID);

    private ArrayStoreChecks() {
    }

    static void apply(Program program) {
        Map<Integer, Instruction> definitions = null;
        for (Instruction insn : Ir.instructions(program)) {
            if (!(insn instanceof PutElementInstruction put) || put.getType() != ArrayElementType.OBJECT) {
                continue;
            }
            if (definitions == null) {
                definitions = definitions(program);
            }
            if (provenSafe(definitions.get(put.getArray().getIndex()), definitions.get(put.getValue().getIndex()))) {
                continue;
            }
            var check = Ir.callStatic(CHECK, null, put.getArray(), put.getValue());
            check.setLocation(put.getLocation());
            put.insertPrevious(check);
        }
    }

    private static boolean provenSafe(Instruction array, Instruction value) {
        if (value instanceof NullConstantInstruction) {
            return true;
        }
        if (array instanceof ConstructArrayInstruction newArray) {
            ValueType item = newArray.getItemType();
            return item.equals(OBJECT) || (value instanceof ConstructInstruction newValue
                    && item.equals(ValueType.object(newValue.getType())));
        }
        return false;
    }

    private static Map<Integer, Instruction> definitions(Program program) {
        Map<Integer, Instruction> defs = new HashMap<>();
        for (Instruction insn : Ir.instructions(program)) {
            if (insn instanceof ConstructArrayInstruction c && c.getReceiver() != null) {
                defs.put(c.getReceiver().getIndex(), c);
            } else if (insn instanceof ConstructInstruction c && c.getReceiver() != null) {
                defs.put(c.getReceiver().getIndex(), c);
            } else if (insn instanceof NullConstantInstruction c && c.getReceiver() != null) {
                defs.put(c.getReceiver().getIndex(), c);
            }
        }
        return defs;
    }
}
