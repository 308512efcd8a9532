package dev.kiln.cli;

import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Option;

/**
 * The --seed option of the fuzz commands, one definition: the same seed makes the same run, and
 * without one a run takes a random seed, which the command prints so that a finding can be replayed.
 */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "S", description = "The run's seed (default: a random one, printed).")
    private Long seed;

    /** The seed of this run, once value() chose it. */
    private Long chosen;

    boolean given() {
        return seed != null;
    }

    /** The given seed, or a random one chosen once. */
    long value() {
        if (chosen == null) chosen = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        return chosen;
    }
}
