package dev.kiln.cli.engine;

import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.DaemonUnreachableException;
import dev.kiln.engine.client.KilnClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A verb that talks to the daemon. Exit statuses as Docker's CLI has them: 0 when everything
 * worked, 1 when the daemon refused (no such VM, a conflict) or could not be reached, with
 * one line "kiln: error: ..." per failure on stderr. Mistakes on the command line are kiln's
 * own, as for `kiln run`: 2 for a bad command line (picocli), 125 for a bad value (a UserError,
 * reported by ErrorReporter). Verbs that take several VMs go on past a failure and exit 1 at the end.
 */
abstract class DaemonVerb implements Callable<Integer> {
    static final int FAILED = 1;
    @Mixin DaemonOptions daemon;

    abstract int run(KilnClient client) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try (KilnClient client = daemon.client()) {
            return run(client);
        } catch (ApiException | DaemonUnreachableException e) {
            error(e.getMessage());
            return FAILED;
        }
    }

    static void error(String message) {
        System.err.println("kiln: error: " + message);
    }

    /** Applies the action to each VM; a refusal is reported and the others still get their turn. */
    static int forEach(List<String> refs, VmAction action) {
        int status = 0;
        for (String ref : refs) {
            try {
                action.apply(ref);
            } catch (ApiException e) {
                error(e.getMessage());
                status = FAILED;
            }
        }
        return status;
    }

    interface VmAction {
        void apply(String ref);
    }
}
