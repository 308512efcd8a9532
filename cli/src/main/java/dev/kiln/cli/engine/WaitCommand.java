package dev.kiln.cli.engine;

import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `kiln wait`: blocks until VMs end and prints their exit codes, one per line. */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait until VMs end and print their exit codes.",
                "For a VM that is not running, its last exit code. Exit status 0 whatever the codes are, as docker wait."})
public final class WaitCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Override
    int run(KilnClient client) {
        return forEach(vms, ref -> System.out.println(client.await(ref, null).exitCode()));
    }
}
