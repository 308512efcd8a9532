import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** java.util.logging's basic console logging: levels, a ConsoleHandler (stderr) with a custom Formatter (issue 13, item 4). */
public class ApiLogging {
    public static void main(String[] args) {
        Logger log = Logger.getLogger("kiln.test");
        System.out.println(log.getName() + " " + (Logger.getLogger("kiln.test") == log) + " " + log.getLevel() + " "
                + log.getParent().getName().isEmpty() + " " + log.getParent().getLevel());
        log.setUseParentHandlers(false);
        Handler h = new ConsoleHandler();
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                return "[" + r.getLevel() + "] " + r.getLoggerName() + ": " + formatMessage(r) + "\n";
            }
        });
        h.setLevel(Level.ALL);
        log.addHandler(h);
        log.info("info message");
        log.warning("warning message");
        log.fine("fine is below INFO: not shown");
        log.setLevel(Level.FINE);
        log.fine("fine now shown");
        log.log(Level.SEVERE, "with parameter {0} and {1}", new Object[] {42, "x"});
        log.log(Level.CONFIG, "config");
        System.out.println(log.isLoggable(Level.FINE) + " " + log.isLoggable(Level.FINEST) + " " + Level.parse("WARNING")
                + " " + Level.WARNING.intValue() + " " + Level.parse("800"));
        h.flush();
        Logger child = Logger.getLogger("kiln.test.child");
        child.info("through the parent's handler");
        h.flush();
        System.out.println(child.getParent() == log);
        Logger between = Logger.getLogger("kiln");
        System.out.println(log.getParent() == between);
        log.log(Level.WARNING, "with a throwable", new IllegalStateException("boom"));
        h.flush();
    }
}
