package dev.kiln.builder.nativeimage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.teavm.model.BasicBlock;
import org.teavm.model.Instruction;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;

/** Small helpers for the builder's rewrites of TeaVM's intermediate code. */
final class Ir {
    static final String RT = "dev.kiln.rt.";

    private Ir() {
    }

    /** A call of a static method (TeaVM's IR: SPECIAL without an instance). */
    static InvokeInstruction callStatic(MethodReference method, Variable receiver, Variable... args) {
        InvokeInstruction call = new InvokeInstruction();
        call.setType(InvocationType.SPECIAL);
        call.setMethod(method);
        call.setArguments(args);
        call.setReceiver(receiver);
        return call;
    }

    static MethodReference rt(String cls, String name, ValueType... signature) {
        return new MethodReference(RT + cls, name, signature);
    }

    static ValueType object(String cls) {
        return ValueType.object(cls);
    }

    /** Every instruction of the program, in a list that stays valid while instructions are inserted. */
    static List<Instruction> instructions(Program program) {
        List<Instruction> all = new ArrayList<>();
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction insn = block.getFirstInstruction(); insn != null; insn = insn.getNext()) {
                all.add(insn);
            }
        }
        return all;
    }

    /**
     * Passes the value {@code receiver} gets from {@code producer} through {@code filter} (a static
     * method taking {@code extra} and then the value, returning the value's type): the producer
     * now defines a fresh variable and the filter's call defines {@code receiver}.
     */
    static void filterResult(Instruction producer, Variable receiver, Consumer<Variable> setReceiver,
            MethodReference filter, Variable... extra) {
        Program program = producer.getProgram();
        Variable raw = program.createVariable();
        setReceiver.accept(raw);
        Variable[] args = Arrays.copyOf(extra, extra.length + 1);
        args[extra.length] = raw;
        InvokeInstruction call = callStatic(filter, receiver, args);
        call.setLocation(producer.getLocation());
        producer.insertNext(call);
    }
}
