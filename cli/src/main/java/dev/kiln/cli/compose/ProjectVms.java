package dev.kiln.cli.compose;

import dev.kiln.engine.api.VmSummary;
import dev.kiln.engine.client.KilnClient;
import dev.kiln.engine.compose.ComposeProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A project's VMs as the daemon knows them, by their labels. */
final class ProjectVms {
    private ProjectVms() {}

    /** Every VM of the project (any status), oldest first: the order up created them in. */
    static List<VmSummary> list(KilnClient client, String project) {
        List<VmSummary> vms = new ArrayList<>(client.list(true, ComposeProject.projectFilter(project)));
        vms.sort(Comparator.comparing(VmSummary::created).thenComparing(VmSummary::name));
        return vms;
    }

    static String service(VmSummary v) {
        return v.labels().getOrDefault(ComposeProject.SERVICE_LABEL, "?");
    }

    static int number(VmSummary v) {
        String n = v.labels().get(ComposeProject.NUMBER_LABEL);
        return n != null && n.matches("[0-9]{1,4}") ? Integer.parseInt(n) : 0;
    }

    /** SERVICE-N, as Docker Compose prefixes a container's log lines. */
    static String shortName(VmSummary v) {
        return service(v) + "-" + number(v);
    }
}
