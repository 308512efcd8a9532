package dev.kiln.engine.api;

import java.time.Instant;

/**
 * One piece of a VM's log: a line (with its newline) or the part of a line the guest wrote
 * so far, as it arrived. The same record is a line of the log files and of GET .../logs.
 *
 * @param seq this VM's entry number, from 1, never reused (a follower uses it to resume)
 * @param time when the daemon received it
 * @param stream console (what the guest wrote) or kiln (what the daemon says about the VM: starts, exits, crash reports)
 * @param log the text (invalid UTF-8 from the guest becomes U+FFFD)
 */
public record LogEntry(long seq, Instant time, String stream, String log) {
    public static final String CONSOLE = "console", KILN = "kiln";
}
