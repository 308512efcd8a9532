package dev.kiln.builder.nativeimage;

import org.teavm.classlib.impl.JCLPlugin;
import org.teavm.classlib.impl.record.ObjectMethodsSubstitutor;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.vm.spi.After;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * A record's hashCode() as HotSpot computes it. javac compiles a record's equals, hashCode and
 * toString to an invokedynamic of java.lang.runtime.ObjectMethods.bootstrap, which TeaVM's
 * ObjectMethodsSubstitutor expands to {@code h = 31 * h + hash(component)} per component starting
 * from 1; the JDK starts from 0. The difference is 31^n for n components (mod 2^32), which this
 * substitutor, installed after TeaVM's class library (so it replaces TeaVM's), subtracts. It
 * matters beyond printing hash codes: a HashMap with record keys iterates in hash order.
 * TeaVM finds this plugin through META-INF/services/org.teavm.vm.spi.TeaVMPlugin.
 */
@After(JCLPlugin.class)
public final class RecordHashPlugin implements TeaVMPlugin {
    private static final MethodReference BOOTSTRAP = new MethodReference("java.lang.runtime.ObjectMethods",
            "bootstrap", ValueType.object("java.lang.invoke.MethodHandles$Lookup"), ValueType.object("java.lang.String"),
            ValueType.object("java.lang.invoke.TypeDescriptor"), ValueType.object("java.lang.Class"),
            ValueType.object("java.lang.String"), ValueType.arrayOf(ValueType.object("java.lang.invoke.MethodHandle")),
            ValueType.object("java.lang.Object"));

    @Override
    public void install(TeaVMHost host) {
        ObjectMethodsSubstitutor teavm = new ObjectMethodsSubstitutor();
        host.add(BOOTSTRAP, (callSite, pe) -> {
            ValueEmitter result = teavm.substitute(callSite, pe);
            if (!callSite.getCalledMethod().getName().equals("hashCode")) {
                return result;
            }
            String names = callSite.getBootstrapArguments().get(1).getString();
            return result.sub(pe.constant(teavmStart(names)));
        });
    }

    /** 31^n, n the number of components in ObjectMethods' ";"-separated names (wrapping as int). */
    static int teavmStart(String names) {
        int n = names.isEmpty() ? 0 : names.split(";", -1).length;
        int power = 1;
        for (int i = 0; i < n; i++) {
            power *= 31;
        }
        return power;
    }
}
