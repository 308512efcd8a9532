package dev.kiln.vmm.javastack;

import java.util.List;

/**
 * One green thread's Java stack as read from guest memory.
 *
 * @param name   the thread's name ("main"), or "event loop" for the code that runs when no green thread does
 * @param state  "running" (its frames are the shadow stack's) or "waiting" (suspended; its frames are those
 *               Kiln's runtime left on its Fiber)
 * @param frames innermost first, each "class.method(File.java:line)"
 * @param error  why the walk stopped early (a pointer into nowhere, a count out of bounds), or null
 */
public record JavaThreadStack(String name, String state, List<String> frames, String error) {
    public JavaThreadStack {
        frames = List.copyOf(frames);
    }

    /** The lines kiln stack prints, as a JVM's thread dump does: a header, then "    at FRAME". */
    public String format() {
        return format(Integer.MAX_VALUE);
    }

    /** {@link #format()} with at most {@code maxFrames} frames, then a line saying how many were left out. */
    public String format(int maxFrames) {
        StringBuilder sb = new StringBuilder();
        sb.append('"').append(name).append("\" (").append(state).append(")\n");
        for (int i = 0; i < frames.size() && i < maxFrames; i++) sb.append("    at ").append(frames.get(i)).append('\n');
        if (frames.size() > maxFrames) sb.append("    ... ").append(frames.size() - maxFrames).append(" more frames\n");
        if (error != null) sb.append("    <stack unreadable: ").append(error).append(">\n");
        return sb.toString();
    }
}
