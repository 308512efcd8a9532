package dev.kiln.engine.api;

import dev.kiln.image.UntrustedText;
import java.util.List;

/**
 * When the daemon starts a VM again after it ended, with Docker's names and meaning:
 * <ul>
 *   <li>{@code no}: never;</li>
 *   <li>{@code on-failure[:N]}: when it ended with a non-zero exit code, at most N times in a row (0: no limit);</li>
 *   <li>{@code always}: whatever the exit code; also when the daemon starts, even if a user had stopped it;</li>
 *   <li>{@code unless-stopped}: like always, except after a user stopped it (kiln stop, kill).</li>
 * </ul>
 * A VM a user stops or kills is never restarted by its policy until it is started again.
 *
 * @param name no, on-failure, always or unless-stopped
 * @param maximumRetryCount on-failure's N, else 0
 */
public record RestartPolicy(String name, int maximumRetryCount) {
    private static final List<String> NAMES = List.of("no", "on-failure", "always", "unless-stopped");
    public static final RestartPolicy NO = new RestartPolicy("no", 0);

    public RestartPolicy {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("restart policy " + (name == null ? "null" : UntrustedText.quote(name)) + " is not one of no, on-failure[:N], always, unless-stopped");
        }
        if (maximumRetryCount < 0) throw new IllegalArgumentException("maximum retry count " + maximumRetryCount + " is negative");
        if (maximumRetryCount > 0 && !name.equals("on-failure")) {
            throw new IllegalArgumentException("a maximum retry count goes only with on-failure, not " + name);
        }
    }

    /** The command-line spelling: no, on-failure, on-failure:N, always, unless-stopped. */
    public static RestartPolicy parse(String s) {
        if (s.startsWith("on-failure:")) {
            String n = s.substring("on-failure:".length());
            if (!n.matches("[0-9]{1,9}")) throw new IllegalArgumentException(UntrustedText.quote(s) + ": the retry count must be a number");
            return new RestartPolicy("on-failure", Integer.parseInt(n));
        }
        return new RestartPolicy(s, 0);
    }

    @Override
    public String toString() {
        return maximumRetryCount > 0 ? name + ":" + maximumRetryCount : name;
    }
}
