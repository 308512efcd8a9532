package dev.kiln.builder.nativeimage;

import org.teavm.model.AccessLevel;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.FieldHolder;
import org.teavm.model.FieldReference;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.GetFieldInstruction;
import org.teavm.model.instructions.PutFieldInstruction;

/**
 * Green-thread stacks for debuggers (dev.kiln.rt.KilnStacks, guest/include/kiln/javadebug.h):
 * TeaVM's {@code Fiber} gets an int[] field {@value #FIELD}, and {@code Fiber.suspend} starts
 * with {@code current().kilnCallSites = KilnStacks.capture(current().kilnCallSites)}, so a
 * thread that blocks leaves the call-site ids of its frames where a debugger finds them.
 */
final class FiberStackRewrite {
    static final String FIBER = "org.teavm.runtime.Fiber";
    static final String FIELD = "kilnCallSites";
    private static final ValueType FIBER_TYPE = ValueType.object(FIBER);
    private static final ValueType INTS = ValueType.arrayOf(ValueType.INTEGER);

    private FiberStackRewrite() {
    }

    static void apply(ClassHolder fiber) {
        MethodHolder suspend = fiber.getMethod(new MethodDescriptor("suspend",
                ValueType.object("org.teavm.runtime.Fiber$AsyncCall"), ValueType.object("java.lang.Object")));
        if (suspend == null || suspend.getProgram() == null || fiber.getMethod(new MethodDescriptor("current",
                FIBER_TYPE)) == null) {
            throw new IllegalStateException("TeaVM's Fiber has no suspend(AsyncCall) or current() for Kiln's stack"
                    + " capture: this TeaVM version's runtime differs from the one Kiln was written for (0.16.0)");
        }
        FieldHolder field = new FieldHolder(FIELD);
        field.setType(INTS);
        field.setLevel(AccessLevel.PUBLIC);
        fiber.addField(field);

        Program program = suspend.getProgram();
        BasicBlock entry = program.basicBlockAt(0);
        Instruction first = entry.getFirstInstruction();
        FieldReference ref = new FieldReference(FIBER, FIELD);
        Variable current = program.createVariable();
        Variable old = program.createVariable();
        Variable captured = program.createVariable();
        Instruction[] prologue = {
            Ir.callStatic(new org.teavm.model.MethodReference(FIBER, "current", FIBER_TYPE), current),
            getField(ref, current, old),
            Ir.callStatic(Ir.rt("KilnStacks", "capture", INTS, INTS), captured, old),
            putField(ref, current, captured),
        };
        for (Instruction insn : prologue) {
            if (first != null) {
                insn.setLocation(first.getLocation());
                first.insertPrevious(insn);
            } else {
                entry.add(insn);
            }
        }
    }

    private static GetFieldInstruction getField(FieldReference ref, Variable instance, Variable receiver) {
        GetFieldInstruction get = new GetFieldInstruction();
        get.setField(ref);
        get.setFieldType(INTS);
        get.setInstance(instance);
        get.setReceiver(receiver);
        return get;
    }

    private static PutFieldInstruction putField(FieldReference ref, Variable instance, Variable value) {
        PutFieldInstruction put = new PutFieldInstruction();
        put.setField(ref);
        put.setFieldType(INTS);
        put.setInstance(instance);
        put.setValue(value);
        return put;
    }
}
