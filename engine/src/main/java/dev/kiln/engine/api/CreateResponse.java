package dev.kiln.engine.api;

/** The answer to POST /v1/vms (201): the new VM's id (64 hex digits) and name. */
public record CreateResponse(String id, String name) {}
