package dev.kiln.engine.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The answer to stop and restart: what happened, honestly.
 *
 * @param outcome exited (it ended by itself within the grace period), killed (destroyed after the
 *     grace period), not_running (nothing to stop) or restart_cancelled (it was waiting to restart)
 * @param exitCode the exit code of the run that ended, if one did
 * @param message one line for the user
 */
public record StopResponse(String id, String name, Outcome outcome, Integer exitCode, String message) {
    public enum Outcome {
        EXITED, KILLED, NOT_RUNNING, RESTART_CANCELLED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Outcome of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }
}
