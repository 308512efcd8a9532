package dev.kiln.cli.compose;

import dev.kiln.engine.api.VmStatus;
import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.KilnClient;
import dev.kiln.engine.compose.ComposeProject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kiln compose down`: stops (newest first: the reverse of up's order) and removes every VM
 * labelled with the project, and nothing else. The project's network exists only while a VM
 * names it, so it goes with the last of them, and with it the names in the daemon's resolver.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stop and remove the project's VMs (and so its network).",
                "Works from the daemon's state: the file is needed only for the project's name."})
final class ComposeDown extends ComposeVerb {
    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "10",
            description = "Grace period of each stop before the VM is destroyed (default 10).")
    int timeout;

    private String project;

    @Override
    void prepare() {
        project = compose.projectName();
        if (timeout < 0) throw new dev.kiln.cli.UserError("--timeout must not be negative");
    }

    @Override
    int run(KilnClient client) {
        List<VmSummary> vms = new ArrayList<>(ProjectVms.list(client, project));
        Collections.reverse(vms);
        int status = 0;
        for (VmSummary v : vms) {
            try {
                if (v.status() == VmStatus.RUNNING || v.status() == VmStatus.RESTARTING) {
                    System.out.println(client.stop(v.id(), timeout).message());
                }
                client.remove(v.id(), true);
                System.out.println("VM " + v.name() + " removed");
            } catch (ApiException e) {
                System.err.println("kiln: error: " + e.getMessage());
                status = FAILED;
            }
        }
        if (vms.isEmpty()) {
            System.err.println("kiln: project " + project + " has no VMs");
        } else if (status == 0) {
            System.out.println("Network " + ComposeProject.network(project) + " removed (no VM names it any more)");
        }
        return status;
    }
}
