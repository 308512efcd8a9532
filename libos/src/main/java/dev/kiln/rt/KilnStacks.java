package dev.kiln.rt;

import org.teavm.interop.Address;
import org.teavm.runtime.Fiber;
import org.teavm.runtime.ShadowStack;

/**
 * Keeps the Java stack of every green thread that waits, for debuggers that read it from
 * guest memory (`kiln stack`, `kiln debug`, core files; docs/debugging.md).
 *
 * <p>TeaVM runs all green threads on one native stack: a thread that blocks unwinds its frames
 * into its Fiber's saved values, which say where to resume but not in which methods. So at the
 * moment a thread suspends, while its frames are still on TeaVM's shadow stack, the builder's
 * rewrite of {@code Fiber.suspend} calls {@link #capture}, which records the call-site id of
 * each frame in an int[] kept on the fiber (the field {@code kilnCallSites} the builder adds).
 * A debugger maps the ids to class, method, file and line through TeaVM's call-site table, the
 * same one Throwable's stack traces use; guest/include/kiln/javadebug.h says where to find both.
 *
 * <p>Cost: one walk of the shadow stack per suspension (tens of frames), and an allocation only
 * when a thread's stack is deeper than it ever was: the array is reused.
 */
public final class KilnStacks {
    /** Deeper stacks are cut here (javadebug.h KILN_JAVA_STACK_MAX_FRAMES). */
    static final int MAX_FRAMES = 4096;

    private KilnStacks() {
    }

    /**
     * The call-site ids of the calling thread's frames, innermost first, after the frame count
     * in element 0, in {@code previous} if it is large enough. A thread that is resuming (its
     * frames are being rebuilt) keeps what it had.
     */
    public static int[] capture(int[] previous) {
        Fiber fiber = Fiber.current();
        if (fiber == null || fiber.isResuming()) {
            return previous;
        }
        int depth = 0;
        for (Address frame = ShadowStack.getStackTop(); frame != null && depth < MAX_FRAMES;
                frame = ShadowStack.getNextStackFrame(frame)) {
            depth++;
        }
        int[] out = previous;
        if (out == null || out.length < depth + 1) {
            out = new int[Math.max(depth + 1, 32)]; // may collect garbage; the shadow stack stays where it is
        }
        int n = 0;
        for (Address frame = ShadowStack.getStackTop(); frame != null && n < depth;
                frame = ShadowStack.getNextStackFrame(frame)) {
            out[++n] = ShadowStack.getCallSiteId(frame);
        }
        out[0] = n;
        return out;
    }
}
