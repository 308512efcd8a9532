package dev.kiln.init;

import java.util.ResourceBundle;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the status that the app passes to System.exit / Runtime.exit.
 *
 * <p>The JDK has no API that tells a shutdown hook the exit status. It does log every
 * Runtime.exit (and every exit after a SIGTERM/SIGINT, which goes through the same path) to the
 * System.Logger "java.lang.Runtime" at level DEBUG, with a Throwable whose message is
 * "Runtime.exit(STATUS)" (documented in Runtime.exit's javadoc since JDK 21). This finder, on
 * the image's class path as the System.LoggerFinder service, answers that one logger itself and
 * hands every other logger name to the JDK's default finder (java.util.logging when the image
 * has java.logging, the simple console logger otherwise), so the app's logging is unchanged.
 */
public final class ExitStatusLoggerFinder extends System.LoggerFinder {
    private static final Pattern STATUS = Pattern.compile("Runtime\\.exit\\((-?\\d+)\\)");
    private static volatile Integer status;

    private final System.LoggerFinder fallback;

    public ExitStatusLoggerFinder() {
        this.fallback = ServiceLoader.loadInstalled(jdk.internal.logger.DefaultLoggerFinder.class)
                .findFirst()
                .<System.LoggerFinder>map(f -> f)
                .orElseGet(DefaultFinder::new);
    }

    /** The status of the first Runtime.exit, or null if none happened. */
    static Integer status() {
        return status;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        System.Logger delegate = fallback.getLogger(name, module);
        return "java.lang.Runtime".equals(name) ? new ExitLogger(delegate) : delegate;
    }

    private static final class DefaultFinder extends jdk.internal.logger.DefaultLoggerFinder {
        DefaultFinder() {
            super();
        }
    }

    private record ExitLogger(System.Logger delegate) implements System.Logger {
        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return level == Level.DEBUG || delegate.isLoggable(level);
        }

        private static void capture(Throwable thrown) {
            if (thrown == null || thrown.getMessage() == null) {
                return;
            }
            Matcher m = STATUS.matcher(thrown.getMessage());
            if (m.matches()) {
                synchronized (ExitStatusLoggerFinder.class) {
                    if (status == null) {
                        status = Integer.parseInt(m.group(1));
                    }
                }
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            capture(thrown);
            if (delegate.isLoggable(level)) {
                delegate.log(level, bundle, msg, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (delegate.isLoggable(level)) {
                delegate.log(level, bundle, format, params);
            }
        }

        @Override
        public void log(Level level, String msg, Throwable thrown) {
            log(level, null, msg, thrown);
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier, Throwable thrown) {
            capture(thrown);
            if (delegate.isLoggable(level)) {
                delegate.log(level, msgSupplier, thrown);
            }
        }
    }
}
