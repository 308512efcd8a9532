package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.VmNames;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.KilnClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `kiln ps`: the daemon's VMs, as `docker ps` shows containers. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = {"List the daemon's VMs.", "Running and restarting ones; with -a all of them."})
public final class PsCommand extends DaemonVerb {
    @Option(names = {"-a", "--all"}, description = "Also created and exited VMs.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only the (short) ids.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default), or json: one JSON object per VM and line.")
    String format;

    @Option(names = "--no-trunc", description = "Full ids.")
    boolean noTrunc;

    @Option(names = "--filter", paramLabel = "label=KEY=VALUE",
            description = "Only the VMs with that label (a compose project's: label=dev.kiln.compose.project=NAME).")
    String filter;

    @Override
    int run(KilnClient client) throws Exception {
        if (!format.equals("table") && !format.equals("json")) throw new UserError("--format takes table or json, not '" + format + "'");
        String label = null;
        if (filter != null) {
            if (!filter.startsWith("label=")) throw new UserError("--filter takes label=KEY=VALUE, not '" + filter + "'");
            label = filter.substring("label=".length());
            try {
                dev.kiln.engine.api.Labels.parse(label);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        List<VmSummary> vms = client.list(all, label);
        if (quiet) {
            for (VmSummary v : vms) System.out.println(noTrunc ? v.id() : VmNames.shortId(v.id()));
        } else if (format.equals("json")) {
            for (VmSummary v : vms) System.out.println(ApiJson.mapper().writeValueAsString(v));
        } else {
            table(vms, Instant.now());
        }
        return 0;
    }

    private void table(List<VmSummary> vms, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VM ID", "IMAGE", "CREATED", "STATUS", "PORTS", "NAMES"});
        for (VmSummary v : vms) {
            rows.add(new String[] {noTrunc ? v.id() : VmNames.shortId(v.id()), v.image(), HumanTime.ago(v.created(), now),
                    status(v, now), v.ports().stream().map(PortMapping::toString).collect(Collectors.joining(", ")), v.name()});
        }
        int[] width = new int[6];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(width[i] - r[i].length() + 3));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    /** Docker's STATUS column: Up 5 seconds (healthy), Exited (1) 3 minutes ago, Restarting (1) 2 seconds ago, Created. */
    public static String status(VmSummary v, Instant now) {
        return switch (v.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanTime.since(v.startedAt(), now)
                    + (v.health() == null ? "" : " (" + (v.health().equals("starting") ? "health: starting" : v.health()) + ")");
            case RESTARTING -> "Restarting (" + v.exitCode() + ") " + HumanTime.ago(v.finishedAt(), now);
            case EXITED -> "Exited (" + v.exitCode() + ") " + HumanTime.ago(v.finishedAt(), now);
        };
    }
}
