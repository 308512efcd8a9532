package dev.kiln.builder.nativeimage;

import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * java.lang.Runtime as HotSpot has it, for shutdown hooks (libos's ShutdownHooks): TeaVM 0.12.3's
 * Runtime has no addShutdownHook, removeShutdownHook nor halt, and its exit(int) does nothing.
 * Each becomes an instance method that calls KilnRuntime's static one of the same name
 * (exit: KilnRuntime.exit, which runs the hooks as System.exit does).
 */
final class RuntimeRewrite {
    static final String RUNTIME_CLASS = "java.lang.Runtime";
    private static final ValueType THREAD = ValueType.object("java.lang.Thread");

    private RuntimeRewrite() {
    }

    static void apply(ClassHolder cls, ClassHolderTransformerContext context) {
        replace(cls, context, "exit", ValueType.INTEGER, ValueType.VOID);
        replace(cls, context, "halt", ValueType.INTEGER, ValueType.VOID);
        replace(cls, context, "addShutdownHook", THREAD, ValueType.VOID);
        replace(cls, context, "removeShutdownHook", THREAD, ValueType.BOOLEAN);
    }

    /** Runtime.name(param) becomes (or is added as) a call of KilnRuntime.name(param). */
    private static void replace(ClassHolder cls, ClassHolderTransformerContext context, String name, ValueType param,
                                ValueType result) {
        MethodDescriptor desc = new MethodDescriptor(name, param, result);
        MethodHolder old = cls.getMethod(desc);
        if (old != null) {
            cls.removeMethod(old);
        }
        MethodHolder method = new MethodHolder(desc);
        method.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueEmitter arg = pe.var(1, param);
        if (result == ValueType.VOID) {
            pe.invoke(KilnTeaVMTransformer.RUNTIME, name, arg);
            pe.exit();
        } else {
            pe.invoke(KilnTeaVMTransformer.RUNTIME, name, result, arg).returnValue();
        }
        cls.addMethod(method);
    }
}
