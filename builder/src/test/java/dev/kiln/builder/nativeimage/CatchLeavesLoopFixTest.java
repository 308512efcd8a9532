package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which loops CatchLeavesLoopFix gives a latch (a call of KilnRuntime.loopLatch on the back edge):
 * those whose head starts a try block with its handler outside, the shapes TeaVM 0.12.3's
 * decompiler turns into an endless loop. The conformance program CatchLeavesLoop checks the
 * behaviour inside a unikernel; this checks the shapes, on class files from javac.
 */
class CatchLeavesLoopFixTest {
    @TempDir
    Path tmp;

    @Test
    void latchesExactlyTheLoopsWhoseHeadStartsATryBlock() throws Exception {
        Files.writeString(tmp.resolve("Shapes.java"), """
                public class Shapes {
                    static int n;
                    static void step() { if (++n % 5 == 0) throw new IllegalStateException(); }
                    static void tryAroundLoop() {
                        try { while (true) { step(); } } catch (IllegalStateException e) { n = 0; }
                    }
                    static void breakFromCatch() {
                        while (true) { try { step(); } catch (IllegalStateException e) { break; } }
                    }
                    static void catchAndContinue() {
                        for (int i = 0; i < 10; i++) { try { step(); } catch (IllegalStateException e) { n = 0; } }
                    }
                    static void plainLoop() {
                        for (int i = 0; i < 10; i++) { step(); }
                    }
                    static void tryAfterWork() {
                        try { n = 1; while (n < 100) { n *= 2; } step(); } catch (IllegalStateException e) { n = 0; }
                    }
                }
                """);
        Map<String, byte[]> classes = AppInput.compile(tmp);
        ClassNode cls = new ClassNode();
        new ClassReader(ClassFileDowngrader.downgrade(classes.get("Shapes.class"))).accept(cls, 0);
        assertEquals(1, latches(cls, "tryAroundLoop"), "try { while (true) ... } catch");
        assertEquals(1, latches(cls, "breakFromCatch"), "while (true) { try ... catch { break; } }");
        assertEquals(0, latches(cls, "catchAndContinue"), "a handler that stays in the loop");
        assertEquals(0, latches(cls, "plainLoop"), "no try block");
        assertEquals(0, latches(cls, "tryAfterWork"), "the loop does not start the try block");
    }

    private static int latches(ClassNode cls, String method) {
        MethodNode m = cls.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.name.equals("loopLatch")) {
                n++;
            }
        }
        return n;
    }
}
