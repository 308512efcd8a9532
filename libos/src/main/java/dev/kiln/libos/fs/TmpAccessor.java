package dev.kiln.libos.fs;

import java.io.IOException;
import org.teavm.runtime.fs.VirtualFileAccessor;

/** Reads and writes a file in /tmp. */
final class TmpAccessor implements VirtualFileAccessor {
    private final TmpFile file;
    private final boolean readable;
    private final boolean writable;
    private int position;

    TmpAccessor(TmpFile file, boolean readable, boolean writable, boolean append) {
        this.file = file;
        this.readable = readable;
        this.writable = writable;
        this.position = append ? file.size : 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int limit) throws IOException {
        if (!readable) {
            throw new IOException("Bad file descriptor");
        }
        int n = Math.max(0, Math.min(limit, file.size - position));
        System.arraycopy(file.data, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void write(byte[] buffer, int offset, int limit) throws IOException {
        if (!writable) {
            throw new IOException("Bad file descriptor");
        }
        long end = (long) position + limit;
        if (end > Integer.MAX_VALUE - 8) {
            throw new IOException("File too large");
        }
        file.ensureCapacity((int) end);
        if (position > file.size) { // written past the end after a seek: the gap reads as zeros
            java.util.Arrays.fill(file.data, file.size, position, (byte) 0);
        }
        System.arraycopy(buffer, offset, file.data, position, limit);
        position += limit;
        file.size = Math.max(file.size, position);
        file.lastModified = System.currentTimeMillis();
    }

    @Override
    public int tell() {
        return position;
    }

    @Override
    public void seek(int target) {
        position = target;
    }

    @Override
    public void skip(int amount) {
        position += amount;
    }

    @Override
    public int size() {
        return file.size;
    }

    @Override
    public void resize(int size) throws IOException {
        if (!writable) {
            throw new IOException("Bad file descriptor");
        }
        file.truncate(size);
    }

    @Override
    public void close() {
    }

    @Override
    public void flush() {
    }
}
