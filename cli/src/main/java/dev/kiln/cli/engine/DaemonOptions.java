package dev.kiln.cli.engine;

import dev.kiln.cli.UserError;
import dev.kiln.engine.EnginePaths;
import dev.kiln.engine.client.KilnClient;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --host, which every verb that talks to the daemon takes. */
public final class DaemonOptions {
    @Option(names = {"-H", "--host"}, paramLabel = "unix:///PATH",
            description = "The daemon's socket (default: $KILN_HOST, else /run/kiln/kiln.sock for root, "
                    + "$XDG_RUNTIME_DIR/kiln/kiln.sock for a user). There is no TCP API.")
    String host;

    /** Whether --host was given on the command line. */
    public boolean hostGiven() {
        return host != null;
    }

    public Path socket() {
        try {
            return EnginePaths.socket(host);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    public KilnClient client() {
        return KilnClient.of(socket());
    }
}
