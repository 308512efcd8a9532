package dev.kiln.engine.api;

/**
 * A running VM's monitor counters (a snapshot): exits are what a guest costs the host here.
 *
 * @param exits KVM_RUN returns of every kind
 * @param hypercalls hypercalls of every kind
 * @param consoleBytes bytes the guest wrote to its console in this run
 * @param rxFrames frames delivered to the guest (null without a net device)
 * @param txFrames frames the guest sent (null without a net device)
 */
public record VmCounters(long exits, long hypercalls, long consoleBytes, Long rxFrames, Long txFrames) {}
