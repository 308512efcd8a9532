package dev.kiln.engine.api;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a VM: its status, its current or last run, its restart count and its last
 * exits. Stored as state.json in the VM's directory at every change; inspect shows it.
 *
 * @param status created, running, restarting or exited
 * @param startedAt start of the current or last run
 * @param finishedAt end of the last run (null while the first run goes on)
 * @param exitCode the last run's exit code (see {@link ExitRecord#exitCode})
 * @param exit the last run's end in one line
 * @param restartCount restarts by the policy since the last start by a user
 * @param stoppedByUser a user stopped or killed it (unless-stopped then leaves it stopped)
 * @param exits the last runs, oldest first (at most {@link #MAX_EXITS}; every exit is also a line in its log)
 */
public record VmState(VmStatus status, Instant startedAt, Instant finishedAt, Integer exitCode, String exit,
                      int restartCount, boolean stoppedByUser, List<ExitRecord> exits) {
    public static final int MAX_EXITS = 10;

    public VmState {
        exits = exits == null ? List.of() : List.copyOf(exits);
    }

    public static VmState created() {
        return new VmState(VmStatus.CREATED, null, null, null, null, 0, false, List.of());
    }
}
