package dev.kiln.cli.engine;

import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kiln rm`: removes VMs with their state and logs. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Remove VMs with their state and logs.", "A running one only with -f (it is killed first)."})
public final class RmCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Option(names = {"-f", "--force"}, description = "Kill a running VM first.")
    boolean force;

    @Override
    int run(KilnClient client) {
        return forEach(vms, ref -> {
            client.remove(ref, force);
            System.out.println(ref);
        });
    }
}
