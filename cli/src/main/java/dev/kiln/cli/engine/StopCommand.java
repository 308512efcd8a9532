package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln stop`: each VM gets the grace period to end, then is destroyed; kiln says which happened. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop VMs: each gets a grace period to end, then is destroyed.",
                "Prints each name on stdout and what happened on stderr (it ended by itself, or it was killed after the grace period). The guest is not told to stop yet (the ABI has no stop notification): a guest that does not end by itself is killed."})
public final class StopCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Option(names = {"-t", "--time"}, paramLabel = "S", description = "Seconds of grace before the VM is destroyed (default 10).")
    Integer seconds;

    @Override
    int run(KilnClient client) {
        if (seconds != null && seconds < 0) throw new UserError("--time must be 0 or more seconds");
        return forEach(vms, ref -> {
            StopResponse r = client.stop(ref, seconds);
            System.out.println(ref);
            System.err.println("kiln: " + r.message());
        });
    }
}
