package dev.kiln.vmm.profile;

import dev.kiln.image.JavaDebugInfo;

import java.util.Arrays;

/**
 * The call-site ids of the running code's Java frames, innermost first, read from TeaVM's shadow
 * stack: {@code *stack_top} is the innermost frame, each frame holds its caller's address and
 * the id of the call it is making (javadebug.h). Only methods that hold GC roots or may throw
 * have a frame, so a leaf that allocates nothing is found by its RIP instead.
 *
 * <p>Runs on the vCPU thread while the guest is stopped, but the guest may have been stopped
 * halfway through pushing a frame: a pointer outside readable memory, a loop, or a stack deeper
 * than {@link #MAX_DEPTH} ends the walk, and the sample says it is truncated.
 */
final class ShadowStackWalker {
    /** Deeper stacks are cut here (and marked truncated): a sample must stay cheap. */
    static final int MAX_DEPTH = 512;

    /** A walk's result: ids innermost first, and whether it stopped before the outermost frame. */
    record Walk(int[] callSites, boolean truncated) {}

    private final GuestWords guest;
    private final JavaDebugInfo info;

    ShadowStackWalker(GuestWords guest, JavaDebugInfo info) {
        this.guest = guest;
        this.info = info;
    }

    Walk walk() {
        int[] ids = new int[16];
        int n = 0;
        try {
            long frame = guest.u64(info.stackTop());
            long previous = 0;
            while (frame != 0) {
                if (n == MAX_DEPTH) return new Walk(Arrays.copyOf(ids, n), true);
                // No ordering check: a green thread's frames are on its fiber's stack and its
                // resumer's on another, at either side. A cycle runs to MAX_DEPTH; a frame
                // pointing at itself is caught at once.
                if (frame == previous) return new Walk(Arrays.copyOf(ids, n), true);
                int id = guest.i32(frame + info.frameCallSite());
                if (n == ids.length) ids = Arrays.copyOf(ids, n * 2);
                ids[n++] = id;
                previous = frame;
                frame = guest.u64(frame + info.frameNext());
            }
            return new Walk(Arrays.copyOf(ids, n), false);
        } catch (GuestWords.Unreadable e) {
            return new Walk(Arrays.copyOf(ids, n), true);
        }
    }
}
