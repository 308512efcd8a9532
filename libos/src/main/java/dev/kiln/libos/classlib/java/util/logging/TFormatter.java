package dev.kiln.libos.classlib.java.util.logging;

import java.text.MessageFormat;

/** java.util.logging.Formatter in native images. */
public abstract class TFormatter {
    protected TFormatter() {
    }

    public abstract String format(TLogRecord record);

    public String getHead(THandler h) {
        return "";
    }

    public String getTail(THandler h) {
        return "";
    }

    /** The message with its {0}-style parameters filled in (by MessageFormat), as the JDK does. */
    public synchronized String formatMessage(TLogRecord record) {
        String format = record.getMessage();
        Object[] parameters = record.getParameters();
        if (format == null || parameters == null || parameters.length == 0) {
            return format;
        }
        try {
            if (format.contains("{0") || format.contains("{1") || format.contains("{2") || format.contains("{3")) {
                return MessageFormat.format(format, parameters);
            }
            return format;
        } catch (Exception e) {
            return format;
        }
    }
}
