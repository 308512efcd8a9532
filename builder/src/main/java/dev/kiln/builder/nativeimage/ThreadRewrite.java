package dev.kiln.builder.nativeimage;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * TeaVM 0.12.3's threads brought to HotSpot's behaviour with dev.kiln.rt.KilnThreads:
 * <ul>
 * <li>{@code new Thread()} and {@code new Thread(runnable)} pass a null name on to
 *     Thread(Runnable, String), so getName() is null; they pass KilnThreads.nextThreadName()
 *     (Thread-0, Thread-1, ...) instead.</li>
 * <li>interrupt() of a thread in Object.wait(): TeaVM's NotifyListenerImpl.interrupted resumes the
 *     waiter with InterruptedException (in a lambda it queues) without re-acquiring the monitor, so
 *     the waiter's synchronized block then fails with IllegalMonitorStateException. The lambda's
 *     body is replaced by what its run() does on notify (make the waiter current, re-enter the
 *     monitor with the saved count), with a callback that then throws InterruptedException.</li>
 * </ul>
 */
final class ThreadRewrite {
    static final String THREAD = "java.lang.Thread";
    static final String NOTIFY_LISTENER = "java.lang.Object$NotifyListenerImpl";
    private static final ValueType STRING = ValueType.object("java.lang.String");
    private static final ValueType CALLBACK = ValueType.object("org.teavm.interop.AsyncCallback");
    private static final MethodReference NEXT_NAME = Ir.rt("KilnThreads", "nextThreadName", STRING);

    private ThreadRewrite() {
    }

    static void names(ClassHolder cls) {
        int fixed = 0;
        for (MethodHolder method : cls.getMethods()) {
            Program program = method.getProgram();
            if (program == null || !method.getName().equals("<init>")) {
                continue;
            }
            String desc = method.getDescriptor().toString();
            if (!desc.equals("<init>()V") && !desc.equals("<init>(Ljava/lang/Runnable;)V")) {
                continue;
            }
            for (Instruction insn : Ir.instructions(program)) {
                if (insn instanceof InvokeInstruction call && call.getMethod().getName().equals("<init>")
                        && call.getMethod().getDescriptor().toString()
                                .equals("<init>(Ljava/lang/Runnable;Ljava/lang/String;)V")) {
                    Variable name = program.createVariable();
                    InvokeInstruction next = Ir.callStatic(NEXT_NAME, name);
                    next.setLocation(call.getLocation());
                    call.insertPrevious(next);
                    call.setArguments(call.getArguments().get(0), name);
                    fixed++;
                }
            }
        }
        if (fixed != 2) {
            throw new IllegalStateException("Kiln's rewrite of TeaVM's java.lang.Thread found " + fixed
                    + " of its 2 unnamed constructors (a TeaVM version Kiln does not know?)");
        }
    }

    static void interruptedWait(ClassHolder cls, ClassHolderTransformerContext context) {
        int fixed = 0;
        ValueType self = ValueType.object(cls.getName());
        for (MethodHolder method : cls.getMethods()) {
            if (!method.getName().startsWith("lambda$interrupted$") || method.getProgram() == null
                    || method.getModifiers().contains(org.teavm.model.ElementModifier.STATIC)
                    || method.parameterCount() != 0) {
                continue;
            }
            method.setProgram(null);
            ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
            ValueEmitter listener = pe.var(0, self);
            pe.invoke(THREAD, "setCurrentThread", listener.getField("currentThread", ValueType.object(THREAD)));
            ValueEmitter callback = pe.invoke(Ir.RT + "KilnThreads", "interruptedWait", CALLBACK,
                    listener.getField("callback", CALLBACK));
            pe.invoke("java.lang.Object", "monitorEnterWait", listener.getField("obj", ValueType.object(
                    "java.lang.Object")), listener.getField("lockCount", ValueType.INTEGER), callback);
            pe.exit();
            fixed++;
        }
        if (fixed == 0) {
            throw new IllegalStateException("Kiln's rewrite of TeaVM's Object.wait found no interrupt lambda in "
                    + cls.getName() + " (a TeaVM version Kiln does not know?)");
        }
    }
}
