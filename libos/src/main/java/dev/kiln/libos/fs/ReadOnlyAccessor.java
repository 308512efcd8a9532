package dev.kiln.libos.fs;

import java.io.IOException;
import java.io.InputStream;
import org.teavm.runtime.fs.VirtualFileAccessor;

/**
 * Reads a {@link ReadOnlyFile}: a stream over the image's data that is reopened when the program
 * seeks backwards (RandomAccessFile), so reading in order never copies more than it returns.
 */
final class ReadOnlyAccessor implements VirtualFileAccessor {
    private final ReadOnlyFile file;
    private InputStream in;
    private int streamPosition;
    private int position;

    ReadOnlyAccessor(ReadOnlyFile file) {
        this.file = file;
    }

    @Override
    public int read(byte[] buffer, int offset, int limit) throws IOException {
        if (position >= file.length) {
            return 0;
        }
        if (in == null || streamPosition > position) {
            in = file.open();
            streamPosition = 0;
        }
        while (streamPosition < position) {
            long skipped = in.skip(position - streamPosition);
            if (skipped <= 0) {
                throw new IOException("cannot seek in " + file.resource);
            }
            streamPosition += (int) skipped;
        }
        int n = in.read(buffer, offset, Math.min(limit, file.length - position));
        if (n <= 0) {
            return 0;
        }
        streamPosition += n;
        position += n;
        return n;
    }

    @Override
    public void write(byte[] buffer, int offset, int limit) throws IOException {
        throw new IOException(ImageFileSystem.READ_ONLY);
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
        return file.length;
    }

    @Override
    public void resize(int size) throws IOException {
        throw new IOException(ImageFileSystem.READ_ONLY);
    }

    @Override
    public void close() {
        in = null;
    }

    @Override
    public void flush() {
    }
}
