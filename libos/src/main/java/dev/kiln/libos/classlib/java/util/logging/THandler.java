package dev.kiln.libos.classlib.java.util.logging;

/** java.util.logging.Handler in native images. */
public abstract class THandler {
    private volatile TLevel level = TLevel.ALL;
    private volatile TFormatter formatter;
    private volatile TFilter filter;
    private volatile String encoding;

    protected THandler() {
    }

    public abstract void publish(TLogRecord record);

    public abstract void flush();

    public abstract void close() throws SecurityException;

    public synchronized void setFormatter(TFormatter formatter) {
        if (formatter == null) {
            throw new NullPointerException();
        }
        this.formatter = formatter;
    }

    public TFormatter getFormatter() {
        return formatter;
    }

    public synchronized void setEncoding(String encoding) throws java.io.UnsupportedEncodingException {
        this.encoding = encoding;
    }

    public String getEncoding() {
        return encoding;
    }

    public synchronized void setFilter(TFilter filter) {
        this.filter = filter;
    }

    public TFilter getFilter() {
        return filter;
    }

    public synchronized void setLevel(TLevel level) {
        if (level == null) {
            throw new NullPointerException();
        }
        this.level = level;
    }

    public TLevel getLevel() {
        return level;
    }

    public boolean isLoggable(TLogRecord record) {
        if (record == null) {
            return false;
        }
        int levelValue = level.intValue();
        if (record.getLevel().intValue() < levelValue || levelValue == TLevel.OFF.intValue()) {
            return false;
        }
        TFilter f = filter;
        return f == null || f.isLoggable(record);
    }
}
