package dev.kiln.engine.api;

/**
 * The answer to POST /v1/vms/{ref}/dump: the ELF core file of the running VM that the daemon
 * wrote in the VM's state directory (gdb IMAGE CORE, or kiln debug IMAGE --core CORE).
 */
public record DumpResponse(String id, String name, String core, long bytes) {}
