package dev.kiln.cli.engine;

import dev.kiln.engine.api.StopResponse;
import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `kiln restart`: stop (as kiln stop), then start. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop VMs (as kiln stop does), then start them.")
public final class RestartCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Mixin
    GraceOption grace;

    @Override
    int run(KilnClient client) {
        Integer seconds = grace.seconds();
        return forEach(vms, ref -> {
            StopResponse r = client.restart(ref, seconds);
            System.out.println(ref);
            if (r.outcome() != StopResponse.Outcome.NOT_RUNNING) System.err.println("kiln: " + r.message());
        });
    }
}
