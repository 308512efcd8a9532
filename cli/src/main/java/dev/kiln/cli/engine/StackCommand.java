package dev.kiln.cli.engine;

import dev.kiln.engine.api.StackResponse;
import dev.kiln.engine.client.KilnClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `kiln stack`: the Java stack of every green thread of running VMs, as a JVM's thread dump shows them. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"Print the Java stack of every green thread of running native VMs.",
                "The monitor reads them from guest memory, holding the guest still only for the read (docs/debugging.md)."})
public final class StackCommand extends DaemonVerb {
    @Parameters(arity = "1..*", paramLabel = "VM", description = "Names, ids or id prefixes.")
    List<String> vms;

    @Override
    int run(KilnClient client) {
        return forEach(vms, ref -> {
            StackResponse r = client.stack(ref);
            if (vms.size() > 1) System.out.println("VM " + r.name() + " (" + r.id() + "):");
            for (StackResponse.Thread t : r.threads()) {
                System.out.println("\"" + t.name() + "\" (" + t.state() + ")");
                for (String f : t.frames()) System.out.println("    at " + f);
                if (t.error() != null) System.out.println("    <stack unreadable: " + t.error() + ">");
            }
        });
    }
}
