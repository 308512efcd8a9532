package dev.kiln.engine.vm;

import dev.kiln.engine.api.RestartPolicy;
import java.time.Duration;

/**
 * Whether and when a VM that ended starts again, as Docker's restart manager decides: the delay
 * starts at 100 ms and doubles at every restart up to 1 minute, and falls back to 100 ms after
 * a run of 10 s or more. With a boot of a fraction of a millisecond, this is what keeps a VM
 * that fails at once from spinning: 100, 200, 400 ms, ... 1 min between attempts.
 */
final class RestartBackoff {
    static final Duration INITIAL = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofMinutes(1);
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    private Duration delay = Duration.ZERO;

    /**
     * The delay before the next start, or null for none.
     *
     * @param exitCode the run's exit code
     * @param stoppedByUser a user stopped or killed it: never restarted by the policy
     * @param ran how long the run lasted
     * @param restartCount restarts by the policy so far
     */
    Duration next(RestartPolicy policy, int exitCode, boolean stoppedByUser, Duration ran, int restartCount) {
        if (stoppedByUser) return null;
        if (ran.compareTo(RESET_AFTER) >= 0) delay = Duration.ZERO;
        delay = delay.isZero() ? INITIAL : delay.multipliedBy(2);
        if (delay.compareTo(MAX) > 0) delay = MAX;
        boolean restart = switch (policy.name()) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0 && (policy.maximumRetryCount() == 0 || restartCount < policy.maximumRetryCount());
            default -> false;
        };
        return restart ? delay : null;
    }

    /** A user started the VM: the next failure starts from 100 ms again. */
    void reset() {
        delay = Duration.ZERO;
    }
}
