package dev.kiln.libos.fs;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** {@code Reader.transferTo(Writer)} for TeaVM's Reader, which lacks it (the builder adds the method). */
public final class ReaderTransfer {
    private ReaderTransfer() {
    }

    /** Everything the reader has left, written to {@code out}; the number of chars, as the JDK's does. */
    public static long transferTo(Reader in, Writer out) throws IOException {
        if (out == null) {
            throw new NullPointerException();
        }
        char[] buffer = new char[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
