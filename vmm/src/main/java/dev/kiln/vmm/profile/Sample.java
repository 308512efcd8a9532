package dev.kiln.vmm.profile;

/**
 * One sample: where the guest was when the sampler interrupted it, or that it was idle.
 *
 * @param rip the guest's instruction pointer (0 for an idle sample)
 * @param callSites the call-site ids of its Java frames, innermost first (empty without a shadow stack)
 * @param truncated the shadow-stack walk stopped before the outermost frame (garbage or too deep)
 * @param idle the guest was waiting in a yield hypercall (nothing to do): no registers were read
 */
public record Sample(long rip, int[] callSites, boolean truncated, boolean idle) {
    static final int[] NONE = new int[0];

    static Sample idleSample() {
        return new Sample(0, NONE, false, true);
    }
}
