package dev.kiln.engine.api;

/**
 * One running VM's cumulative figures at one moment (GET /v1/stats), read from the same
 * {@code VmSample} a metrics scrape reads. Nothing here is a rate: a client takes two readings
 * and divides the differences by {@code readAtNanos}' difference (`kiln stats`, `kiln top`).
 * Counters start at 0 with each run of the VM; a client seeing a counter go back knows the VM
 * restarted between its readings.
 *
 * @param id the VM's id
 * @param name the VM's name
 * @param readAtNanos when the daemon read this VM, on its monotonic clock (System.nanoTime):
 *                    meaningful only as a difference between two readings of the same daemon
 * @param vcpuNanos CPU time of the vCPU thread so far in this run (null where unmeasured)
 * @param exits exits of the vCPU to the monitor so far in this run
 * @param memoryLimitBytes guest memory the VM may use
 * @param memoryTouchedBytes guest memory the host has backed with pages (mincore; null if unread)
 * @param netRxBytes bytes put into the guest's receive ring (null without a net device)
 * @param netTxBytes bytes from the guest written to the tap (null without a net device)
 * @param gcCollections garbage collections in the guest (null without a valid stats page with runtime figures)
 * @param gcPauseNanos time the guest's program stood still for them (null as gcCollections)
 */
public record VmStatsReading(String id, String name, long readAtNanos, Long vcpuNanos, long exits,
                             long memoryLimitBytes, Long memoryTouchedBytes, Long netRxBytes, Long netTxBytes,
                             Long gcCollections, Long gcPauseNanos) {}
