package dev.kiln.cli.compose;

import dev.kiln.engine.client.ApiException;
import dev.kiln.engine.client.DaemonUnreachableException;
import dev.kiln.engine.client.KilnClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * A compose verb: the file and project from `kiln compose`'s options, the daemon's client. As
 * the daemon's other verbs: 0 when everything worked, 1 when the daemon refused or could not
 * be reached, or a dependency failed (one line "kiln: error: ..."), 125 for a bad file or value.
 */
abstract class ComposeVerb implements Callable<Integer> {
    static final int FAILED = 1;
    @ParentCommand ComposeCommand compose;

    abstract int run(KilnClient client) throws Exception;

    /** What is checked before the daemon is asked anything (the file). */
    void prepare() {}

    /** The client; up starts a daemon when none answers, the others do not. */
    KilnClient client() {
        return compose.daemon.client();
    }

    @Override
    public final Integer call() throws Exception {
        prepare();
        try (KilnClient client = client()) {
            return run(client);
        } catch (ApiException | DaemonUnreachableException | ProjectFailure e) {
            System.err.println("kiln: error: " + e.getMessage());
            return FAILED;
        }
    }
}
