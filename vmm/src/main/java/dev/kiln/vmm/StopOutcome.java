package dev.kiln.vmm;

import java.time.Duration;

/** How {@link Vm#stopGracefully} ended a VM: the guest stopped by itself, or it was destroyed after the grace period. */
public sealed interface StopOutcome {
    /** One line for humans: "stopped by the guest after 0.2 s" or "killed after the 10 s grace period". */
    String describe();

    /** The guest ended (by its exit hypercall, a crash or any other way) within the grace period. */
    record StoppedByGuest(Duration after, VmExit exit) implements StopOutcome {
        public String describe() {
            return "stopped by the guest after " + seconds(after) + " s";
        }
    }

    /** The guest was still running when the grace period ended, so the VM was destroyed. */
    record Killed(Duration grace, VmExit exit) implements StopOutcome {
        public String describe() {
            return "killed after the " + seconds(grace) + " s grace period";
        }
    }

    /**
     * "0.2", "10", "1.3", "0.003": seconds without trailing zeros, to a tenth from a second on, to
     * a hundredth below, to a millisecond below 10 ms (a guest that stops at once does not read "0 s").
     */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return java.math.BigDecimal.valueOf(ms, 3).setScale(ms < 10 ? 3 : ms < 1000 ? 2 : 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
