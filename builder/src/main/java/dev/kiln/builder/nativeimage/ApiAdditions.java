package dev.kiln.builder.nativeimage;

import java.util.List;
import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * JDK methods (up to JDK 21) that TeaVM 0.16.0's String, CharSequence, Character, System, Properties, ByteArrayOutputStream
 * and Checksum lack, added to
 * those classes with bodies that call Kiln's static implementations in dev.kiln.rt (an instance
 * method's receiver becomes their first argument). Added to the class itself, not redirected at call
 * sites, so method references ({@code String::lines}) and calls from TeaVM's own library find them.
 * A method TeaVM has is kept, except the few it gets wrong (REPLACED, found by the conformance
 * programs under conformance/apis), whose bodies become calls of Kiln's.
 */
final class ApiAdditions {
    private record Added(String owner, String name, boolean isStatic, ValueType[] signature, String delegateClass) {
    }

    private static final ValueType I = ValueType.INTEGER;
    private static final ValueType Z = ValueType.BOOLEAN;
    private static final ValueType STRING = ValueType.object("java.lang.String");
    private static final ValueType CS = ValueType.object("java.lang.CharSequence");
    private static final ValueType STREAM = ValueType.object("java.util.stream.Stream");
    private static final ValueType FUNCTION = ValueType.object("java.util.function.Function");
    private static final ValueType OBJECT = ValueType.object("java.lang.Object");

    private static final ValueType MAP = ValueType.object("java.util.Map");
    private static final ValueType COLLECTOR = ValueType.object("java.util.stream.Collector");
    private static final ValueType SUPPLIER = ValueType.object("java.util.function.Supplier");
    private static final ValueType MERGER = ValueType.object("java.util.function.BinaryOperator");
    private static final String PARALLEL = Ir.RT + "KilnParallelStreams";
    private static final String STRINGS = Ir.RT + "KilnStringMethods";
    private static final String CHARS = Ir.RT + "KilnCharacters";

    private static final List<Added> ADDED = List.of(
            new Added("java.lang.String", "lines", false, sig(STREAM), STRINGS),
            new Added("java.lang.String", "indent", false, sig(I, STRING), STRINGS),
            new Added("java.lang.String", "transform", false, sig(FUNCTION, OBJECT), STRINGS),
            new Added("java.lang.String", "indexOf", false, sig(I, I, I, I), STRINGS),
            new Added("java.lang.String", "indexOf", false, sig(STRING, I, I, I), STRINGS),
            new Added("java.lang.String", "splitWithDelimiters", false,
                    sig(STRING, I, ValueType.arrayOf(STRING)), STRINGS),
            new Added("java.lang.CharSequence", "compare", true, sig(CS, CS, I), STRINGS),
            new Added("java.lang.Character", "toString", true, sig(I, STRING), CHARS),
            new Added("java.lang.Character", "isEmoji", true, sig(I, Z), CHARS),
            new Added("java.lang.Character", "isEmojiPresentation", true, sig(I, Z), CHARS),
            new Added("java.lang.Character", "isEmojiModifier", true, sig(I, Z), CHARS),
            new Added("java.lang.Character", "isEmojiModifierBase", true, sig(I, Z), CHARS),
            new Added("java.lang.Character", "isEmojiComponent", true, sig(I, Z), CHARS),
            new Added("java.lang.Character", "isExtendedPictographic", true, sig(I, Z), CHARS),
            new Added("java.lang.System", "getenv", true, sig(MAP), Ir.RT + "KilnEnvironment"),
            new Added("java.util.Properties", "store", false,
                    sig(ValueType.object("java.io.Writer"), STRING, ValueType.VOID), Ir.RT + "KilnProperties"),
            new Added("java.io.ByteArrayOutputStream", "writeBytes", false,
                    sig(ValueType.arrayOf(ValueType.BYTE), ValueType.VOID), Ir.RT + "KilnBytes"),
            // parallel streams (dev.kiln.libos.stream) and the concurrent collectors
            new Added("java.util.Collection", "parallelStream", false, sig(STREAM), PARALLEL),
            new Added("java.util.stream.Collectors", "groupingByConcurrent", true, sig(FUNCTION, COLLECTOR), PARALLEL),
            new Added("java.util.stream.Collectors", "groupingByConcurrent", true, sig(FUNCTION, COLLECTOR, COLLECTOR),
                    PARALLEL),
            new Added("java.util.stream.Collectors", "groupingByConcurrent", true,
                    sig(FUNCTION, SUPPLIER, COLLECTOR, COLLECTOR), PARALLEL),
            new Added("java.util.stream.Collectors", "toConcurrentMap", true, sig(FUNCTION, FUNCTION, COLLECTOR),
                    PARALLEL),
            new Added("java.util.stream.Collectors", "toConcurrentMap", true,
                    sig(FUNCTION, FUNCTION, MERGER, COLLECTOR), PARALLEL),
            new Added("java.util.stream.Collectors", "toConcurrentMap", true,
                    sig(FUNCTION, FUNCTION, MERGER, SUPPLIER, COLLECTOR), PARALLEL),
            // a default method since JDK 9
            new Added("java.util.zip.Checksum", "update", false, sig(ValueType.arrayOf(ValueType.BYTE), ValueType.VOID),
                    Ir.RT + "KilnBytes"));

