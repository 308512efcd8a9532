package dev.kiln.cli.engine;

import dev.kiln.engine.api.DumpResponse;
import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `kiln dump`: an ELF core file of running VMs, in each VM's state directory; prints where. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Write an ELF core file of running native VMs and print its path, one per line.",
                "The daemon writes it in the VM's state directory (replacing the last one), the guest held still for the",
                "copy; open it with kiln debug IMAGE --core CORE (docs/debugging.md)."})
public final class DumpCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Override
    int run(KilnClient client) {
        return forEach(vms, ref -> {
            DumpResponse r = client.dump(ref);
            System.out.println(r.core());
        });
    }
}
