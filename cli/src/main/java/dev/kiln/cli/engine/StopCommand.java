package dev.kiln.cli.engine;

import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `kiln stop`: each VM is asked to stop and gets the grace period to end, then is destroyed; kiln says which happened. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop VMs: each is asked to stop and gets a grace period to end, then is destroyed.",
                "A Java image runs its shutdown hooks and exits 143. Prints each name on stdout and what happened on stderr (it ended within the grace period, or it was killed after it)."})
public final class StopCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Mixin
    GraceOption grace;

    @Override
    int run(KilnClient client) {
        Integer seconds = grace.seconds();
        return forEach(vms, ref -> {
            StopResponse r = client.stop(ref, seconds);
            System.out.println(ref);
            System.err.println("kiln: " + r.message());
        });
    }
}
