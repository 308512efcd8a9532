package dev.kiln.libos.classlib.java.util.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Date;

/**
 * java.util.logging.SimpleFormatter in native images: the format of the system property
 * {@code java.util.logging.SimpleFormatter.format}, given to String.format with the JDK's six
 * arguments. Kiln's Formatter has no %t conversions: the first argument is a java.util.Date, so a
 * format using it prints the Date's text (the JDK's default format is written out here instead:
 * "MMM dd, yyyy h:mm:ss a" in UTC).
 */
public class TSimpleFormatter extends TFormatter {
    private static final String DEFAULT = "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp %2$s%n%4$s: %5$s%6$s%n";
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private String format;

    public TSimpleFormatter() {
    }

    /**
     * Read at the first record, not in the constructor as the JDK does: the root logger's
     * ConsoleHandler makes one as soon as any Logger exists, and a program that never logs through
     * it need not read system properties.
     */
    private String format() {
        if (format == null) {
            String f = System.getProperty("java.util.logging.SimpleFormatter.format");
            if (f == null) {
                f = TLogManager.getLogManager().getProperty("java.util.logging.SimpleFormatter.format");
            }
            format = f == null ? DEFAULT : f;
        }
        return format;
    }

    @Override
    public String format(TLogRecord record) {
        String source;
        if (record.getSourceClassName() != null) {
            source = record.getSourceClassName();
            if (record.getSourceMethodName() != null) {
                source += " " + record.getSourceMethodName();
            }
        } else {
            source = record.getLoggerName();
        }
        String message = formatMessage(record);
        String throwable = "";
        if (record.getThrown() != null) {
            StringWriter sw = new StringWriter();
            PrintWriter pw = new PrintWriter(sw);
            pw.println();
            record.getThrown().printStackTrace(pw);
            pw.close();
            throwable = sw.toString();
        }
        String level = record.getLevel().getLocalizedName();
        String format = format();
        if (format.equals(DEFAULT)) {
            return date(record.getMillis()) + " " + source + System.lineSeparator() + level + ": " + message + throwable
                    + System.lineSeparator();
        }
        return String.format(format, new Date(record.getMillis()), source, record.getLoggerName(), level, message,
                throwable);
    }

    /** The JDK's default "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp" in UTC, the image's zone. */
    private static String date(long millis) {
        long days = Math.floorDiv(millis, 86_400_000L);
        int secondOfDay = (int) (Math.floorMod(millis, 86_400_000L) / 1000);
        // civil date from days since 1970-01-01 (Howard Hinnant's algorithm)
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        int hour = secondOfDay / 3600;
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        return MONTHS[month - 1] + " " + (day < 10 ? "0" : "") + day + ", " + year + " " + h12 + ":"
                + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60) + " " + (hour < 12 ? "AM" : "PM");
    }

    private static String two(int v) {
        return (v < 10 ? "0" : "") + v;
    }
}