    /** TeaVM 0.16.0 has these and differs from the JDK (its conformance program is named). */
    private static final List<Added> REPLACED = List.of(
            // " \t\n".isBlank() is false (ApiStringMethods)
            new Added("java.lang.String", "isBlank", false, sig(Z), STRINGS),
            // the indentation of a blank last line does not count (ApiStringMethods)
            new Added("java.lang.String", "stripIndent", false, sig(STRING), STRINGS),
            // "\\s" becomes nothing instead of a space (ApiStringMethods)
            new Added("java.lang.String", "translateEscapes", false, sig(STRING), STRINGS),
            // always null
            new Added("java.lang.System", "getenv", true, sig(STRING, STRING), Ir.RT + "KilnEnvironment"),
            // not the JDK's escapes
            new Added("java.util.Properties", "store", false,
                    sig(ValueType.object("java.io.OutputStream"), STRING, ValueType.VOID), Ir.RT + "KilnProperties"),
            // chars above U+00FF lose their high byte (ApiProperties)
            new Added("java.util.Properties", "load", false,
                    sig(ValueType.object("java.io.Reader"), ValueType.VOID), Ir.RT + "KilnProperties"));

    private ApiAdditions() {
    }

    private static ValueType[] sig(ValueType... types) {
        return types;
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        String name = cls.getName();
        for (Added a : ADDED) {
            if (a.owner().equals(name) && cls.getMethod(new MethodDescriptor(a.name(), a.signature())) == null) {
                cls.addMethod(delegate(a, context));
            }
        }
        for (Added a : REPLACED) {
            MethodHolder wrong = a.owner().equals(name) ? cls.getMethod(new MethodDescriptor(a.name(), a.signature()))
                    : null;
            if (wrong != null) {
                cls.removeMethod(wrong);
                cls.addMethod(delegate(a, context));
            }
        }
        if (name.equals("java.lang.CharSequence")) {
            defaultIsEmpty(cls, context);
        }
    }

    private static MethodHolder delegate(Added a, ClassHolderTransformerContext context) {
        MethodHolder method = new MethodHolder(a.name(), a.signature());
        method.setLevel(AccessLevel.PUBLIC);
        if (a.isStatic()) {
            method.getModifiers().add(ElementModifier.STATIC);
        }
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueType[] sig = a.signature();
        int own = a.isStatic() ? 0 : 1;
        ValueEmitter[] args = new ValueEmitter[sig.length - 1 + own];
        if (!a.isStatic()) {
            args[0] = pe.var(0, ValueType.object(a.owner()));
        }
        for (int i = 0; i < sig.length - 1; i++) {
            args[i + own] = pe.var(i + 1, sig[i]);
        }
        ValueType ret = sig[sig.length - 1];
        if (ret == ValueType.VOID) {
            pe.invoke(a.delegateClass(), a.name(), args);
            pe.exit();
        } else {
            pe.invoke(a.delegateClass(), a.name(), ret, args).returnValue();
        }
        return method;
    }

    /**
     * JDK 15 made CharSequence.isEmpty a default method ({@code length() == 0}); TeaVM declares it
     * abstract, so an application's CharSequence without isEmpty would have no method to call.
     */
    private static void defaultIsEmpty(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder isEmpty = cls.getMethod(new MethodDescriptor("isEmpty", Z));
        if (isEmpty == null || isEmpty.getProgram() != null) {
            return;
        }
        isEmpty.getModifiers().remove(ElementModifier.ABSTRACT);
        ProgramEmitter pe = ProgramEmitter.create(isEmpty, context.getHierarchy());
        pe.invoke(STRINGS, "isEmpty", Z, pe.var(0, CS)).returnValue();
    }
}
