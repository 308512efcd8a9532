package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.VmStatsReading;
import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.KilnClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `kiln stats`: the running VMs' CPU, memory, network, exits and GC pause, refreshed every
 * second, as `docker stats` shows containers. The daemon answers cumulative counters
 * (GET /v1/stats); each table is made of two readings, the rates over the time between them.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Show the running VMs' CPU, memory, network I/O, exits and GC pause, every second until Ctrl-C.",
                "CPU % is the vCPU thread's CPU time over wall time (100% = one host CPU); MEM is guest memory touched"
                        + " (backed by host pages) over the VM's limit; NET I/O is bytes received / sent in this run;"
                        + " GC PAUSE is milliseconds the guest stood still for garbage collection per second (-- without"
                        + " the guest's stats page). A VM that ends leaves the table; one that starts joins it."})
public final class StatsCommand extends DaemonVerb {
    /** The time between two readings, as docker's. */
    static final long INTERVAL_MILLIS = 1000;

    @Option(names = "--no-stream", description = "Print one table (from two readings a second apart) and exit.")
    boolean noStream;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default), or json: one JSON object per VM and line.")
    String format;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The VMs (name, id or id prefix); default: every running VM.")
    List<String> names = new ArrayList<>();

    @Override
    int run(KilnClient client) throws Exception {
        boolean json = StatsCommand.json(format);
        Map<String, String> wanted = resolve(client, names); // id -> the name the user typed
        if (wanted == null) return FAILED;
        boolean clear = !noStream && !json && System.console() != null;
        List<VmStatsReading> before = only(client.stats(), wanted);
        while (true) {
            Thread.sleep(INTERVAL_MILLIS);
            List<VmStatsReading> after = only(client.stats(), wanted);
            List<VmRates> rates = VmRates.between(before, after);
            if (clear) System.out.print("\033[H\033[2J");
            StatsTable.print(System.out, rates, json);
            if (noStream) return notRunning(wanted, rates);
            if (!clear && !json) System.out.println();
            before = after;
        }
    }

    static boolean json(String format) {
        if (!format.equals("table") && !format.equals("json")) throw new UserError("--format takes table or json, not '" + format + "'");
        return format.equals("json");
    }

    /** The ids of the VMs named (all of them reported if one is unknown: then null); empty for every VM. */
    static Map<String, String> resolve(KilnClient client, List<String> refs) {
        Map<String, String> ids = new LinkedHashMap<>();
        boolean failed = false;
        for (String ref : refs) {
            try {
                ids.put(client.inspect(ref).id(), ref);
            } catch (ApiException e) {
                error(e.getMessage());
                failed = true;
            }
        }
        return failed ? null : ids;
    }

    static List<VmStatsReading> only(List<VmStatsReading> readings, Map<String, String> wanted) {
        if (wanted.isEmpty()) return readings;
        return readings.stream().filter(r -> wanted.containsKey(r.id())).toList();
    }

    /** A VM named on the command line that is not in the table is told, and makes the exit status 1. */
    private static int notRunning(Map<String, String> wanted, List<VmRates> shown) {
        int status = 0;
        for (var w : wanted.entrySet()) {
            if (shown.stream().noneMatch(v -> v.id().equals(w.getKey()))) {
                error("VM " + w.getValue() + " is not running");
                status = FAILED;
            }
        }
        return status;
    }
}
