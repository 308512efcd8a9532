package dev.kiln.builder.nativeimage;

import java.util.List;
import java.util.stream.Stream;
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
 * JDK methods (up to JDK 21) that TeaVM 0.16.0's String, CharSequence, Character, System, Properties, ByteArrayOutputStream,
 * Class, Checksum, Integer, Long, Math, Arrays, Matcher, Pattern, ByteBuffer and Charset lack, added to
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
    private static final ValueType J = ValueType.LONG;
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
    private static final ValueType COMPARABLE = ValueType.object("java.lang.Comparable");
    private static final ValueType SB = ValueType.object("java.lang.StringBuilder");
    private static final String MATCHER = "java.util.regex.Matcher";
    private static final String PATTERN = "java.util.regex.Pattern";
    private static final String BITS = Ir.RT + "KilnBits";
    private static final String ARRAYS = Ir.RT + "KilnArrayMethods";
    private static final String REGEX = Ir.RT + "KilnRegex";
    private static final String NIO = Ir.RT + "KilnNioMethods";
    private static final String BUILDERS = Ir.RT + "KilnStringBuilders";
    private static final String COLLECTIONS = "java.util.Collections";
    private static final String WRAPPERS = Ir.RT + "KilnCollectionWrappers";
    private static final ValueType BYTE_BUFFER = ValueType.object("java.nio.ByteBuffer");

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
            new Added("java.lang.Class", "isRecord", false, sig(Z), Ir.RT + "KilnClasses"),
            // a default method since JDK 9
            new Added("java.util.zip.Checksum", "update", false, sig(ValueType.arrayOf(ValueType.BYTE), ValueType.VOID),
                    Ir.RT + "KilnBytes"),
            // conformance/library: LibIntegerBits, LibLongBits
            new Added("java.lang.Integer", "compress", true, sig(I, I, I), BITS),
            new Added("java.lang.Integer", "expand", true, sig(I, I, I), BITS),
            new Added("java.lang.Integer", "parseUnsignedInt", true, sig(STRING, I), BITS),
            new Added("java.lang.Integer", "parseUnsignedInt", true, sig(STRING, I, I), BITS),
            new Added("java.lang.Long", "compress", true, sig(J, J, J), BITS),
            new Added("java.lang.Long", "expand", true, sig(J, J, J), BITS),
            new Added("java.lang.Long", "parseUnsignedLong", true, sig(STRING, J), BITS),
            new Added("java.lang.Long", "parseUnsignedLong", true, sig(STRING, I, J), BITS),
            new Added("java.lang.Math", "multiplyHigh", true, sig(J, J, J), BITS),
            new Added("java.lang.Math", "unsignedMultiplyHigh", true, sig(J, J, J), BITS),
            new Added("java.math.BigInteger", "sqrtAndRemainder", false,
                    sig(ValueType.arrayOf(ValueType.object("java.math.BigInteger"))), BITS),
            // JDK 11: Comparable<StringBuilder> (LibStringBuilder)
            new Added("java.lang.StringBuilder", "compareTo", false, sig(SB, I), STRINGS),
            new Added("java.lang.StringBuffer", "compareTo", false, sig(ValueType.object("java.lang.StringBuffer"), I), STRINGS),
            // conformance/library: LibArraysUtil
            new Added("java.util.Arrays", "parallelSort", true, sig(ValueType.arrayOf(I), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelSort", true, sig(ValueType.arrayOf(J), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelSort", true, sig(ValueType.arrayOf(ValueType.DOUBLE), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelSort", true, sig(ValueType.arrayOf(COMPARABLE), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelSort", true,
                    sig(ValueType.arrayOf(OBJECT), ValueType.object("java.util.Comparator"), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelPrefix", true,
                    sig(ValueType.arrayOf(I), ValueType.object("java.util.function.IntBinaryOperator"), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelPrefix", true,
                    sig(ValueType.arrayOf(J), ValueType.object("java.util.function.LongBinaryOperator"), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelPrefix", true, sig(ValueType.arrayOf(ValueType.DOUBLE),
                    ValueType.object("java.util.function.DoubleBinaryOperator"), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "parallelPrefix", true,
                    sig(ValueType.arrayOf(OBJECT), ValueType.object("java.util.function.BinaryOperator"), ValueType.VOID), ARRAYS),
            new Added("java.util.Arrays", "compare", true, sig(ValueType.arrayOf(I), ValueType.arrayOf(I), I), ARRAYS),
            new Added("java.util.Arrays", "compare", true, sig(ValueType.arrayOf(J), ValueType.arrayOf(J), I), ARRAYS),
            new Added("java.util.Arrays", "compare", true,
                    sig(ValueType.arrayOf(ValueType.BYTE), ValueType.arrayOf(ValueType.BYTE), I), ARRAYS),
            new Added("java.util.Arrays", "compare", true,
                    sig(ValueType.arrayOf(ValueType.SHORT), ValueType.arrayOf(ValueType.SHORT), I), ARRAYS),
            new Added("java.util.Arrays", "compare", true,
                    sig(ValueType.arrayOf(ValueType.CHARACTER), ValueType.arrayOf(ValueType.CHARACTER), I), ARRAYS),
            new Added("java.util.Arrays", "compare", true, sig(ValueType.arrayOf(Z), ValueType.arrayOf(Z), I), ARRAYS),
            new Added("java.util.Arrays", "compare", true,
                    sig(ValueType.arrayOf(ValueType.DOUBLE), ValueType.arrayOf(ValueType.DOUBLE), I), ARRAYS),
            new Added("java.util.Arrays", "compare", true,
                    sig(ValueType.arrayOf(COMPARABLE), ValueType.arrayOf(COMPARABLE), I), ARRAYS),
            new Added("java.util.Arrays", "compareUnsigned", true,
                    sig(ValueType.arrayOf(ValueType.BYTE), ValueType.arrayOf(ValueType.BYTE), I), ARRAYS),
            new Added("java.util.Arrays", "compareUnsigned", true, sig(ValueType.arrayOf(I), ValueType.arrayOf(I), I), ARRAYS),
            new Added("java.util.Arrays", "compareUnsigned", true, sig(ValueType.arrayOf(J), ValueType.arrayOf(J), I), ARRAYS),
            // conformance/library: LibChecksums, LibByteBuffer, LibCharsets
            new Added("java.util.zip.Checksum", "update", false, sig(BYTE_BUFFER, ValueType.VOID), Ir.RT + "KilnBytes"),
            new Added("java.nio.ByteBuffer", "slice", false, sig(I, I, BYTE_BUFFER), NIO),
            new Added("java.nio.ByteBuffer", "mismatch", false, sig(BYTE_BUFFER, I), NIO),
            new Added("java.nio.charset.Charset", "isSupported", true, sig(STRING, Z), NIO),
            // conformance/library: LibRegexGroups, LibRegexFlags
            new Added(MATCHER, "appendReplacement", false, sig(SB, STRING, ValueType.object(MATCHER)), REGEX),
            new Added(MATCHER, "appendTail", false, sig(SB, SB), REGEX),
            new Added(MATCHER, "replaceAll", false, sig(FUNCTION, STRING), REGEX),
            new Added(MATCHER, "replaceFirst", false, sig(FUNCTION, STRING), REGEX),
            new Added(MATCHER, "results", false, sig(STREAM), REGEX),
            new Added(PATTERN, "asPredicate", false, sig(ValueType.object("java.util.function.Predicate")), REGEX),
            new Added(PATTERN, "asMatchPredicate", false, sig(ValueType.object("java.util.function.Predicate")), REGEX),
            new Added(PATTERN, "splitAsStream", false, sig(CS, STREAM), REGEX),
            new Added(PATTERN, "splitWithDelimiters", false, sig(CS, I, ValueType.arrayOf(STRING)), REGEX),
            // conformance/library: LibCollectionWrappers
            new Added(COLLECTIONS, "unmodifiableSortedSet", true, sig(util("SortedSet"), util("SortedSet")), WRAPPERS),
            new Added(COLLECTIONS, "unmodifiableNavigableSet", true, sig(util("NavigableSet"), util("NavigableSet")),
                    WRAPPERS),
            new Added(COLLECTIONS, "unmodifiableSortedMap", true, sig(util("SortedMap"), util("SortedMap")), WRAPPERS),
            new Added(COLLECTIONS, "unmodifiableNavigableMap", true, sig(util("NavigableMap"), util("NavigableMap")),
                    WRAPPERS),
            new Added(COLLECTIONS, "emptySortedSet", true, sig(util("SortedSet")), WRAPPERS),
            new Added(COLLECTIONS, "emptyNavigableSet", true, sig(util("NavigableSet")), WRAPPERS),
            new Added(COLLECTIONS, "emptySortedMap", true, sig(util("SortedMap")), WRAPPERS),
            new Added(COLLECTIONS, "emptyNavigableMap", true, sig(util("NavigableMap")), WRAPPERS),
            new Added(COLLECTIONS, "asLifoQueue", true, sig(util("Deque"), util("Queue")), WRAPPERS));

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
            // -1/0/1 instead of the ordinals' difference (LangEnums)
            new Added("java.lang.Enum", "compareTo", false, sig(ValueType.object("java.lang.Enum"), I), Ir.RT + "KilnEnums"),
            // another message, and a null name is a missing constant instead of NullPointerException (LangEnums)
            new Added("java.lang.Enum", "valueOf", true, sig(ValueType.object("java.lang.Class"), STRING,
                    ValueType.object("java.lang.Enum")), Ir.RT + "KilnEnums"),
            // no cache of -128..127 (LangBoxing)
            new Added("java.lang.Long", "valueOf", true, sig(J, ValueType.object("java.lang.Long")), Ir.RT + "KilnBoxes"),
            // setLength keeps the old characters past the end; append of a null CharSequence throws (LibStringNulls)
            new Added("java.lang.StringBuilder", "setLength", false, sig(I, ValueType.VOID), BUILDERS),
            new Added("java.lang.StringBuffer", "setLength", false, sig(I, ValueType.VOID), BUILDERS),
            new Added("java.lang.StringBuilder", "append", false, sig(CS, SB), BUILDERS),
            new Added("java.lang.StringBuffer", "append", false, sig(CS, ValueType.object("java.lang.StringBuffer")),
                    BUILDERS),
            // a null element throws instead of joining "null" (LibStringNulls)
            new Added("java.lang.String", "join", true, sig(CS, ValueType.arrayOf(CS), STRING), BUILDERS),
            new Added("java.lang.String", "join", true, sig(CS, ValueType.object("java.lang.Iterable"), STRING), BUILDERS),
            // another duplicate key message (BehLibraryMessages)
            new Added("java.util.stream.Collectors", "toMap", true, sig(FUNCTION, FUNCTION, COLLECTOR),
                    Ir.RT + "KilnCollectors"),
            // the inclusive flags are ignored (LibCollectionWrappers)
            new Added("java.util.TreeSet", "subSet", false, sig(OBJECT, Z, OBJECT, Z, util("NavigableSet")),
                    Ir.RT + "KilnTreeSets"),
            // chars above U+00FF lose their high byte (ApiProperties)
            new Added("java.util.Properties", "load", false,
                    sig(ValueType.object("java.io.Reader"), ValueType.VOID), Ir.RT + "KilnProperties"));

    /** Math's exact arithmetic throws ArithmeticException without the JDK's message (LangOverflow). */
    private static final List<Added> EXACT = List.of(
            exact("addExact", I, I, I), exact("addExact", J, J, J), exact("subtractExact", I, I, I),
            exact("subtractExact", J, J, J), exact("multiplyExact", I, I, I), exact("multiplyExact", J, I, J),
            exact("multiplyExact", J, J, J), exact("incrementExact", I, I), exact("incrementExact", J, J),
            exact("decrementExact", I, I), exact("decrementExact", J, J), exact("negateExact", I, I),
            exact("negateExact", J, J), exact("toIntExact", J, I), exact("absExact", I, I), exact("absExact", J, J));

    private static Added exact(String name, ValueType... signature) {
        return new Added("java.lang.Math", name, true, signature, Ir.RT + "KilnExactMath");
    }

    private ApiAdditions() {
    }

    private static ValueType util(String simpleName) {
        return ValueType.object("java.util." + simpleName);
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
        for (Added a : Stream.concat(REPLACED.stream(), EXACT.stream()).toList()) {
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
        if (name.equals("java.util.Iterator")) {
            defaultRemove(cls, context);
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
     * JDK 8 made Iterator.remove a default method (UnsupportedOperationException "remove"); TeaVM
     * declares it abstract, so an application's iterator without remove had no method to call: the
     * image crashed on a null function pointer (LangIterators).
     */
    private static void defaultRemove(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder remove = cls.getMethod(new MethodDescriptor("remove", ValueType.VOID));
        if (remove == null || remove.getProgram() != null) {
            return;
        }
        remove.getModifiers().remove(ElementModifier.ABSTRACT);
        ProgramEmitter pe = ProgramEmitter.create(remove, context.getHierarchy());
        pe.invoke(Ir.RT + "KilnIterators", "remove", pe.var(0, ValueType.object("java.util.Iterator")));
        pe.exit();
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
