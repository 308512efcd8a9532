package dev.kiln.builder.nativeimage;

import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.PutFieldInstruction;

/**
 * TeaVM 0.16.0's monitors lose the threads queued to enter them: when the owner leaves,
 * {@code Object.waitForOtherThreads} takes the first thread of {@code Monitor.enteringThreads},
 * then sets the queue to null and hands the monitor to that thread, so every other thread
 * blocked in {@code synchronized} on that object stays blocked for ever (with 100 threads queued
 * on one lock, one ran; the program then ended as if they were daemons). The store of null is
 * removed: the others stay queued, and the next exit hands the monitor on (monitorExit queues
 * waitForOtherThreads again while the queue is not empty). Conformance ConcMonitorGc.
 */
final class MonitorQueueRewrite {
    static final String OBJECT = "java.lang.Object";
    private static final String QUEUE_FIELD = "enteringThreads";

    private MonitorQueueRewrite() {
    }

    static void apply(ClassHolder cls) {
        MethodHolder handOver = cls.getMethod(new MethodDescriptor("waitForOtherThreads", ValueType.object(OBJECT),
                ValueType.VOID));
        int removed = 0;
        if (handOver != null && handOver.getProgram() != null) {
            for (Instruction insn : Ir.instructions(handOver.getProgram())) {
                if (insn instanceof PutFieldInstruction put && put.getField().getFieldName().equals(QUEUE_FIELD)) {
                    insn.delete();
                    removed++;
                }
            }
        }
        if (removed != 1) {
            throw new IllegalStateException("Kiln's fix of TeaVM's Object.waitForOtherThreads found " + removed
                    + " stores of Monitor.enteringThreads instead of 1: this TeaVM version's monitors differ from"
                    + " the ones Kiln was written for (0.16.0)");
        }
    }
}
