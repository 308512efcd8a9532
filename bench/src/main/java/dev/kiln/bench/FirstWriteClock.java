package dev.kiln.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** A console that remembers when the guest first wrote to it, and what it wrote. */
final class FirstWriteClock extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long firstWriteNanos;

    @Override
    public void write(int b) {
        mark();
        bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        mark();
        bytes.write(b, off, len);
    }

    private void mark() {
        if (firstWriteNanos == 0) firstWriteNanos = System.nanoTime();
    }

    long firstWriteNanos() {
        return firstWriteNanos;
    }

    String text() {
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
