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
        // TeaVM's is for JavaScript only (a build error in C): the guest's processors
        replace(cls, context, "availableProcessors", null, ValueType.INTEGER);
    }

    static final String VERSION_CLASS = "java.lang.Runtime$Version";

    /**
     * TeaVM's Runtime.Version says feature() 21 and has no toString: both come from the
     * java.runtime.version the image reports (the building JDK's, see SystemPropertiesRewrite).
     */
    static void version(ClassHolder cls, ClassHolderTransformerContext context) {
        replace(cls, context, "feature", null, ValueType.INTEGER, SystemPropertiesRewrite.PROPERTIES, "versionFeature");
        replace(cls, context, "toString", null, ValueType.object("java.lang.String"),
                SystemPropertiesRewrite.PROPERTIES, "runtimeVersion");
    }

    private static void replace(ClassHolder cls, ClassHolderTransformerContext context, String name, ValueType param,
                                ValueType result) {
        replace(cls, context, name, param, result, KilnTeaVMTransformer.RUNTIME, name);
    }

    /** Instance method name(param) (none if null) becomes (or is added as) a call of static target.to(param). */
    private static void replace(ClassHolder cls, ClassHolderTransformerContext context, String name, ValueType param,
                                ValueType result, String target, String to) {
        MethodDescriptor desc = param == null ? new MethodDescriptor(name, result)
                : new MethodDescriptor(name, param, result);
        MethodHolder old = cls.getMethod(desc);
        if (old != null) {
            cls.removeMethod(old);
        }
        MethodHolder method = new MethodHolder(desc);
        method.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueEmitter[] args = param == null ? new ValueEmitter[0] : new ValueEmitter[] {pe.var(1, param)};
        if (result == ValueType.VOID) {
            pe.invoke(target, to, args);
            pe.exit();
        } else {
            pe.invoke(target, to, result, args).returnValue();
        }
        cls.addMethod(method);
    }
}
