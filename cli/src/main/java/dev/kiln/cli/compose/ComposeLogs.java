package dev.kiln.cli.compose;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.KilnClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln compose logs [-f] [SERVICE...]`: the project's logs in one stream, each line prefixed with SERVICE-N. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print the logs of the project's VMs (or of the services named), each line prefixed with SERVICE-N.",
                "Consoles go to stdout, kiln's lines about the VMs to stderr."})
final class ComposeLogs extends ComposeVerb {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Keep printing until every VM ended for good.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Only the last N lines of each VM, or all.")
    String tail;

    @Option(names = {"-t", "--timestamps"}, description = "Start each line with the time the daemon received it.")
    boolean timestamps;

    private String project;
    private Integer lines;

    @Override
    void prepare() {
        if (tail != null && !tail.equals("all")) {
            if (!tail.matches("\\d{1,9}")) throw new UserError("--tail takes a number or all, not '" + tail + "'");
            lines = Integer.parseInt(tail);
        }
        project = compose.projectName();
    }

    @Override
    int run(KilnClient client) throws Exception {
        List<VmSummary> vms = new ArrayList<>();
        for (VmSummary v : ProjectVms.list(client, project)) {
            if (services.isEmpty() || services.contains(ProjectVms.service(v))) vms.add(v);
        }
        for (String s : services) {
            if (vms.stream().noneMatch(v -> ProjectVms.service(v).equals(s))) {
                throw new UserError("project " + project + " has no VM of service " + s);
            }
        }
        if (follow) ProjectLogs.follow(client, vms, lines, timestamps);
        else ProjectLogs.print(client, vms, lines, timestamps);
        return 0;
    }
}
