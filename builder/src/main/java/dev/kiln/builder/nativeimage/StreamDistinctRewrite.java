package dev.kiln.builder.nativeimage;

import java.util.Map;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.instructions.ConstructInstruction;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * TeaVM's distinct() streams (Stream, IntStream, LongStream, DoubleStream) forget what they saw at
 * every next() of a pulling consumer, so {@code Stream.of(3, 1, 3, 2, 1, 5, 8, 5).distinct().skip(1)}
 * let repeats through ([1, 3, 2] where HotSpot gives [1, 2, 5] after limit(3)). Their distinct()
 * now constructs libos's subclass that keeps one set for the stream's life
 * (org.teavm.classlib.java.util.stream.*.TKilnDistinct*StreamImpl). Conformance: LibStreamDistinct.
 */
final class StreamDistinctRewrite {
    /** TeaVM's distinct stream class (by the name TeaVM gives it) to Kiln's. */
    private static final Map<String, String> DISTINCT = Map.of(
            "java.util.stream.impl.DistinctStreamImpl", "java.util.stream.impl.KilnDistinctStreamImpl",
            "java.util.stream.intimpl.DistinctIntStreamImpl", "java.util.stream.intimpl.KilnDistinctIntStreamImpl",
            "java.util.stream.longimpl.DistinctLongStreamImpl", "java.util.stream.longimpl.KilnDistinctLongStreamImpl",
            "java.util.stream.doubleimpl.DistinctDoubleStreamImpl",
            "java.util.stream.doubleimpl.KilnDistinctDoubleStreamImpl");

    /** The classes whose distinct() constructs one. */
    private static final java.util.Set<String> OWNERS = java.util.Set.of("java.util.stream.impl.SimpleStreamImpl",
            "java.util.stream.intimpl.SimpleIntStreamImpl", "java.util.stream.longimpl.SimpleLongStreamImpl",
            "java.util.stream.doubleimpl.SimpleDoubleStreamImpl");

    private StreamDistinctRewrite() {
    }

    static boolean appliesTo(String className) {
        return OWNERS.contains(className);
    }

    static void apply(ClassHolder cls) {
        int replaced = 0;
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() == null) {
                continue;
            }
            for (Instruction insn : Ir.instructions(method.getProgram())) {
                if (insn instanceof ConstructInstruction construct && DISTINCT.containsKey(construct.getType())) {
                    construct.setType(DISTINCT.get(construct.getType()));
                    replaced++;
                } else if (insn instanceof InvokeInstruction call && call.getMethod().getName().equals("<init>")
                        && DISTINCT.containsKey(call.getMethod().getClassName())) {
                    MethodReference m = call.getMethod();
                    call.setMethod(new MethodReference(DISTINCT.get(m.getClassName()), m.getDescriptor()));
                }
            }
        }
        if (replaced == 0) {
            throw new IllegalStateException(cls.getName() + " constructs no distinct stream: TeaVM's class library changed");
        }
    }
}
