package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.VmStatsReading;
import dev.kiln.engine.client.KilnClient;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln top`: the busiest running VMs by CPU %, one table (two readings a second apart), then
 * it exits; `kiln stats` is the one that keeps refreshing. (Unlike `docker top`, which lists a
 * container's processes: a unikernel has one program and no processes to list.)
 */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"Show the N running VMs that use the most CPU, busiest first, and exit.",
                "The columns are those of kiln stats, measured over one second."})
public final class TopCommand extends DaemonVerb {
    @Option(names = {"-n"}, paramLabel = "N", defaultValue = "10", description = "How many VMs (default 10).")
    int count;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default), or json: one JSON object per VM and line.")
    String format;

    @Override
    int run(KilnClient client) throws Exception {
        boolean json = StatsCommand.json(format);
        if (count < 1) throw new UserError("-n takes a number of VMs of 1 or more, not " + count);
        List<VmStatsReading> before = client.stats();
        Thread.sleep(StatsCommand.INTERVAL_MILLIS);
        List<VmRates> busiest = VmRates.between(before, client.stats()).stream()
                .sorted(Comparator.comparing(VmRates::cpuPercent, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(count)
                .toList();
        StatsTable.print(System.out, busiest, json);
        return 0;
    }
}
