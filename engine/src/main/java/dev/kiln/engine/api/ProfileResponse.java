package dev.kiln.engine.api;

/**
 * The answer to POST /v1/vms/{ref}/profile: the VM's guest sampled for a while
 * (docs/cli.md, "kiln profile"), symbolized by the daemon, which has the image.
 *
 * @param folded Brendan Gregg's folded stacks, one "frame;frame count" line per distinct stack
 * @param cost what sampling took and cost, the line `kiln profile` prints
 * @param samples the samples taken (idle ones included)
 * @param javaStacks the image has the Java debug descriptor (else the stacks are RIPs only)
 * @param note why C functions are unnamed ([unknown]), or null
 */
public record ProfileResponse(String id, String name, String folded, String cost, long samples, boolean javaStacks,
                              String note) {}
