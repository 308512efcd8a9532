package dev.kiln.libos.fs;

import java.io.IOException;

/**
 * How much of the heap /tmp may hold: half of the image's heap, so that a program filling /tmp
 * gets an IOException while it still has memory to handle it (the rest is the program's).
 */
final class TmpSpace {
    static final String NO_SPACE = "No space left on device";
    private final long limit;
    private long used;

    TmpSpace(long limit) {
        this.limit = limit;
    }

    void reserve(long bytes) throws IOException {
        if (bytes > limit - used) {
            throw new IOException(NO_SPACE);
        }
        used += bytes;
    }

    void release(long bytes) {
        used -= bytes;
    }
}
