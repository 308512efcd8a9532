package dev.kiln.engine.api;

/** The answer to POST /v1/vms/{ref}/wait: the exit code of the run that ended, and how it ended. */
public record WaitResponse(int exitCode, String exit) {}
