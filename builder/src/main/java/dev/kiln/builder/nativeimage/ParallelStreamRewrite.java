package dev.kiln.builder.nativeimage;

import java.util.Map;
import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * TeaVM's IntStream, LongStream and DoubleStream do not redeclare parallel() and sequential() with
 * their own type, as the JDK's do (javac compiles {@code LongStream.range(0, n).parallel()} as
 * {@code LongStream.parallel()LongStream}): the image had no such method. They get the abstract
 * declarations, which TeaVM's implementations already have. And TeaVM's streams ignore parallel(): it returns the stream itself and isParallel() stays false.
 * The four base classes of its stream implementations get a parallel() that wraps the stream in
 * libos's parallel stream of that kind (dev.kiln.libos.stream, through dev.kiln.rt.KilnParallelStreams),
 * which reports isParallel() until sequential(). An image that never calls parallel() never reaches
 * the wrappers.
 */
final class ParallelStreamRewrite {
    /** TeaVM's base class of each stream kind (after its class library's renaming) and that kind. */
    private static final Map<String, String> BASES = Map.of(
            "java.util.stream.impl.SimpleStreamImpl", "java.util.stream.Stream",
            "java.util.stream.intimpl.SimpleIntStreamImpl", "java.util.stream.IntStream",
            "java.util.stream.longimpl.SimpleLongStreamImpl", "java.util.stream.LongStream",
            "java.util.stream.doubleimpl.SimpleDoubleStreamImpl", "java.util.stream.DoubleStream");

    private ParallelStreamRewrite() {
    }

    static boolean appliesTo(String className) {
        return BASES.containsKey(className) || PRIMITIVE_KINDS.contains(className);
    }

    private static final java.util.Set<String> PRIMITIVE_KINDS = java.util.Set.of("java.util.stream.IntStream",
            "java.util.stream.LongStream", "java.util.stream.DoubleStream");

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        if (PRIMITIVE_KINDS.contains(cls.getName())) {
            declare(cls, "parallel");
            declare(cls, "sequential");
            return;
        }
        ValueType kind = ValueType.object(BASES.get(cls.getName()));
        MethodHolder parallel = cls.getMethod(new MethodDescriptor("parallel", kind));
        if (parallel == null || parallel.getProgram() == null) {
            throw new IllegalStateException("TeaVM's " + cls.getName() + " has no parallel() to replace");
        }
        ProgramEmitter pe = ProgramEmitter.create(parallel, context.getHierarchy());
        pe.invoke(Ir.RT + "KilnParallelStreams", "parallel", kind, pe.var(0, kind)).returnValue();
    }

    private static void declare(ClassHolder cls, String name) {
        MethodDescriptor d = new MethodDescriptor(name, ValueType.object(cls.getName()));
        if (cls.getMethod(d) != null) {
            return;
        }
        MethodHolder m = new MethodHolder(d);
        m.setLevel(AccessLevel.PUBLIC);
        m.getModifiers().add(ElementModifier.ABSTRACT);
        cls.addMethod(m);
    }
}
