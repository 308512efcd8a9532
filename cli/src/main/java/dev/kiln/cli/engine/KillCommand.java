package dev.kiln.cli.engine;

import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln kill`: destroys running VMs at once. */
@Command(name = "kill", mixinStandardHelpOptions = true,
        description = {"Kill running VMs at once.",
                "SIGKILL (the default) destroys the VM (exit code 137). Other signals are refused until the ABI can deliver them to a guest."})
public final class KillCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIG", defaultValue = "KILL", description = "The signal (default KILL).")
    String signal;

    @Override
    int run(KilnClient client) {
        return forEach(vms, ref -> {
            client.kill(ref, signal);
            System.out.println(ref);
        });
    }
}
