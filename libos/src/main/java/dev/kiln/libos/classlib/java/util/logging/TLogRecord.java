package dev.kiln.libos.classlib.java.util.logging;

import java.io.Serializable;
import java.time.Instant;

/**
 * java.util.logging.LogRecord in native images. The source class and method are found as the
 * JDK finds them, on first request: the first stack frame outside the logging classes.
 */
public class TLogRecord implements Serializable {
    private static final long serialVersionUID = 5372048053134512534L;
    private static long nextSequence;

    private TLevel level;
    private String message;
    private String loggerName;
    private Object[] parameters;
    private Throwable thrown;
    private long millis;
    private long sequenceNumber;
    private long threadId;
    private String sourceClassName;
    private String sourceMethodName;
    private boolean sourceKnown;

    public TLogRecord(TLevel level, String msg) {
        if (level == null) {
            throw new NullPointerException();
        }
        this.level = level;
        this.message = msg;
        this.millis = System.currentTimeMillis();
        synchronized (TLogRecord.class) {
            this.sequenceNumber = nextSequence++;
        }
        this.threadId = Thread.currentThread().getId();
    }

    public TLevel getLevel() {
        return level;
    }

    public void setLevel(TLevel level) {
        if (level == null) {
            throw new NullPointerException();
        }
        this.level = level;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLoggerName() {
        return loggerName;
    }

    public void setLoggerName(String name) {
        this.loggerName = name;
    }

    public Object[] getParameters() {
        return parameters;
    }

    public void setParameters(Object[] parameters) {
        this.parameters = parameters;
    }

    public Throwable getThrown() {
        return thrown;
    }

    public void setThrown(Throwable thrown) {
        this.thrown = thrown;
    }

    public long getMillis() {
        return millis;
    }

    public void setMillis(long millis) {
        this.millis = millis;
    }

    public Instant getInstant() {
        return Instant.ofEpochMilli(millis);
    }

    public void setInstant(Instant instant) {
        this.millis = instant.toEpochMilli();
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public void setSequenceNumber(long n) {
        this.sequenceNumber = n;
    }

    public int getThreadID() {
        return (int) threadId;
    }

    public void setThreadID(int id) {
        this.threadId = id;
    }

    public long getLongThreadID() {
        return threadId;
    }

    public TLogRecord setLongThreadID(long id) {
        this.threadId = id;
        return this;
    }

    public String getSourceClassName() {
        inferSource();
        return sourceClassName;
    }

    public void setSourceClassName(String name) {
        sourceKnown = true;
        sourceClassName = name;
    }

    public String getSourceMethodName() {
        inferSource();
        return sourceMethodName;
    }

    public void setSourceMethodName(String name) {
        sourceKnown = true;
        sourceMethodName = name;
    }

    private void inferSource() {
        if (sourceKnown) {
            return;
        }
        sourceKnown = true;
        boolean inLogging = false;
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            boolean logging = c != null && (c.startsWith("java.util.logging.") || c.startsWith("dev.kiln.libos.classlib.java.util.logging."));
            if (logging) {
                inLogging = true;
            } else if (inLogging && c != null) {
                sourceClassName = c;
                sourceMethodName = e.getMethodName();
                return;
            }
        }
    }
}
