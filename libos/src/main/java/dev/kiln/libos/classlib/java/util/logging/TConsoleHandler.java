package dev.kiln.libos.classlib.java.util.logging;

/** java.util.logging.ConsoleHandler in native images: System.err, level INFO, SimpleFormatter, flushed per record. */
public class TConsoleHandler extends TStreamHandler {
    public TConsoleHandler() {
        super(System.err, new TSimpleFormatter());
        setLevel(TLevel.INFO);
    }

    @Override
    public void publish(TLogRecord record) {
        super.publish(record);
        flush();
    }

    @Override
    public void close() {
        flush(); // System.err stays open
    }
}
