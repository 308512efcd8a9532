package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times as people read and write them: "5 seconds ago", and --since 10m / 1h30m / an RFC 3339 time. */
final class HumanTime {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private HumanTime() {}

    /** Docker's words for a duration: "Less than a second", "5 seconds", "About a minute", "3 hours", ... */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 1) return "Less than a second";
        if (s == 1) return "1 second";
        if (s < 60) return s + " seconds";
        long m = d.toMinutes();
        if (m == 1) return "About a minute";
        if (m < 60) return m + " minutes";
        long h = d.toHours();
        if (h == 1) return "About an hour";
        if (h < 48) return h + " hours";
        long days = d.toDays();
        if (days < 14) return days + " days";
        if (days < 60) return days / 7 + " weeks";
        if (days < 730) return days / 30 + " months";
        return days / 365 + " years";
    }

    /** How long from t to now, in words ("?" when t is unknown). */
    static String since(Instant t, Instant now) {
        if (t == null) return "?";
        Duration d = Duration.between(t, now);
        return duration(d.isNegative() ? Duration.ZERO : d);
    }

    static String ago(Instant t, Instant now) {
        return since(t, now) + " ago";
    }

    /** --since/--until: an RFC 3339 time, Unix seconds, or a duration before now (10m, 1h30m, 45s, 500ms). */
    static Instant point(String flag, String value, Instant now) {
        if (value.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            String[] parts = value.split("\\.");
            long nanos = parts.length > 1 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
            return Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
        }
        Long ms = parse(value);
        if (ms != null) return now.minusMillis(ms);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UserError(flag + " takes a duration (10m, 1h30m, 45s), an RFC 3339 time or Unix seconds, not '" + value + "'");
        }
    }

    /** A duration flag's value in milliseconds: 30s, 1m30s, 500ms, or plain seconds. */
    static long millis(String flag, String value) {
        if (value.matches("\\d{1,9}")) return Long.parseLong(value) * 1000;
        Long ms = parse(value);
        if (ms == null) throw new UserError(flag + " takes a duration such as 30s, 1m30s or 500ms, not '" + value + "'");
        return ms;
    }

    /** 1h30m, 10m, 45s, 500ms (and their combinations) in milliseconds, or null. */
    private static Long parse(String value) {
        Matcher m = DURATION.matcher(value);
        if (value.isEmpty() || !m.matches()) return null;
        long ms = 0;
        if (m.group(1) != null) ms += Long.parseLong(m.group(1)) * 3_600_000;
        if (m.group(2) != null) ms += Long.parseLong(m.group(2)) * 60_000;
        if (m.group(3) != null) ms += Long.parseLong(m.group(3)) * 1000;
        if (m.group(4) != null) ms += Long.parseLong(m.group(4));
        return ms;
    }
}
