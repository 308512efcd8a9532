package dev.kiln.builder.nativeimage;

import org.teavm.backend.c.runtime.CResources;
import org.teavm.dependency.AbstractDependencyListener;
import org.teavm.dependency.DependencyAgent;
import org.teavm.dependency.MethodDependency;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Makes TeaVM 0.16.0's C resources work. {@code CResources.acquireResources()} is generated C that
 * builds an array of {@code Resource}s with Strings as names, but TeaVM's C target never tells its
 * dependency analysis so (its WebAssembly target does, in WasmGCResourceDependency): the analysis
 * then knows no type for a resource's name, and {@code CResources.<clinit>}'s {@code
 * HashMap.put(name, ...)} compiled into a call through a null method pointer (an image that asked
 * for a resource crashed at address 0). This listener says what the generated code returns.
 * TeaVM finds it through META-INF/services/org.teavm.vm.spi.TeaVMPlugin.
 */
public final class ResourcesDependency extends AbstractDependencyListener implements TeaVMPlugin {
    private static final MethodReference ACQUIRE = new MethodReference(CResources.class, "acquireResources",
            CResources.Resource[].class);
    private static final MethodReference CREATE = new MethodReference(CResources.class, "create",
            String.class, int.class, int.class, CResources.Resource.class);

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void methodReached(DependencyAgent agent, MethodDependency method) {
        if (method.getMethod() == null || !method.getMethod().getReference().equals(ACQUIRE)) {
            return;
        }
        MethodDependency create = agent.linkMethod(CREATE);
        create.propagate(1, agent.getType(ValueType.object("java.lang.String")));
        create.use();
        ValueType resource = ValueType.object(CResources.Resource.class.getName());
        method.getResult().propagate(agent.getType(ValueType.arrayOf(resource)));
        method.getResult().getArrayItem().propagate(agent.getType(resource));
    }
}
