package dev.kiln.cli.bench;

import dev.kiln.cli.UserError;
import dev.kiln.cli.KilnHome;
import dev.kiln.bench.SleepBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln bench sleep`: how late a guest's sleep ends (the yield hypercall), ending with
 * `sleep requested_ms=N median_over_us=N p99_over_us=N`. A sleep that ends early fails it.
 */
@Command(name = "sleep", mixinStandardHelpOptions = true,
        description = "Sleep accuracy: how much a guest's sleeps overrun what they asked for.")
final class BenchSleepCommand implements Callable<Integer> {
    @Option(names = "--ms", paramLabel = "MS", description = "Length of each sleep in milliseconds (default: ${DEFAULT-VALUE}).")
    long millis = 50;

    @Option(names = "--count", paramLabel = "N", description = "Sleeps (default: ${DEFAULT-VALUE}).")
    int count = 40;

    @Override
    public Integer call() {
        if (millis < 1 || millis > 60_000) throw new UserError("--ms must be 1..60000");
        if (count < 1 || count > 100_000) throw new UserError("--count must be 1..100000");
        var over = new SleepBenchmark(KilnHome.guest("tests/sleep.elf"), System.out).oversleep(millis, count);
        System.out.printf("sleep requested_ms=%d median_over_us=%d p99_over_us=%d%n",
                millis, Math.round(over.medianMicros()), Math.round(over.p99Micros()));
        return 0;
    }
}
