package dev.kiln.engine.api;

/**
 * The answer to POST /v1/vms/{ref}/debug: where the VM's GDB stub listens, a unix socket beside
 * the daemon's own and as open as it is (gdb: {@code target remote SOCKET}). It lives as long as
 * the VM's current run.
 */
public record DebugResponse(String id, String name, String socket) {}
