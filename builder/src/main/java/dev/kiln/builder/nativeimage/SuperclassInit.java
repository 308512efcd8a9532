package dev.kiln.builder.nativeimage;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InitClassInstruction;

/**
 * A class's superclass is initialized before the class itself (JLS 12.4.2, step 7). TeaVM's C
 * backend runs a class's static initializer without initializing its superclass first, so
 * {@code new Child()} printed Child's static blocks before Parent's. This puts an initialization
 * of the superclass at the head of each static initializer: the superclass's runs first, and a
 * superclass already being initialized (its initializer reached the subclass) is left alone, as
 * on HotSpot, because TeaVM marks a class initialized before it runs its initializer.
 */
final class SuperclassInit {
    private static final MethodDescriptor CLINIT = new MethodDescriptor("<clinit>", ValueType.VOID);

    private SuperclassInit() {
    }

    static void apply(ClassHolder cls) {
        String parent = cls.getParent();
        MethodHolder clinit = cls.getMethod(CLINIT);
        if (parent == null || parent.equals("java.lang.Object") || clinit == null || clinit.getProgram() == null
                || clinit.getProgram().basicBlockCount() == 0) {
            return;
        }
        InitClassInstruction init = new InitClassInstruction();
        init.setClassName(parent);
        BasicBlock entry = clinit.getProgram().basicBlockAt(0);
        Instruction first = entry.getFirstInstruction();
        if (first != null) {
            init.setLocation(first.getLocation());
            first.insertPrevious(init);
        } else {
            entry.add(init);
        }
    }
}
