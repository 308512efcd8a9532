package dev.kiln.libos.net;

import java.io.IOException;

/**
 * Loss and reordering on the tap. tc netem is used when the kernel has it; this machine's
 * kernel is built without CONFIG_NET_SCH_NETEM, so then the loss comes from nftables in the
 * namespace (the kernel drops the frames, in both directions) and the reordering from the
 * harness's pump (frames held back and released later, in both directions).
 */
final class Impairment {
    private Impairment() {}

    static String apply(TapHarness h, int lossPercent, int reorderPercent) throws IOException {
        String tap = h.tap.name();
        try {
            h.ns.exec(10, "tc", "qdisc", "add", "dev", tap, "root", "netem", "loss", lossPercent + "%",
                    "reorder", reorderPercent + "%", "50%", "delay", "1ms");
            // netem shapes only what Linux sends; reorder what the stack sends in the pump.
            h.impair(reorderPercent / 100.0, 1_000_000L, lossPercent / 100.0, 11);
            return "tc netem loss " + lossPercent + "% reorder " + reorderPercent + "% delay 1ms (Linux -> stack); "
                    + "pump loss/reorder (stack -> Linux)";
        } catch (IOException netemMissing) {
            TapHarness.requirePrerequisites("nft");
            // netdev ingress/egress hooks drop at the device, like a lossy wire (an inet output
            // hook would instead report EPERM to Linux's TCP, which is not what loss looks like).
            // Only IPv4 frames: the loss is for TCP to recover from; ARP lost three times in a
            // row (Linux's mcast_solicit) ends a connect with "No route to host" before any
            // segment is sent, which tests nothing of the stack.
            String rules = "table netdev kilnloss {\n"
                    + " chain in { type filter hook ingress device \"" + tap + "\" priority 0; meta protocol ip numgen random mod 100 < " + lossPercent + " drop; }\n"
                    + " chain out { type filter hook egress device \"" + tap + "\" priority 0; meta protocol ip numgen random mod 100 < " + lossPercent + " drop; }\n"
                    + "}\n";
            java.nio.file.Path f = java.nio.file.Files.createTempFile("kiln-nft", ".conf");
            try {
                java.nio.file.Files.writeString(f, rules);
                h.ns.exec(10, "nft", "-f", f.toString());
            } finally {
                java.nio.file.Files.deleteIfExists(f);
            }
            h.impair(reorderPercent / 100.0, 1_000_000L, 0, 11);
            return "netem unavailable (" + netemMissing.getMessage().lines().reduce((a, b) -> b).orElse("") + "); nftables (netdev ingress+egress on the tap) drops "
                    + lossPercent + "% of IPv4 frames each way in the kernel, the pump reorders " + reorderPercent + "% by 1 ms each way";
        }
    }
}
