package dev.kiln.engine.metrics;

import dev.kiln.vmm.Vm;
import java.time.Instant;

/**
 * One VM as a scrape sees it: who it is (the labels of every series), its lifecycle, and its
 * monitor's VM while it runs, which the collector reads then and there.
 *
 * @param name the VM's name
 * @param id the VM's id
 * @param image the image's identity: its digest (sha256:HEX)
 * @param running true while a guest runs
 * @param startedAt the start of its current or last run; null if it never ran
 * @param restarts restarts by its policy since a user last started it
 * @param health starting, healthy or unhealthy; null without a health check
 * @param vm the monitor's VM of the current run; null when none runs (its figures are then absent)
 */
public record VmSample(String name, String id, String image, boolean running, Instant startedAt, long restarts,
                       String health, Vm vm) {}
