package dev.kiln.engine.api;

/**
 * The body of every error answer: {"message": "..."}, one line a user can act on. The status
 * says what kind: 400 a bad request, 404 no such VM (or route), 409 a conflict with the VM's
 * state or another VM (name in use, already running, running and not forced), 413/431 a request
 * too large, 500 a fault of the daemon itself.
 */
public record ApiError(String message) {}
