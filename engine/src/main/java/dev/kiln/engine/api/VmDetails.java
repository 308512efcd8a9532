package dev.kiln.engine.api;

/**
 * GET /v1/vms/{ref} (kiln inspect NAME): everything the daemon knows about one VM.
 *
 * @param definition how it was created
 * @param state its status, runs and exits
 * @param health its health while it runs with a health check, else null
 * @param network its network in this run, in words (null without one)
 * @param counters the monitor's counters while it runs, else null
 * @param logPath the newest of its log files
 */
public record VmDetails(String id, String name, VmDefinition definition, VmState state, HealthReport health,
                        String network, VmCounters counters, String logPath) {}
