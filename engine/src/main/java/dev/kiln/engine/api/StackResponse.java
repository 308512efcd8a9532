package dev.kiln.engine.api;

import java.util.List;

/**
 * The answer to GET /v1/vms/{ref}/stack: the Java stack of every green thread of a running
 * native VM, read by the monitor from guest memory with the guest held still for the read.
 * The first thread is the code that was running ("running"); the others wait ("waiting").
 */
public record StackResponse(String id, String name, List<Thread> threads) {
    public StackResponse {
        threads = List.copyOf(threads);
    }

    /**
     * @param frames innermost first, "class.method(File.java:line)"
     * @param error  why the walk of this thread stopped early (guest memory that makes no sense), or null
     */
    public record Thread(String name, String state, List<String> frames, String error) {
        public Thread {
            frames = List.copyOf(frames);
        }
    }
}
