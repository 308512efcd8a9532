package dev.kiln.libos.classlib.java.util.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * java.util.logging.Logger in native images, in place of TeaVM's (no levels, no handlers: it
 * printed every record). As in the JDK: a tree of named loggers under the root (LogManager),
 * levels inherited when unset, handlers of the logger and then of its parents.
 */
public class TLogger {
    public static final String GLOBAL_LOGGER_NAME = "global";

    private final String name;
    private volatile TLogger parent;
    private volatile TLevel level;
    private volatile TFilter filter;
    private volatile boolean useParentHandlers = true;
    private final List<THandler> handlers = new ArrayList<>();

    protected TLogger(String name, String resourceBundleName) {
        this.name = name;
    }

    public static TLogger getGlobal() {
        return getLogger(GLOBAL_LOGGER_NAME);
    }

    public static TLogger getLogger(String name) {
        TLogManager manager = TLogManager.getLogManager();
        synchronized (manager) {
            TLogger logger = manager.getLogger(name);
            if (logger == null) {
                logger = new TLogger(name, null);
                manager.addLogger(logger);
            }
            return logger;
        }
    }

    public static TLogger getLogger(String name, String resourceBundleName) {
        return getLogger(name);
    }

    public static TLogger getAnonymousLogger() {
        TLogger logger = new TLogger(null, null);
        logger.parent = TLogManager.getLogManager().root();
        return logger;
    }

    public String getName() {
        return name;
    }

    public TLogger getParent() {
        return parent;
    }

    public void setParent(TLogger parent) {
        if (parent == null) {
            throw new NullPointerException();
        }
        this.parent = parent;
    }

    public void setLevel(TLevel newLevel) {
        this.level = newLevel;
    }

    public TLevel getLevel() {
        return level;
    }

    private int effectiveLevel() {
        for (TLogger l = this; l != null; l = l.parent) {
            TLevel lv = l.level;
            if (lv != null) {
                return lv.intValue();
            }
        }
        return TLevel.INFO.intValue();
    }

    public boolean isLoggable(TLevel level) {
        int levelValue = effectiveLevel();
        return level.intValue() >= levelValue && levelValue != TLevel.OFF.intValue();
    }

    public void setFilter(TFilter filter) {
        this.filter = filter;
    }

    public TFilter getFilter() {
        return filter;
    }

    public void addHandler(THandler handler) {
        if (handler == null) {
            throw new NullPointerException();
        }
        synchronized (handlers) {
            handlers.add(handler);
        }
    }

    public void removeHandler(THandler handler) {
        if (handler == null) {
            return;
        }
        synchronized (handlers) {
            handlers.remove(handler);
        }
    }

    public THandler[] getHandlers() {
        synchronized (handlers) {
            return handlers.toArray(new THandler[0]);
        }
    }

    public void setUseParentHandlers(boolean use) {
        this.useParentHandlers = use;
    }

    public boolean getUseParentHandlers() {
        return useParentHandlers;
    }

    public void log(TLogRecord record) {
        if (!isLoggable(record.getLevel())) {
            return;
        }
        TFilter f = filter;
        if (f != null && !f.isLoggable(record)) {
            return;
        }
        for (TLogger l = this; l != null; l = l.parent) {
            for (THandler h : l.getHandlers()) {
                h.publish(record);
            }
            if (!l.useParentHandlers) {
                break;
            }
        }
    }

    private void doLog(TLevel level, String msg, Object[] params, Throwable thrown, String sourceClass,
            String sourceMethod) {
        TLogRecord r = new TLogRecord(level, msg);
        r.setLoggerName(name);
        r.setParameters(params);
        r.setThrown(thrown);
        if (sourceClass != null || sourceMethod != null) {
            r.setSourceClassName(sourceClass);
            r.setSourceMethodName(sourceMethod);
        }
        log(r);
    }

    public void log(TLevel level, String msg) {
        if (isLoggable(level)) {
            doLog(level, msg, null, null, null, null);
        }
    }

    public void log(TLevel level, Supplier<String> msgSupplier) {
        if (isLoggable(level)) {
            doLog(level, msgSupplier.get(), null, null, null, null);
        }
    }

    public void log(TLevel level, String msg, Object param1) {
        if (isLoggable(level)) {
            doLog(level, msg, new Object[] {param1}, null, null, null);
        }
    }

    public void log(TLevel level, String msg, Object[] params) {
        if (isLoggable(level)) {
            doLog(level, msg, params, null, null, null);
        }
    }

    public void log(TLevel level, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            doLog(level, msg, null, thrown, null, null);
        }
    }

    public void log(TLevel level, Throwable thrown, Supplier<String> msgSupplier) {
        if (isLoggable(level)) {
            doLog(level, msgSupplier.get(), null, thrown, null, null);
        }
    }

    public void logp(TLevel level, String sourceClass, String sourceMethod, String msg) {
        if (isLoggable(level)) {
            doLog(level, msg, null, null, sourceClass, sourceMethod);
        }
    }

    public void logp(TLevel level, String sourceClass, String sourceMethod, String msg, Object param1) {
        if (isLoggable(level)) {
            doLog(level, msg, new Object[] {param1}, null, sourceClass, sourceMethod);
        }
    }

    public void logp(TLevel level, String sourceClass, String sourceMethod, String msg, Object[] params) {
        if (isLoggable(level)) {
            doLog(level, msg, params, null, sourceClass, sourceMethod);
        }
    }

    public void logp(TLevel level, String sourceClass, String sourceMethod, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            doLog(level, msg, null, thrown, sourceClass, sourceMethod);
        }
    }

    public void entering(String sourceClass, String sourceMethod) {
        logp(TLevel.FINER, sourceClass, sourceMethod, "ENTRY");
    }

    public void entering(String sourceClass, String sourceMethod, Object param1) {
        logp(TLevel.FINER, sourceClass, sourceMethod, "ENTRY {0}", param1);
    }

    public void exiting(String sourceClass, String sourceMethod) {
        logp(TLevel.FINER, sourceClass, sourceMethod, "RETURN");
    }

    public void exiting(String sourceClass, String sourceMethod, Object result) {
        logp(TLevel.FINER, sourceClass, sourceMethod, "RETURN {0}", result);
    }

    public void throwing(String sourceClass, String sourceMethod, Throwable thrown) {
        logp(TLevel.FINER, sourceClass, sourceMethod, "THROW", thrown);
    }

    public void severe(String msg) {
        log(TLevel.SEVERE, msg);
    }

    public void warning(String msg) {
        log(TLevel.WARNING, msg);
    }

    public void info(String msg) {
        log(TLevel.INFO, msg);
    }

    public void config(String msg) {
        log(TLevel.CONFIG, msg);
    }

    public void fine(String msg) {
        log(TLevel.FINE, msg);
    }

    public void finer(String msg) {
        log(TLevel.FINER, msg);
    }

    public void finest(String msg) {
        log(TLevel.FINEST, msg);
    }

    public void severe(Supplier<String> msg) {
        log(TLevel.SEVERE, msg);
    }

    public void warning(Supplier<String> msg) {
        log(TLevel.WARNING, msg);
    }

    public void info(Supplier<String> msg) {
        log(TLevel.INFO, msg);
    }

    public void config(Supplier<String> msg) {
        log(TLevel.CONFIG, msg);
    }

    public void fine(Supplier<String> msg) {
        log(TLevel.FINE, msg);
    }

    public void finer(Supplier<String> msg) {
        log(TLevel.FINER, msg);
    }

    public void finest(Supplier<String> msg) {
        log(TLevel.FINEST, msg);
    }
}
