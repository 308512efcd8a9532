package dev.kiln.builder.nativeimage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.callgraph.CallGraph;
import org.teavm.callgraph.CallGraphNode;
import org.teavm.callgraph.CallSite;
import org.teavm.dependency.AbstractDependencyListener;
import org.teavm.dependency.DependencyAgent;
import org.teavm.model.ClassReader;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReader;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Keeps the stack check ({@link StackGuardRewrite#checkEntry}) only where a recursion can need it.
 *
 * <p>The transformer puts a check at the entry of every method that calls others; each costs a
 * call site in TeaVM's tables (about 40 bytes of data, for the error's stack trace) and a compare
 * in the code: checking every method grew examples/hello by 37 %. Once TeaVM's dependency analysis
 * is complete, its call graph says which methods can call which (virtual calls resolved to every
 * implementation whose class can reach the call, as TeaVM compiles them), and
 * {@link StackCheckPlacement} chooses the methods whose check stays: those on a cycle, and those
 * that bound a long acyclic chain ({@link #MAX_UNCHECKED_CHAIN}). The others' checks are taken out
 * of their programs before TeaVM copies them for code generation.
 *
 * <p>Calls that TeaVM's call graph does not show (native code calling back into Java) could close
 * a cycle without a check; the guard page below the stack still stops such a recursion, as a fault.
 * TeaVM finds this plugin through META-INF/services/org.teavm.vm.spi.TeaVMPlugin.
 */
public final class StackGuardPlacement extends AbstractDependencyListener implements TeaVMPlugin {
    /**
     * The longest chain of Java frames without a check below the last check passed. With the
     * frames gcc makes of TeaVM's C (measured with -fstack-usage: see docs/native-images.md), 16
     * frames stay far inside the 64 KiB kept below every thread's limit.
     */
    static final int MAX_UNCHECKED_CHAIN = 16;

    /** About the size of the methods TeaVM's inlining (DefaultInliningStrategy at FULL) copies into callers. */
    static final int INLINED_SIZE = 20;

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void completing(DependencyAgent agent) {
        CallGraph graph = agent.getCallGraph();
        Map<MethodReference, Collection<MethodReference>> callees = new LinkedHashMap<>();
        Map<MethodReference, Program> withCheck = new HashMap<>();
        for (MethodReference method : agent.getReachableMethods()) {
            callees.put(method, callees(graph.getNode(method)));
            Program program = programWithCheck(agent, method);
            if (program != null) {
                withCheck.put(method, program);
            }
        }
        Map<MethodReference, Integer> callers = new HashMap<>();
        callees.values().forEach(cs -> cs.forEach(c -> callers.merge(c, 1, Integer::sum)));
        // TeaVM inlines a small method into each caller, its check with it
        StackCheckPlacement<MethodReference> placement = new StackCheckPlacement<>(callees.keySet(),
                m -> callees.getOrDefault(m, List.of()), withCheck::containsKey,
                m -> instructions(withCheck.get(m)) <= INLINED_SIZE ? callers.getOrDefault(m, 1) : 1,
                m -> m.getName().equals("<clinit>"), MAX_UNCHECKED_CHAIN);
        for (Map.Entry<MethodReference, Program> e : withCheck.entrySet()) {
            if (!placement.checked(e.getKey())) {
                e.getValue().basicBlockAt(0).getFirstInstruction().delete();
            }
        }
    }

    private static int instructions(Program program) {
        int n = 0;
        for (int i = 0; i < program.basicBlockCount(); i++) {
            n += program.basicBlockAt(i).instructionCount();
        }
        return n;
    }

    /** The methods a method calls, but the guard's own (which construct the error, in its reserve). */
    private static Collection<MethodReference> callees(CallGraphNode node) {
        Set<MethodReference> result = new LinkedHashSet<>();
        for (CallSite site : node.getCallSites()) {
            for (CallGraphNode callee : site.getCalledMethods()) {
                MethodReference ref = callee.getMethod();
                if (!ref.getClassName().equals(StackGuardRewrite.GUARD)) {
                    result.add(ref);
                }
            }
        }
        return result.isEmpty() ? List.of() : new ArrayList<>(result);
    }

    /** The program of a method whose first instruction is the check the transformer put there; else null. */
    private static Program programWithCheck(DependencyAgent agent, MethodReference method) {
        ClassReader cls = agent.getClassSource().get(method.getClassName());
        MethodReader reader = cls != null ? cls.getMethod(method.getDescriptor()) : null;
        if (reader == null || reader.getProgram() == null || reader.getProgram().basicBlockCount() == 0) {
            return null;
        }
        if (!(reader instanceof MethodHolder holder)) {
            throw new IllegalStateException("TeaVM's dependency analysis gave a " + reader.getClass().getName()
                    + " for " + method + ", not a MethodHolder: Kiln's stack check placement was written for"
                    + " TeaVM 0.16.0, whose analysis holds the programs it generates code from");
        }
        Program program = holder.getProgram();
        Instruction first = program.basicBlockAt(0).getFirstInstruction();
        return first instanceof InvokeInstruction call && call.getMethod().equals(StackGuardRewrite.CHECK)
                ? program : null;
    }
}
