package dev.kiln.libos.teavm;

import dev.kiln.libos.net.NetStack;
import dev.kiln.libos.net.NetStats;
import org.teavm.interop.Import;
import org.teavm.runtime.GC;

/**
 * Keeps the runtime's and the network's figures on the stats page (docs/abi.md, "The stats page")
 * current: the event loop calls {@link #maybePublish} between events, which copies them at most
 * once per {@link #INTERVAL_NANOS} and always before the image sleeps, so a reader sees figures at
 * most that old while the image works, and the last ones while it idles. Plain stores through
 * guest/runtime/stats.c; no exit. (Collections are counted by the GC hooks themselves.) With
 * KILN_STATS=off in the environment the writer is off and this returns before any work.
 */
final class StatsPublisher {
    static final long INTERVAL_NANOS = 1_000_000L;
    private static long last = Long.MIN_VALUE;
    private static NetStack stack;
    /** -1 until asked, then 1, or 0 when the image runs with KILN_STATS=off: nothing to copy. */
    private static int enabled = -1;

    private StatsPublisher() {
    }

    /** The image's network, once its first socket started it. */
    static void watch(NetStack s) {
        stack = s;
    }

    /** Publishes if the figures are older than the interval, or always when {@code sleeping}. */
    static void maybePublish(boolean sleeping) {
        if (enabled <= 0) {
            if (enabled == 0) {
                return;
            }
            enabled = statsEnabled(); // asked once: KILN_STATS=off makes it 0 (guest/runtime/stats.c)
            if (enabled == 0) {
                return;
            }
        }
        long now = System.nanoTime();
        if (!sleeping && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        Runtime rt = Runtime.getRuntime();
        publishRuntime(rt.totalMemory() - rt.freeMemory(), GC.maxAvailableBytes(), Thread.activeCount());
        NetStack s = stack;
        if (s != null) {
            NetStats n = s.stats();
            publishNet(s.tcpActiveConnectionCount(), n.tcpAccepted, n.tcpConnectionsReset, n.tcpRetransmits,
                    n.udpDatagramsIn, n.udpDatagramsOut);
        }
    }

    @Import(name = "kiln_stats_enabled")
    private static native int statsEnabled();

    @Import(name = "kiln_stats_runtime")
    private static native void publishRuntime(long heapUsed, long heapLimit, long greenThreads);

    @Import(name = "kiln_stats_net")
    private static native void publishNet(long tcpOpen, long tcpAccepted, long tcpReset, long tcpRetransmitted,
                                          long udpIn, long udpOut);
}
