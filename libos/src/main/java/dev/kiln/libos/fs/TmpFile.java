package dev.kiln.libos.fs;

import java.io.IOException;

/** A file in /tmp: its bytes on the heap, so /tmp is bounded by the image's memory. */
final class TmpFile extends Node {
    private final TmpSpace space;
    byte[] data = new byte[0];
    int size;
    long lastModified;

    TmpFile(TmpSpace space) {
        this.space = space;
        this.lastModified = System.currentTimeMillis();
    }

    @Override
    boolean writable() {
        return true;
    }

    @Override
    long lastModified() {
        return lastModified;
    }

    /** Makes room for {@code newSize} bytes; a full /tmp is "No space left on device", as on Linux. */
    void ensureCapacity(int newSize) throws IOException {
        if (newSize <= data.length) {
            return;
        }
        long doubled = Math.max(64L, data.length * 2L);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(newSize, doubled));
        space.reserve(capacity - data.length);
        byte[] bigger;
        try {
            bigger = new byte[capacity];
        } catch (OutOfMemoryError e) {
            space.release(capacity - data.length);
            throw new IOException(TmpSpace.NO_SPACE);
        }
        System.arraycopy(data, 0, bigger, 0, size);
        data = bigger;
    }

    void truncate(int newSize) throws IOException {
        if (newSize > size) {
            ensureCapacity(newSize);
            java.util.Arrays.fill(data, size, newSize, (byte) 0);
        }
        size = newSize;
        lastModified = System.currentTimeMillis();
    }

    /** Gives the file's memory back to /tmp (the file was deleted). */
    void discard() {
        space.release(data.length);
        data = new byte[0];
        size = 0;
    }
}
