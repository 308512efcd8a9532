package dev.kiln.engine.api;

import java.time.Instant;

/**
 * GET /v1/info: the daemon and its counts. Answering it is how a client learns the daemon is up.
 *
 * @param logFollowers open logs-follow streams
 * @param eventFollowers open event streams
 */
public record DaemonInfo(String version, String api, long pid, String stateDir, String socket, Instant started,
                         int vms, int running, int logFollowers, int eventFollowers) {}
