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
 * Numbers as HotSpot prints and computes them, where TeaVM's class library differs:
 * <ul>
 * <li>{@code AbstractStringBuilder.insert(int, double)} and {@code insert(int, float)}, through which
 *     append, Double.toString, Float.toString, String.valueOf and string concatenation go, insert
 *     {@code KilnFloatingDecimal.toString(value)}: the shortest decimal that rounds to the value, as
 *     the JDK's Javadoc (19 and later) specifies.</li>
 * <li>Math.asin, acos, atan, atan2, sinh, cosh, expm1, log1p, hypot, IEEEremainder call StrictMath, the
 *     JDK's own (fdlibm, compiled from the host JDK's bytecode: {@code HostJdkClasses}), as HotSpot 25's
 *     Math does on x86_64; TeaVM's called C's libm or computed them from other functions.</li>
 * <li>Math.scalb, nextUp, nextDown, nextAfter (double and float): exact, as the Javadoc says ({@code KilnMath});
 *     TeaVM's overflowed, rounded subnormals wrongly and mishandled NaN. Math.toRadians, toDegrees: one
 *     multiplication by a constant, as HotSpot computes them.</li>
 * <li>Math.log10, cbrt, tanh, which HotSpot computes with intrinsics of its own: musl's ({@code KilnMath})
 *     instead of formulas of other functions; Math.pow musl's with the Javadoc's NaN for pow(1, NaN) and
 *     pow(±1, ±Infinity) (C99 gives 1).</li>
 * <li>Integer/Long/Short/Byte.parseX(String, int), Double.parseDouble, Float.parseFloat, Integer/Long.decode: the Javadoc's
 *     grammar and HotSpot's messages ({@code KilnNumberParsing}).</li>
 * <li>DecimalFormat.format(double, ...): rounding of the binary value ({@code KilnDecimalFormat}).</li>
 * <li>java.util.Random's nextInt(bound) and nextBytes, and RandomGenerator's bounded draws: the
 *     algorithms of their Javadoc ({@code KilnRandom}).</li>
 * </ul>
 * Each method is looked up by its descriptor; one that is missing fails the build, naming it (a
 * TeaVM version Kiln does not know).
 */
final class NumberRewrite {
    static final String STRING_BUILDER = "java.lang.AbstractStringBuilder";
    static final String MATH = "java.lang.Math";
    static final String STRICT_MATH = "java.lang.StrictMath";
    static final String RANDOM = "java.util.Random";
    static final String RANDOM_GENERATOR = "java.util.random.RandomGenerator";

    private static final ValueType D = ValueType.DOUBLE;
    private static final ValueType F = ValueType.FLOAT;
    private static final ValueType I = ValueType.INTEGER;
    private static final ValueType J = ValueType.LONG;
    private static final ValueType BYTES = ValueType.arrayOf(ValueType.BYTE);
    private static final ValueType STRING = ValueType.object("java.lang.String");

    /** A method of {@code owner} whose body becomes a call of the static {@code Kiln*.name}. */
    private record Body(String owner, String name, ValueType[] signature, String delegate, boolean replace) {
    }

    private static final List<Body> BODIES = List.of(
            kiln("log10", D, D), kiln("cbrt", D, D), kiln("tanh", D, D), kiln("pow", D, D, D),
            kiln("scalb", D, I, D), kiln("scalb", F, I, F), kiln("nextUp", D, D), kiln("nextUp", F, F),
            kiln("nextDown", D, D), kiln("nextDown", F, F), kiln("nextAfter", D, D, D), kiln("nextAfter", F, D, F),
            kiln("toRadians", D, D), kiln("toDegrees", D, D),
            strict("asin", D, D), strict("acos", D, D), strict("atan", D, D), strict("atan2", D, D, D),
            strict("sinh", D, D), strict("cosh", D, D), strict("expm1", D, D), strict("log1p", D, D),
            strict("hypot", D, D, D), strict("IEEEremainder", D, D, D),
            // Random's own nextInt(bound) and nextBytes (not RandomGenerator's)
            new Body(RANDOM, "nextInt", new ValueType[] {I, I}, "KilnRandom.legacyNextInt", false),
            new Body(RANDOM, "nextBytes", new ValueType[] {BYTES, ValueType.VOID}, "KilnRandom.legacyNextBytes", false),
            generator("nextInt", I, I),
            generator("nextInt", I, I, I),
            generator("nextLong", J, J),
            generator("nextLong", J, J, J),
            generator("nextDouble", D, D),
            generator("nextDouble", D, D, D),
            generator("nextFloat", F, F),
            generator("nextFloat", F, F, F),
            generator("nextBytes", BYTES, ValueType.VOID),
            // parsing, with HotSpot's messages
            parser("java.lang.Integer", "parseInt", STRING, I, I),
            parser("java.lang.Long", "parseLong", STRING, I, J),
            parser("java.lang.Short", "parseShort", STRING, I, ValueType.SHORT),
            parser("java.lang.Byte", "parseByte", STRING, I, ValueType.BYTE),
            parser("java.lang.Double", "parseDouble", STRING, D),
            parser("java.lang.Float", "parseFloat", STRING, F),
            new Body("java.lang.Integer", "decode", new ValueType[] {STRING, ValueType.object("java.lang.Integer")},
                    "KilnNumberParsing.decodeInt", true),
            new Body("java.lang.Long", "decode", new ValueType[] {STRING, ValueType.object("java.lang.Long")},
                    "KilnNumberParsing.decodeLong", true),
            // DecimalFormat rounds the binary value
            new Body("java.text.DecimalFormat", "format", new ValueType[] {D, ValueType.object("java.lang.StringBuffer"),
                    ValueType.object("java.text.FieldPosition"), ValueType.object("java.lang.StringBuffer")},
                    "KilnDecimalFormat", true));

