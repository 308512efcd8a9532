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
 * System properties as HotSpot reports them. java.lang.System's property methods become calls of
 * dev.kiln.rt.KilnSystemProperties (TeaVM's asked its C runtime for a home and a temporary
 * directory, which Kiln's guest has not, and threw NegativeArraySizeException on the error code),
 * and that class's {@code buildJdk()} returns the building JDK's version properties, so an image
 * reports the java.version of the JDK that built it (and compares equal with it).
 */
final class SystemPropertiesRewrite {
    static final String SYSTEM = "java.lang.System";
    static final String PROPERTIES = Ir.RT + "KilnSystemProperties";

    /** The building JDK's properties an image reports as its own. */
    static final List<String> FROM_BUILD_JDK = List.of(
            "java.version", "java.version.date", "java.vendor", "java.vendor.url", "java.vendor.version",
            "java.vm.name", "java.vm.vendor", "java.vm.version", "java.runtime.name", "java.runtime.version",
            "java.specification.name", "java.specification.vendor", "java.specification.version",
            "java.vm.specification.name", "java.vm.specification.vendor", "java.vm.specification.version",
            "java.class.version", "os.version");

    private static final ValueType STRING = ValueType.object("java.lang.String");
    private static final ValueType PROPS = ValueType.object("java.util.Properties");

    private static final List<MethodDescriptor> REPLACED = List.of(
            new MethodDescriptor("getProperty", STRING, STRING),
            new MethodDescriptor("getProperty", STRING, STRING, STRING),
            new MethodDescriptor("getProperties", PROPS),
            new MethodDescriptor("setProperties", PROPS, ValueType.VOID),
            new MethodDescriptor("setProperty", STRING, STRING, STRING),
            new MethodDescriptor("clearProperty", STRING, STRING),
            new MethodDescriptor("lineSeparator", STRING));

    private SystemPropertiesRewrite() {
    }

    /** The "key=value" lines KilnSystemProperties.buildJdk() returns in an image built by this JDK. */
    static String buildJdk() {
        StringBuilder sb = new StringBuilder();
        for (String key : FROM_BUILD_JDK) {
            String value = System.getProperty(key);
            if (value != null && value.indexOf('\n') < 0) {
                sb.append(key).append('=').append(value).append('\n');
            }
        }
        return sb.toString();
    }

    static void system(ClassHolder cls, ClassHolderTransformerContext context) {
        for (MethodDescriptor desc : REPLACED) {
            MethodHolder old = cls.getMethod(desc);
            if (old != null) {
                cls.removeMethod(old);
            }
            MethodHolder method = new MethodHolder(desc);
            method.getModifiers().add(ElementModifier.STATIC);
            method.setLevel(AccessLevel.PUBLIC);
            ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
            ValueType[] sig = desc.getSignature();
            ValueEmitter[] params = new ValueEmitter[sig.length - 1];
            for (int i = 0; i < params.length; i++) {
                params[i] = pe.var(i + 1, sig[i]);
            }
            ValueType ret = desc.getResultType();
            if (ret == ValueType.VOID) {
                pe.invoke(PROPERTIES, desc.getName(), params);
                pe.exit();
            } else {
                pe.invoke(PROPERTIES, desc.getName(), ret, params).returnValue();
            }
            cls.addMethod(method);
        }
    }

    static void properties(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodDescriptor desc = new MethodDescriptor("buildJdk", STRING);
        MethodHolder old = cls.getMethod(desc);
        if (old == null) {
            throw new IllegalStateException(PROPERTIES + " has no buildJdk()");
        }
        cls.removeMethod(old);
        MethodHolder method = new MethodHolder(desc);
        method.getModifiers().add(ElementModifier.STATIC);
        method.setLevel(AccessLevel.PACKAGE_PRIVATE);
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        pe.constant(buildJdk()).returnValue();
        cls.addMethod(method);
    }
}
