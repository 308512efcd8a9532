package dev.kiln.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of GET /v1/vms (kiln ps).
 *
 * @param health starting, healthy or unhealthy while it runs with a health check, else null
 * @param labels its labels (see {@link Labels})
 */
public record VmSummary(String id, String name, String image, Instant created, VmStatus status, Instant startedAt,
                        Instant finishedAt, Integer exitCode, int restartCount, String health, List<PortMapping> ports,
                        Map<String, String> labels) {}
