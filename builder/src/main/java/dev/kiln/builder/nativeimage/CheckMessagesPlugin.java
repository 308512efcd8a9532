package dev.kiln.builder.nativeimage;

import java.lang.reflect.Field;
import org.teavm.model.transformation.BoundCheckInsertion;
import org.teavm.vm.TeaVM;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Installs what gives TeaVM's inline checks HotSpot's messages: {@link CheckMessageRewrite} (with
 * the image's {@link ClassModuleTable}, passed by the builder in the property {@link #MODULES}),
 * {@link CheckExceptionTypes} and
 * {@link BoundCheckArrays} in place of the C target's BoundCheckInsertion. TeaVM offers no hook for
 * the latter: its CTarget keeps the pass in a private field, set here by reflection; a TeaVM where
 * that field is not there fails the build. TeaVM finds this plugin through
 * META-INF/services/org.teavm.vm.spi.TeaVMPlugin.
 */
public final class CheckMessagesPlugin implements TeaVMPlugin {
    static final String MODULES = "kiln.classModules";
    private static final String C_TARGET = "org.teavm.backend.c.CTarget";

    @Override
    public void install(TeaVMHost host) {
        host.add(new CheckMessageRewrite(host.getProperties().getProperty(MODULES, "")));
        host.add(new CheckExceptionTypes());
        if (!(host instanceof TeaVM vm)) {
            throw new IllegalStateException("TeaVM's host is not org.teavm.vm.TeaVM: " + host.getClass().getName());
        }
        Object target = read(TeaVM.class, "target", vm);
        if (target != null && target.getClass().getName().equals(C_TARGET)) {
            write(target.getClass(), "boundCheckInsertion", target, new BoundCheckArrays());
        }
    }

    private static Object read(Class<?> owner, String name, Object instance) {
        try {
            return field(owner, name).get(instance);
        } catch (ReflectiveOperationException e) {
            throw changed(owner, name, e);
        }
    }

    private static void write(Class<?> owner, String name, Object instance, BoundCheckInsertion value) {
        try {
            Field f = field(owner, name);
            if (f.getType() != BoundCheckInsertion.class) {
                throw new NoSuchFieldException(name + " is a " + f.getType().getName());
            }
            f.set(instance, value);
        } catch (ReflectiveOperationException e) {
            throw changed(owner, name, e);
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static IllegalStateException changed(Class<?> owner, String name, Exception e) {
        return new IllegalStateException("TeaVM's " + owner.getName() + "." + name + " is not as in 0.16.0 (" + e
                + "): Kiln's CheckMessagesPlugin must be looked at", e);
    }
}
