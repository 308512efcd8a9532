package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import picocli.CommandLine.Option;

/** `-t/--time S`, the grace period of kiln stop and kiln restart: null means the daemon's default (10 s). */
final class GraceOption {
    @Option(names = {"-t", "--time"}, paramLabel = "S",
            description = "Seconds the guest gets to stop when asked before it is destroyed (default 10; 0: destroyed at once).")
    private Integer seconds;

    /** The seconds given, checked; null if none was. */
    Integer seconds() {
        if (seconds != null && seconds < 0) throw new UserError("--time must be 0 or more seconds");
        return seconds;
    }
}
