package dev.kiln.vmm.profile;

import dev.kiln.vmm.javastack.JavaFrame;

import java.util.List;
import java.util.Map;

/**
 * A finished profile: the samples as taken, the Java frames of every call-site id they name
 * (resolved while the guest's memory was still there), and what sampling cost.
 *
 * @param javaStacks the image has the Java debug descriptor, so samples carry shadow stacks
 */
public record Profile(List<Sample> samples, Map<Integer, List<JavaFrame>> callSites, boolean javaStacks,
                      SamplingCost cost) {
    public Profile {
        samples = List.copyOf(samples);
        callSites = Map.copyOf(callSites);
    }
}
