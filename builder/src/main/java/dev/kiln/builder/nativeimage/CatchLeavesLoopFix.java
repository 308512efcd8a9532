package dev.kiln.builder.nativeimage;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Works around a bug of TeaVM 0.12.3's decompiler (konsoletyper/teavm#1092, fixed after 0.12.3 by
 * commit ba3940184): when a try block starts at the head of a loop and its handler is the loop's
 * exit, as in {@code try { while (true) { ... } } catch (E e) { ... }} or a catch inside a loop that
 * ends with {@code break}, the decompiler computes the handler's jump from the block around the loop
 * instead of the loop itself, finds none, and lets the handler fall through into the loop's next
 * iteration: the program never leaves the loop.
 *
 * <p>TeaVM computes that jump correctly when the try statement ends before the loop does, which it
 * does when an unprotected block follows the protected ones inside the loop. So the back edges of
 * a loop whose head starts a try block go through a latch outside it:
 * {@code latch: KilnRuntime.loopLatch(); goto loopHead}. loopLatch is an empty C function
 * (guest/teavm/heaptrace.c) that TeaVM cannot see into, so it cannot merge the latch away; it costs
 * one call per iteration of such loops. Class files only (the application's code): TeaVM's class
 * library does not go through this step.
 */
final class CatchLeavesLoopFix {
    private CatchLeavesLoopFix() {
    }

    /** Rewrites the class's methods where needed; returns whether anything changed. */
    static boolean apply(ClassNode cls) {
        boolean changed = false;
        for (MethodNode method : cls.methods) {
            changed |= apply(method);
        }
        return changed;
    }

    private static boolean apply(MethodNode method) {
        if (method.tryCatchBlocks == null || method.tryCatchBlocks.isEmpty()) {
            return false;
        }
        InsnList insns = method.instructions;
        Map<AbstractInsnNode, Integer> position = new HashMap<>();
        int i = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            position.put(insn, i++);
        }
        Map<LabelNode, LabelNode> latches = new HashMap<>();
        for (TryCatchBlockNode tc : method.tryCatchBlocks) {
            int start = position.get(tc.start);
            int end = position.get(tc.end);
            int handler = position.get(tc.handler);
            if (handler >= start && handler < end) {
                continue;
            }
            // every back edge to the head, also one just after the try block (TeaVM sees a block holding
            // only a jump as no block at all) or from the handler
            for (AbstractInsnNode insn = tc.start; insn != null && position.containsKey(insn); insn = insn.getNext()) {
                if (insn instanceof JumpInsnNode jump && position.get(insn) > start
                        && position.containsKey(jump.label) && sameSpot(tc.start, jump.label, position)) {
                    LabelNode head = jump.label;
                    jump.label = latches.computeIfAbsent(head, h -> {
                        LabelNode latch = new LabelNode();
                        insns.add(latch);
                        insns.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "dev/kiln/rt/KilnRuntime", "loopLatch",
                                "()V", false));
                        insns.add(new JumpInsnNode(Opcodes.GOTO, h));
                        return latch;
                    });
                }
            }
        }
        return !latches.isEmpty();
    }

    /** Whether two labels mark the same instruction (only labels, line numbers and frames between them). */
    private static boolean sameSpot(LabelNode a, LabelNode b, Map<AbstractInsnNode, Integer> position) {
        AbstractInsnNode first = position.get(a) <= position.get(b) ? a : b;
        AbstractInsnNode last = first == a ? b : a;
        for (AbstractInsnNode insn = first; insn != last; insn = insn.getNext()) {
            if (insn.getOpcode() >= 0) {
                return false;
            }
        }
        return true;
    }
}
