package dev.kiln.cli;

import picocli.CommandLine;

/**
 * Turns failures of kiln itself (a bad image, no /dev/kvm, a missing file) into
 * one clear line on stderr and exit status 125, the way `docker run` reports its
 * own errors, so they are told apart from the guest's exit statuses. A stack
 * trace is shown only with KILN_DEBUG=1: for a user it is noise, for a bug report it is gold.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final int KILN_ERROR = 125;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(e);
    }

    /** The line (and with KILN_DEBUG=1 the stack trace) for a failure of a command; its exit status. */
    static int report(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        System.err.println("kiln: error: " + message);
        if ("1".equals(System.getenv("KILN_DEBUG"))) e.printStackTrace();
        else if (!(e instanceof UserError) && !isExpected(e))
            System.err.println("kiln: (this looks like a bug in kiln; run with KILN_DEBUG=1 for the stack trace)");
        return KILN_ERROR;
    }

    /** Kiln's own failures with a message for the user, not bugs: reported as one line. */
    static boolean isExpected(Throwable e) {
        return e instanceof dev.kiln.vmm.VmmException || e instanceof dev.kiln.image.ImageException
                || e instanceof java.io.IOException || e instanceof dev.kiln.oci.image.OciException
                || e instanceof dev.kiln.engine.client.ApiException || e instanceof dev.kiln.engine.client.DaemonUnreachableException;
    }
}
