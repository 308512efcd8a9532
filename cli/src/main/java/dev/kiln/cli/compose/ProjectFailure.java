package dev.kiln.cli.compose;

/** The project could not come up as asked (a dependency turned unhealthy or ended): exit status 1, as a refusal of the daemon. */
final class ProjectFailure extends RuntimeException {
    ProjectFailure(String message) {
        super(message);
    }
}
