package dev.kiln.libos.classlib.java.util.logging;

/** java.util.logging.Filter in native images. */
@FunctionalInterface
public interface TFilter {
    boolean isLoggable(TLogRecord record);
}
