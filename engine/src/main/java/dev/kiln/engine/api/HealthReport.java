package dev.kiln.engine.api;

import java.time.Instant;
import java.util.List;

/**
 * A running VM's health: starting (no verdict yet), healthy or unhealthy.
 *
 * @param status starting, healthy or unhealthy
 * @param failingStreak failed probes in a row
 * @param log the last probes, oldest first (at most 5, as Docker keeps)
 */
public record HealthReport(String status, int failingStreak, List<Result> log) {
    public static final String STARTING = "starting", HEALTHY = "healthy", UNHEALTHY = "unhealthy";

    /** One probe: when it ran, whether it passed, and what it saw. */
    public record Result(Instant start, Instant end, boolean ok, String output) {}
}
