package dev.kiln.libos.classlib.java.util.logging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * java.util.logging.LogManager in native images: the loggers by name, and the configuration as
 * with the JDK's default logging.properties: the root logger at INFO with one ConsoleHandler. An
 * image has no JDK configuration file; readConfiguration(InputStream) reads properties, of which
 * {@code .level} and {@code java.util.logging.SimpleFormatter.format} are used.
 */
public class TLogManager {
    private static TLogManager manager;
    private final Map<String, TLogger> loggers = new HashMap<>();
    private Properties properties = new Properties();
    private TLogger root;

    protected TLogManager() {
    }

    public static synchronized TLogManager getLogManager() {
        if (manager == null) {
            manager = new TLogManager();
            manager.root = new TLogger("", null);
            manager.loggers.put("", manager.root);
            manager.root.setLevel(TLevel.INFO);
            manager.root.addHandler(new TConsoleHandler());
            TLogger global = new TLogger(TLogger.GLOBAL_LOGGER_NAME, null);
            manager.addLogger(global);
        }
        return manager;
    }

    TLogger root() {
        return root;
    }

    public synchronized boolean addLogger(TLogger logger) {
        String name = logger.getName();
        if (name == null) {
            throw new NullPointerException();
        }
        if (loggers.containsKey(name)) {
            return false;
        }
        loggers.put(name, logger);
        // the nearest existing ancestor is its parent; existing descendants whose parent is above it now hang below it
        TLogger parent = root;
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            TLogger p = loggers.get(name.substring(0, dot));
            if (p != null) {
                parent = p;
                break;
            }
        }
        if (logger != root) {
            logger.setParent(parent);
        }
        for (TLogger other : loggers.values()) {
            if (other != logger && other.getName().startsWith(name + ".")) {
                TLogger p = other.getParent();
                if (p == null || p.getName().length() < name.length()) {
                    other.setParent(logger);
                }
            }
        }
        String level = properties.getProperty(name + ".level");
        if (level != null) {
            logger.setLevel(TLevel.parse(level.trim()));
        }
        return true;
    }

    public synchronized TLogger getLogger(String name) {
        return loggers.get(name);
    }

    public synchronized Enumeration<String> getLoggerNames() {
        return Collections.enumeration(new java.util.ArrayList<>(loggers.keySet()));
    }

    public String getProperty(String name) {
        return properties.getProperty(name);
    }

    public synchronized void readConfiguration(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        properties = p;
        String rootLevel = p.getProperty(".level");
        if (rootLevel != null) {
            root.setLevel(TLevel.parse(rootLevel.trim()));
        }
        for (TLogger l : loggers.values()) {
            String level = p.getProperty(l.getName() + ".level");
            if (level != null && !l.getName().isEmpty()) {
                l.setLevel(TLevel.parse(level.trim()));
            }
        }
    }

    public synchronized void reset() {
        for (TLogger l : loggers.values()) {
            for (THandler h : l.getHandlers()) {
                l.removeHandler(h);
                h.close();
            }
            l.setLevel(l == root ? TLevel.INFO : null);
        }
    }
}
