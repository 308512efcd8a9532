package dev.kiln.cli.engine;

import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `kiln start`: runs created or exited VMs again. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start created or exited VMs.", "Their restart count starts again from 0."})
public final class StartCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Override
    int run(KilnClient client) {
        return forEach(vms, ref -> {
            client.start(ref);
            System.out.println(ref);
        });
    }
}
