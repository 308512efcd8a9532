package dev.kiln.engine.logs;

import java.time.Instant;

/**
 * What a reader wants: entries from {@code since} on (null: from the oldest kept), only the
 * last {@code tail} of those (null: all), and with {@code follow} every later entry too until
 * the VM has ended for good (exited, no restart pending).
 */
public record LogQuery(Instant since, Integer tail, boolean follow) {
    public LogQuery {
        if (tail != null && tail < 0) throw new IllegalArgumentException("tail must be 0 or more, not " + tail);
    }

    public static final LogQuery ALL = new LogQuery(null, null, false);
}
