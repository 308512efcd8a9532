package dev.kiln.vmm.javastack;

import dev.kiln.image.JavaDebugInfo;

import java.util.Arrays;

/**
 * The call-site ids of the running code's Java frames, innermost first, read from TeaVM's shadow
 * stack: {@code *stack_top} is the innermost frame, each frame holds its caller's address and
 * the id of the call it is making (javadebug.h). Only methods that hold GC roots or may throw
 * have a frame, so a leaf that allocates nothing has none.
 *
 * <p>The guest may have been stopped halfway through pushing a frame, or be hostile: a pointer
 * outside readable memory, a frame that is its own caller, or a chain longer than the caller's
 * bound (a longer cycle) ends the walk, and the walk says why.
 */
public final class ShadowStack {
    private ShadowStack() {}

    /**
     * A walk's result.
     *
     * @param callSites the ids read, innermost first
     * @param stopped why the walk ended before the outermost frame, or null if it reached it
     */
    public record Walk(int[] callSites, String stopped) {
        public static final Walk NONE = new Walk(new int[0], null);

        public boolean truncated() {
            return stopped != null;
        }
    }

    /** Walks at most {@code maxDepth} frames from {@code *stack_top}. */
    public static Walk walk(GuestWords mem, JavaDebugInfo d, int maxDepth) {
        int[] ids = new int[16];
        int n = 0;
        try {
            long frame = mem.u64(d.stackTop());
            long previous = 0;
            while (frame != 0) {
                if (n == maxDepth) {
                    return new Walk(Arrays.copyOf(ids, n), "more than " + maxDepth + " frames (a loop in the shadow stack?)");
                }
                // No ordering check: a green thread's frames are on its fiber's stack and its
                // resumer's on another, at either side. A cycle runs to maxDepth; a frame
                // pointing at itself is caught at once.
                if (frame == previous) {
                    return new Walk(Arrays.copyOf(ids, n), String.format("the frame at 0x%x is its own caller", frame));
                }
                int id = mem.i32(frame + d.frameCallSite());
                if (n == ids.length) ids = Arrays.copyOf(ids, n * 2);
                ids[n++] = id;
                previous = frame;
                frame = mem.u64(frame + d.frameNext());
            }
            return new Walk(Arrays.copyOf(ids, n), null);
        } catch (GuestWords.Unreadable e) {
            return new Walk(Arrays.copyOf(ids, n), e.getMessage());
        }
    }
}
