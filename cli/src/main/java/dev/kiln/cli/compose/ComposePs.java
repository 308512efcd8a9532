package dev.kiln.cli.compose;

import dev.kiln.cli.engine.PsCommand;
import dev.kiln.engine.api.ApiJson;
import dev.kiln.engine.api.PortMapping;
import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.KilnClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `kiln compose ps`: the project's VMs, found by their labels. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = {"List the project's VMs.", "Running and restarting ones; with -a all of them."})
final class ComposePs extends ComposeVerb {
    @Option(names = {"-a", "--all"}, description = "Also created and exited VMs.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only the VMs' ids.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default), or json: one JSON object per VM and line.")
    String format;

    private String project;

    @Override
    void prepare() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new dev.kiln.cli.UserError("--format takes table or json, not '" + format + "'");
        }
        project = compose.projectName();
    }

    @Override
    int run(KilnClient client) throws Exception {
        List<VmSummary> vms = new ArrayList<>();
        for (VmSummary v : ProjectVms.list(client, project)) {
            if (all || v.status() == VmStatus.RUNNING || v.status() == VmStatus.RESTARTING) vms.add(v);
        }
        if (quiet) {
            for (VmSummary v : vms) System.out.println(v.id());
            return 0;
        }
        if (format.equals("json")) {
            for (VmSummary v : vms) System.out.println(ApiJson.mapper().writeValueAsString(v));
            return 0;
        }
        Instant now = Instant.now();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "IMAGE", "SERVICE", "STATUS", "PORTS"});
        for (VmSummary v : vms) {
            rows.add(new String[] {v.name(), v.image(), ProjectVms.service(v), PsCommand.status(v, now),
                    v.ports().stream().map(PortMapping::toString).collect(Collectors.joining(", "))});
        }
        int[] width = new int[5];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) line.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 3));
            System.out.println(line.toString().stripTrailing());
        }
        return 0;
    }
}
