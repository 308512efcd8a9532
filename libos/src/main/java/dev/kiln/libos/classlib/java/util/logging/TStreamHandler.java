package dev.kiln.libos.classlib.java.util.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** java.util.logging.StreamHandler in native images: records, formatted, to an OutputStream (UTF-8). */
public class TStreamHandler extends THandler {
    private OutputStream output;
    private Writer writer;
    private boolean doneHeader;

    public TStreamHandler() {
        setLevel(TLevel.INFO);
        setFormatter(new TSimpleFormatter());
    }

    public TStreamHandler(OutputStream out, TFormatter formatter) {
        setLevel(TLevel.INFO);
        setFormatter(formatter);
        setOutputStream(out);
    }

    protected synchronized void setOutputStream(OutputStream out) {
        if (out == null) {
            throw new NullPointerException();
        }
        flushAndClose(false);
        output = out;
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        doneHeader = false;
    }

    @Override
    public synchronized void publish(TLogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String msg;
        try {
            msg = getFormatter().format(record);
        } catch (Exception e) {
            return;
        }
        try {
            if (!doneHeader) {
                writer.write(getFormatter().getHead(this));
                doneHeader = true;
            }
            writer.write(msg);
        } catch (IOException e) {
            // the JDK reports to its ErrorManager, which prints once to stderr; the record is lost either way
        }
    }

    @Override
    public boolean isLoggable(TLogRecord record) {
        return writer != null && super.isLoggable(record);
    }

    @Override
    public synchronized void flush() {
        if (writer != null) {
            try {
                writer.flush();
            } catch (IOException e) {
                // as publish
            }
        }
    }

    private void flushAndClose(boolean closeStream) {
        if (writer != null) {
            try {
                if (!doneHeader) {
                    writer.write(getFormatter().getHead(this));
                    doneHeader = true;
                }
                writer.write(getFormatter().getTail(this));
                writer.flush();
                if (closeStream) {
                    writer.close();
                }
            } catch (IOException e) {
                // as publish
            }
            writer = null;
            output = null;
        }
    }

    @Override
    public synchronized void close() {
        flushAndClose(true);
    }
}
