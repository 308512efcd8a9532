package dev.kiln.builder.nativeimage;

import java.util.Map;
import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * JDK classes whose toString format TeaVM's library gets wrong: their toString() becomes a call of
 * dev.kiln.rt.KilnToStrings (which formats from the class's public accessors, so TeaVM's fields
 * stay TeaVM's business).
 */
final class ToStringRewrite {
    private static final Map<String, String> FORMATTERS = Map.of(
            "java.util.Optional", "optional",
            "java.util.OptionalInt", "optionalInt",
            "java.util.OptionalLong", "optionalLong",
            "java.util.OptionalDouble", "optionalDouble",
            "java.util.IntSummaryStatistics", "intStatistics",
            "java.util.LongSummaryStatistics", "longStatistics",
            "java.util.DoubleSummaryStatistics", "doubleStatistics");

    private static final ValueType STRING = ValueType.object("java.lang.String");

    private ToStringRewrite() {
    }

    static boolean appliesTo(String className) {
        return FORMATTERS.containsKey(className);
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodDescriptor desc = new MethodDescriptor("toString", STRING);
        MethodHolder old = cls.getMethod(desc);
        if (old != null) {
            cls.removeMethod(old);
        }
        MethodHolder method = new MethodHolder(desc);
        method.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueType self = ValueType.object(cls.getName());
        pe.invoke(Ir.RT + "KilnToStrings", FORMATTERS.get(cls.getName()), STRING, pe.var(0, self)).returnValue();
        cls.addMethod(method);
    }
}
