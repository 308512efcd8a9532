package dev.kiln.builder.nativeimage;

import org.teavm.model.Instruction;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.CastNumberInstruction;
import org.teavm.model.instructions.NumericOperandType;

/**
 * Floating-point to integer conversions as the JLS defines them (5.1.3): NaN becomes 0, and a
 * value beyond the target's range its MIN_VALUE or MAX_VALUE. TeaVM's C backend emits C's cast,
 * which is undefined out of range (x86's cvttsd2si gives MIN_VALUE for NaN and both overflows), so
 * {@code (int) 1e20} was -2147483648. Each d2i, d2l, f2i and f2l becomes a call of
 * dev.kiln.rt.KilnCasts, whose in-range path is the plain cast (TeaVM inlines it).
 */
final class CastSaturation {
    private CastSaturation() {
    }

    static void apply(Program program) {
        for (Instruction insn : Ir.instructions(program)) {
            if (!(insn instanceof CastNumberInstruction cast) || cast.getReceiver() == null) {
                continue;
            }
            MethodReference helper = helper(cast.getSourceType(), cast.getTargetType());
            if (helper == null) {
                continue;
            }
            var call = Ir.callStatic(helper, cast.getReceiver(), cast.getValue());
            call.setLocation(cast.getLocation());
            cast.replace(call);
        }
    }

    /** The saturating conversion for a cast from SOURCE to TARGET, null for one that needs none. */
    static MethodReference helper(NumericOperandType source, NumericOperandType target) {
        ValueType from = switch (source) {
            case DOUBLE -> ValueType.DOUBLE;
            case FLOAT -> ValueType.FLOAT;
            default -> null;
        };
        ValueType to = switch (target) {
            case INT -> ValueType.INTEGER;
            case LONG -> ValueType.LONG;
            default -> null;
        };
        if (from == null || to == null) {
            return null;
        }
        String name = (source == NumericOperandType.DOUBLE ? "d" : "f") + "2" + (to == ValueType.INTEGER ? "i" : "l");
        return Ir.rt("KilnCasts", name, from, to);
    }
}
