package dev.kiln.vmm.profile;

import java.time.Duration;

/**
 * What a profile cost the guest, measured: each sample of a running guest costs an exit (a kick
 * out of KVM_RUN, about 60 us on this kind of nested KVM) plus the walk on the vCPU thread.
 *
 * @param rateHz the rate asked for
 * @param wall how long sampling ran
 * @param ticks the sampler's ticks (one sample asked for at each)
 * @param guestSamples samples of the running guest (RIP and shadow stack read on the vCPU thread)
 * @param idleSamples ticks while the guest waited in a yield: counted, at no cost to the guest
 * @param atOwnExits guest samples taken where the guest stopped for a hypercall of its own (the
 *        kick had not landed yet, or the tick came while the monitor served the call), not for a kick
 * @param kicks signals sent to get the vCPU out of KVM_RUN
 * @param exitsCaused KVM_RUN returns the kicks caused (EINTR or KVM_EXIT_INTR)
 * @param samplerNanos time the vCPU thread spent taking samples (reading registers and walking)
 * @param delayNanos the sum over guest samples of the time from the tick that asked for it to its taking
 * @param vcpuCpuNanos CPU time the vCPU thread used while sampling ran (guest code, exits, hypercalls), or -1
 * @param dropped samples not kept because the profile was full
 */
public record SamplingCost(int rateHz, Duration wall, long ticks, long guestSamples, long idleSamples, long atOwnExits, long kicks,
                           long exitsCaused, long samplerNanos, long delayNanos, long vcpuCpuNanos, long dropped) {
    /** One line for the user: what was taken and what it cost. */
    public String format() {
        long samples = guestSamples + idleSamples;
        return String.format("%d samples in %.1f s (%d ticks at %d Hz; %d of the running guest, %d of them at its own"
                        + " exits; %d idle); %d exits caused by %d kicks; %.1f ms in the sampler on the vCPU thread (%.1f us"
                        + " a sample); %.0f us from a tick to its sample on average; vCPU thread on a CPU %s of the time%s",
                samples, wall.toNanos() / 1e9, ticks, rateHz, guestSamples, atOwnExits, idleSamples, exitsCaused, kicks,
                samplerNanos / 1e6, guestSamples == 0 ? 0.0 : samplerNanos / 1e3 / guestSamples,
                guestSamples == 0 ? 0.0 : delayNanos / 1e3 / guestSamples,
                vcpuCpuNanos < 0 ? "(unknown)" : String.format("%.0f%%", 100.0 * vcpuCpuNanos / Math.max(1, wall.toNanos())),
                dropped == 0 ? "" : "; " + dropped + " samples dropped (the profile was full)");
    }
}
