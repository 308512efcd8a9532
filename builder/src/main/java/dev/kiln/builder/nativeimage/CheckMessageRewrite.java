package dev.kiln.builder.nativeimage;

import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.instructions.ConstructInstruction;
import org.teavm.model.util.ProgramUtils;

/**
 * The Java half of HotSpot's messages for TeaVM's inline checks (the C half: RuntimeHeaderPatch):
 * <ul>
 * <li>TeaVM's throwers of the failed bounds check and checkcast
 *     ({@code ExceptionHandling.throwArrayIndexOutOfBoundsException/throwClassCastException}, which
 *     threw their exception without a message) throw dev.kiln.rt.KilnCheckMessages' instead, built
 *     from what guest/runtime/checks.c recorded;</li>
 * <li>{@code System.arraycopy} checks its arguments first with HotSpot's exceptions and messages
 *     (dev.kiln.rt.KilnArraycopy);</li>
 * <li>{@code Class.cast} says "Cannot cast java.lang.Integer to java.lang.String" (TeaVM's text was
 *     another);</li>
 * <li>dev.kiln.rt.KilnClassModules' table returns this image's {@link ClassModuleTable}.</li>
 * </ul>
 * Each target must be found as TeaVM 0.16.0 has it, else the build fails.
 */
final class CheckMessageRewrite implements ClassHolderTransformer {
    private static final String EXCEPTION_HANDLING = "org.teavm.runtime.ExceptionHandling";
    private static final String MESSAGES = Ir.RT + "KilnCheckMessages";
    private static final String MODULES = Ir.RT + "KilnClassModules";
    private static final ValueType THROWABLE = ValueType.object("java.lang.Throwable");
    private static final ValueType OBJECT = ValueType.object("java.lang.Object");
    private static final ValueType CLASS = ValueType.object("java.lang.Class");

    private final String table;

    /** @param table the lines of {@link ClassModuleTable#text} */
    CheckMessageRewrite(String table) {
        this.table = table;
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        switch (cls.getName()) {
            case EXCEPTION_HANDLING -> {
                thrower(cls, context, "throwArrayIndexOutOfBoundsException", "java.lang.ArrayIndexOutOfBoundsException",
                        "arrayIndex");
                thrower(cls, context, "throwClassCastException", "java.lang.ClassCastException", "classCast");
            }
            case "java.lang.Class" -> {
                MethodHolder cast = existing(cls, new MethodDescriptor("cast", OBJECT, OBJECT));
                cast.setProgram(null);
                ProgramEmitter pe = ProgramEmitter.create(cast, context.getHierarchy());
                pe.invoke(MESSAGES, "cast", OBJECT, pe.var(0, CLASS), pe.var(1, OBJECT)).returnValue();
            }
            case "java.lang.System" -> checkArraycopy(cls, context);
            case MODULES -> {
                MethodHolder text = existing(cls, new MethodDescriptor("table", ValueType.object("java.lang.String")));
                text.setProgram(null);
                ProgramEmitter pe = ProgramEmitter.create(text, context.getHierarchy());
                pe.constant(table).returnValue();
            }
            default -> {
            }
        }
    }

    /** {@code name()} constructed {@code exception} without a message; it now throws {@code KilnCheckMessages.factory()}. */
    private static void thrower(ClassHolder cls, ClassHolderTransformerContext context, String name, String exception,
            String factory) {
        MethodHolder method = existing(cls, new MethodDescriptor(name, ValueType.VOID));
        boolean constructs = false;
        for (Instruction insn : Ir.instructions(method.getProgram())) {
            constructs |= insn instanceof ConstructInstruction c && c.getType().equals(exception);
        }
        if (!constructs) {
            throw changed(cls.getName() + "." + name + " does not construct " + exception);
        }
        method.setProgram(null);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueEmitter thrown = pe.invoke(MESSAGES, factory, ValueType.object(exception));
        pe.invoke(EXCEPTION_HANDLING, "throwException", ValueType.VOID, thrown.cast(THROWABLE));
        pe.exit();
    }

    /**
     * System.arraycopy keeps its body as arraycopy$unchecked and runs KilnArraycopy.check first, which
     * copies itself (and then TeaVM's copy does not run) where TeaVM's would be wrong.
     */
    private static void checkArraycopy(ClassHolder cls, ClassHolderTransformerContext context) {
        ValueType[] sig = {OBJECT, ValueType.INTEGER, OBJECT, ValueType.INTEGER, ValueType.INTEGER, ValueType.VOID};
        MethodHolder old = existing(cls, new MethodDescriptor("arraycopy", sig));
        MethodHolder unchecked = new MethodHolder("arraycopy$unchecked", sig);
        unchecked.setLevel(AccessLevel.PRIVATE);
        unchecked.getModifiers().add(ElementModifier.STATIC);
        unchecked.setProgram(ProgramUtils.copy(old.getProgram()));
        cls.removeMethod(old);
        cls.addMethod(unchecked);
        MethodHolder method = new MethodHolder("arraycopy", sig);
        method.setLevel(AccessLevel.PUBLIC);
        method.getModifiers().add(ElementModifier.STATIC);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueEmitter[] args = new ValueEmitter[5];
        for (int i = 0; i < args.length; i++) {
            args[i] = pe.var(i + 1, sig[i]);
        }
        ValueEmitter copied = pe.invoke(Ir.RT + "KilnArraycopy", "check", ValueType.BOOLEAN, args);
        pe.when(copied.isFalse()).thenDo(() -> pe.invoke(cls.getName(), unchecked.getName(), ValueType.VOID, args));
        pe.exit();
        cls.addMethod(method);
    }

    private static MethodHolder existing(ClassHolder cls, MethodDescriptor descriptor) {
        MethodHolder method = cls.getMethod(descriptor);
        if (method == null || method.getProgram() == null) {
            throw changed(cls.getName() + " has no " + descriptor + " with a body");
        }
        return method;
    }

    private static IllegalStateException changed(String what) {
        return new IllegalStateException(what + ": TeaVM changed since 0.16.0, Kiln's CheckMessageRewrite must be"
                + " looked at");
    }
}
