package dev.kiln.builder.nativeimage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.teavm.dependency.AbstractDependencyListener;
import org.teavm.dependency.DependencyAgent;
import org.teavm.dependency.DependencyNode;
import org.teavm.dependency.DependencyType;
import org.teavm.dependency.MethodDependency;
import org.teavm.model.BasicBlockReader;
import org.teavm.model.MethodReader;
import org.teavm.model.MethodReference;
import org.teavm.model.ProgramReader;
import org.teavm.model.TryCatchBlockReader;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.AbstractInstructionReader;
import org.teavm.model.VariableReader;

/**
 * Tells TeaVM's dependency analysis that a method with an array access can throw
 * ArrayIndexOutOfBoundsException, one with a reference cast ClassCastException, and one that
 * dereferences a value (an instance call or field, an array, a monitor, a throw)
 * NullPointerException. TeaVM's C checks throw them from C (guest/runtime/checks.c,
 * teavm_nullCheck), which its analysis does not see, so a catch
 * variable never held them: {@code catch (ArrayIndexOutOfBoundsException e) { e.getMessage(); }}
 * called through a virtual table without getMessage (a jump to 0) once another class overrode it.
 * Each such method's thrown exceptions and its own matching catch variables get the type; TeaVM
 * carries the thrown ones on to the callers' catch blocks.
 */
final class CheckExceptionTypes extends AbstractDependencyListener {
    private static final String AIOOBE = "java.lang.ArrayIndexOutOfBoundsException";
    private static final String CCE = "java.lang.ClassCastException";
    private static final String NPE = "java.lang.NullPointerException";
    private static final Set<String> CATCHING_NPE = Set.of(NPE, "java.lang.RuntimeException", "java.lang.Exception",
            "java.lang.Throwable");
    private static final Set<String> CATCHING_AIOOBE = Set.of(AIOOBE, "java.lang.IndexOutOfBoundsException",
            "java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable");
    private static final MethodReference GET_NAME = new MethodReference("java.lang.Class", "getName",
            ValueType.object("java.lang.String"));
    private static final Set<String> CATCHING_CCE = Set.of(CCE, "java.lang.RuntimeException", "java.lang.Exception",
            "java.lang.Throwable");

    /** Methods reached since the last round: their variables' nodes exist only once TeaVM analysed them. */
    private final List<MethodDependency> reached = new ArrayList<>();

    @Override
    public void methodReached(DependencyAgent agent, MethodDependency method) {
        reached.add(method);
    }

    /** Called when TeaVM's work queue ran dry; what is propagated here gives it more, and it goes on. */
    @Override
    public void completing(DependencyAgent agent) {
        List<MethodDependency> round = new ArrayList<>(reached);
        reached.clear();
        for (MethodDependency method : round) {
            analyse(agent, method);
        }
    }

    private static void analyse(DependencyAgent agent, MethodDependency method) {
        MethodReader reader = method.getMethod();
        ProgramReader program = reader == null ? null : reader.getProgram();
        if (program == null) {
            return;
        }
        Checks checks = new Checks();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            BasicBlockReader block = program.basicBlockAt(b);
            if (block != null) {
                block.readAllInstructions(checks);
            }
        }
        if (checks.arrays) {
            mayThrow(agent, method, program, AIOOBE, CATCHING_AIOOBE);
        }
        if (checks.dereferences) {
            // catch (NullPointerException e) { e.printStackTrace(); } jumped to 0 without it
            mayThrow(agent, method, program, NPE, CATCHING_NPE);
        }
        if (!checks.casts.isEmpty()) {
            mayThrow(agent, method, program, CCE, CATCHING_CCE);
            namesNeeded(agent, method, checks);
        }
    }

    /**
     * KilnCheckMessages names both classes of a failed cast, but TeaVM keeps a class's name in the
     * image only for the classes whose Class object it saw reach Class.getName (ClassMetadataRequirements).
     * The Class objects of a failed cast come from C, so each cast's target and the classes of the
     * values it casts are shown to getName here.
     */
    private static void namesNeeded(DependencyAgent agent, MethodDependency method, Checks checks) {
        DependencyNode named = agent.linkMethod(GET_NAME).getVariable(0).getClassValueNode();
        for (Cast cast : checks.casts) {
            named.propagate(agent.getType(cast.target()));
            if (cast.value() < method.getVariableCount() && method.getVariable(cast.value()) != null) {
                method.getVariable(cast.value()).connect(named);
            }
        }
    }

    private static void mayThrow(DependencyAgent agent, MethodDependency method, ProgramReader program,
            String exception, Set<String> catching) {
        DependencyType type = agent.getType(ValueType.object(exception));
        method.getThrown().propagate(type);
        for (int b = 0; b < program.basicBlockCount(); b++) {
            BasicBlockReader block = program.basicBlockAt(b);
            if (block == null) {
                continue;
            }
            for (TryCatchBlockReader tryCatch : block.readTryCatchBlocks()) {
                VariableReader var = tryCatch.getHandler().getExceptionVariable();
                String caught = tryCatch.getExceptionType();
                if (var != null && (caught == null || catching.contains(caught))) {
                    DependencyNode node = var.getIndex() < method.getVariableCount() ? method.getVariable(var.getIndex())
                            : null;
                    if (node != null) {
                        node.propagate(type);
                    }
                }
            }
        }
    }

    /** A reference cast: the variable cast and the type cast to. */
    private record Cast(int value, ValueType target) {
    }

    private static final class Checks extends AbstractInstructionReader {
        boolean arrays;
        boolean dereferences;
        final List<Cast> casts = new ArrayList<>();

        @Override
        public void invoke(VariableReader receiver, VariableReader instance, MethodReference method,
                List<? extends VariableReader> arguments, org.teavm.model.instructions.InvocationType type) {
            dereferences |= instance != null;
        }

        @Override
        public void getField(VariableReader receiver, VariableReader instance, org.teavm.model.FieldReference field,
                ValueType fieldType) {
            dereferences |= instance != null;
        }

        @Override
        public void putField(VariableReader instance, org.teavm.model.FieldReference field, VariableReader value,
                ValueType fieldType) {
            dereferences |= instance != null;
        }

        @Override
        public void arrayLength(VariableReader receiver, VariableReader array) {
            dereferences = true;
        }

        @Override
        public void monitorEnter(VariableReader objectRef) {
            dereferences = true;
        }

        @Override
        public void raise(VariableReader exception) {
            dereferences = true;
        }

        @Override
        public void getElement(VariableReader receiver, VariableReader array, VariableReader index,
                org.teavm.model.instructions.ArrayElementType type) {
            arrays = true;
            dereferences = true;
        }

        @Override
        public void putElement(VariableReader array, VariableReader index, VariableReader value,
                org.teavm.model.instructions.ArrayElementType type) {
            arrays = true;
            dereferences = true;
        }

        @Override
        public void cast(VariableReader receiver, VariableReader value, ValueType targetType, boolean weak) {
            if (!(targetType instanceof ValueType.Primitive)) {
                casts.add(new Cast(value.getIndex(), targetType));
            }
        }
    }
}
