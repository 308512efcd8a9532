package dev.kiln.engine.api;

import java.time.Instant;

/**
 * One run of a VM and how it ended.
 *
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param exitCode 0..255: the guest's exit status; 134 abort, 139 crash, 159 ABI violation, 137 killed by
 *     kiln (kill, stop after its grace period, the daemon ending), 125 the VM could not start
 * @param description one line: "exited with status 1", "crashed: ...", "killed after the 10 s grace period"
 * @param crashReport the full crash report (registers, faulting function) when it crashed
 * @param restartCount the VM's restart count during this run
 */
public record ExitRecord(Instant startedAt, Instant finishedAt, int exitCode, String description, String crashReport,
                         int restartCount) {}