    private static final java.util.Set<String> OWNERS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(STRING_BUILDER), BODIES.stream().map(Body::owner))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private NumberRewrite() {
    }

    /** A Math method whose body becomes a call of KilnMath's method of the same name and descriptor. */
    private static Body kiln(String name, ValueType... signature) {
        return new Body(MATH, name, signature, "KilnMath", true);
    }

    /**
     * A Math method that HotSpot 25 (x86_64) computes by calling StrictMath's, with no intrinsic of its
     * own: Math and StrictMath agree bit for bit there, so they do in an image.
     */
    private static Body strict(String name, ValueType... signature) {
        return new Body(MATH, name, signature, STRICT_MATH, true);
    }

    private static Body parser(String owner, String name, ValueType... signature) {
        return new Body(owner, name, signature, "KilnNumberParsing", true);
    }

    private static Body generator(String name, ValueType... signature) {
        return new Body(RANDOM_GENERATOR, name, signature, "KilnRandom", true);
    }

    static boolean appliesTo(String className) {
        return OWNERS.contains(className);
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        if (cls.getName().equals(STRING_BUILDER)) {
            insertText(cls, context, D);
            insertText(cls, context, F);
        }
        for (Body b : BODIES) {
            if (b.owner().equals(cls.getName())) {
                delegate(cls, b, context);
            }
        }
    }

    /** insert(int index, double|float value) { return insert(index, KilnFloatingDecimal.toString(value)); } */
    private static void insertText(ClassHolder cls, ClassHolderTransformerContext context, ValueType type) {
        ValueType self = ValueType.object(STRING_BUILDER);
        MethodHolder insert = existing(cls, new MethodDescriptor("insert", I, type, self));
        insert.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(insert, context.getHierarchy());
        ValueEmitter text = pe.invoke(Ir.RT + "KilnFloatingDecimal", "toString", ValueType.object("java.lang.String"),
                pe.var(2, type));
        pe.var(0, self).invokeVirtual("insert", self, pe.var(1, I), text).returnValue();
    }

    private static void delegate(ClassHolder cls, Body b, ClassHolderTransformerContext context) {
        MethodDescriptor descriptor = new MethodDescriptor(b.name(), b.signature());
        MethodHolder method = cls.getMethod(descriptor);
        if (b.replace() && method != null && method.hasModifier(ElementModifier.NATIVE)) {
            // TeaVM's Math.asin and friends are C's libm (@Import): a method of the same name with a body instead
            cls.removeMethod(method);
            method = new MethodHolder(descriptor);
            method.getModifiers().add(ElementModifier.STATIC);
            method.setLevel(AccessLevel.PUBLIC);
            cls.addMethod(method);
        } else if (b.replace()) {
            method = existing(cls, descriptor);
            method.setProgram(null);
        } else if (method == null || method.getProgram() == null) {
            // an override of a RandomGenerator default that TeaVM's Random lacks
            if (method != null) {
                cls.removeMethod(method);
            }
            method = new MethodHolder(descriptor);
            method.setLevel(AccessLevel.PUBLIC);
            cls.addMethod(method);
        } else {
            method.setProgram(null);
        }
        boolean isStatic = method.hasModifier(ElementModifier.STATIC);
        // "KilnX" or "KilnX.method" in dev.kiln.rt, or a JDK class ("java.lang.StrictMath") with the same method name
        boolean jdk = b.delegate().startsWith("java.");
        String delegateClass = jdk ? b.delegate() : Ir.RT + (b.delegate().contains(".")
                ? b.delegate().substring(0, b.delegate().indexOf('.')) : b.delegate());
        String delegateName = !jdk && b.delegate().contains(".")
                ? b.delegate().substring(b.delegate().indexOf('.') + 1) : b.name();
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueType[] sig = b.signature();
        int params = sig.length - 1;
        ValueEmitter[] args = new ValueEmitter[params + (isStatic ? 0 : 1)];
        int a = 0;
        if (!isStatic) {
            args[a++] = pe.var(0, ValueType.object(cls.getName()));
        }
        for (int i = 0; i < params; i++) {
            args[a++] = pe.var(i + 1, sig[i]);
        }
        ValueType ret = sig[sig.length - 1];
        if (ret == ValueType.VOID) {
            pe.invoke(delegateClass, delegateName, args);
            pe.exit();
        } else {
            pe.invoke(delegateClass, delegateName, ret, args).returnValue();
        }
    }

    private static MethodHolder existing(ClassHolder cls, MethodDescriptor descriptor) {
        MethodHolder method = cls.getMethod(descriptor);
        if (method == null || method.getProgram() == null) {
            throw new IllegalStateException("Kiln's rewrite of TeaVM's " + cls.getName() + " did not find " + descriptor
                    + " (a TeaVM version Kiln does not know?)");
        }
        return method;
    }
}
