package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.api.LogEntry;
import dev.kiln.engine.client.KilnClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `kiln logs NAME`: what the guest wrote to its console goes to stdout, byte for byte as it
 * wrote it; what kiln says about the VM (exits, crash reports, restarts) to stderr.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a VM's log.",
                "Its console goes to stdout, byte for byte; kiln's lines about it (exits, crash reports, restarts, health) to stderr. The log outlives the VM and the daemon."})
public final class LogsCommand extends DaemonVerb {
    @Parameters(index = "0", paramLabel = "VM", description = "Name, id or id prefix.")
    String vm;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what comes until the VM ended for good.")
    boolean follow;

    @Option(names = "--since", paramLabel = "TIME", description = "Only from TIME on: 10m, 1h30m (ago), an RFC 3339 time or Unix seconds.")
    String since;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Only the last N entries (lines), or all.")
    String tail;

    @Option(names = {"-t", "--timestamps"}, description = "Start each entry with the time the daemon received it.")
    boolean timestamps;

    @Override
    int run(KilnClient client) {
        Integer n = null;
        if (tail != null && !tail.equals("all")) {
            if (!tail.matches("\\d{1,9}")) throw new UserError("--tail takes a number or all, not '" + tail + "'");
            n = Integer.parseInt(tail);
        }
        Instant from = since == null ? null : HumanTime.point("--since", since, Instant.now());
        PrintStream out = System.out, err = System.err;
        boolean[] lineStart = {true, true};
        client.logs(vm, follow, from, n, e -> {
            boolean console = e.stream().equals(LogEntry.CONSOLE);
            PrintStream to = console ? out : err;
            int k = console ? 0 : 1;
            if (timestamps && lineStart[k]) to.print(e.time() + " ");
            to.write(e.log().getBytes(StandardCharsets.UTF_8), 0, e.log().getBytes(StandardCharsets.UTF_8).length);
            to.flush();
            lineStart[k] = e.log().endsWith("\n");
            return true;
        });
        return 0;
    }
}
