package dev.kiln.vmm;

import java.util.List;

/**
 * A guest's own figures, read from its stats page (docs/abi.md, "The stats page") by
 * {@link Vm#guestStats}: every value passed the monitor's checks (counts not negative, names of
 * the allowed characters and length, no more metrics than the table holds), but they are the
 * guest's word. A group the guest does not maintain is absent ({@link #hasRuntime},
 * {@link #hasNet} false, its fields 0).
 *
 * @param hasRuntime the image's runtime keeps the GC, heap and thread figures
 * @param gcCollections garbage collections so far
 * @param gcPauseNanos total time the program stood still for them
 * @param heapUsed bytes of the heap in use
 * @param heapLimit bytes the heap may reach
 * @param greenThreads live Java threads
 * @param hasNet the image's network stack keeps the TCP and UDP figures
 * @param tcpOpen connections open now
 * @param tcpAccepted connections accepted so far
 * @param tcpReset connections ended by a reset, sent or received
 * @param tcpRetransmitted segments sent again
 * @param udpIn datagrams delivered to a socket
 * @param udpOut datagrams sent
 * @param metrics the application's counters and gauges, in the order it created them
 * @param gcPauses the collections' pauses by length, or null if the guest does not keep them
 */
public record GuestStats(boolean hasRuntime, long gcCollections, long gcPauseNanos, long heapUsed, long heapLimit,
                         long greenThreads, boolean hasNet, long tcpOpen, long tcpAccepted, long tcpReset,
                         long tcpRetransmitted, long udpIn, long udpOut, List<Metric> metrics, GcPauses gcPauses) {
    public GuestStats {
        metrics = List.copyOf(metrics);
    }

    /**
     * The GC's pauses by length (docs/abi.md, "The stats page"): the longest, and counts in log2
     * buckets of microseconds, bucket i holding [2^(i-1), 2^i) us (bucket 0: under 1 us; the last:
     * everything from its lower bound on). Counts are the guest's 32-bit counters (they wrap).
     */
    public record GcPauses(long maxNanos, List<Long> buckets) {
        public GcPauses {
            buckets = List.copyOf(buckets);
        }

        /** "64-128us" for bucket 8, "512us-1ms" for 10, "<1us" for 0, ">=262ms" for the last. */
        public static String bucketLabel(int i, int count) {
            if (i == 0) return "<1us";
            if (i == count - 1) return ">=" + micros(1L << (i - 1));
            String low = micros(1L << (i - 1)), high = micros(1L << i);
            String unit = high.substring(high.length() - 2);
            return (low.endsWith(unit) ? low.substring(0, low.length() - 2) : low) + "-" + high;
        }

        private static String micros(long us) {
            return us >= 1000 ? (us / 1000) + "ms" : us + "us";
        }

        /** "longest 12.345 ms; 64-128us 12, 8-16ms 1" (the buckets that have pauses). */
        public String format() {
            StringBuilder sb = new StringBuilder(String.format("longest %.3f ms", maxNanos / 1e6));
            String sep = "; ";
            for (int i = 0; i < buckets.size(); i++) {
                if (buckets.get(i) == 0) continue;
                sb.append(sep).append(bucketLabel(i, buckets.size())).append(' ').append(buckets.get(i));
                sep = ", ";
            }
            return sb.toString();
        }
    }

    /** What {@link Vm#guestStats} found: figures, or the reason there are none. */
    public sealed interface Reading {
        /** Multi-line text for `kiln run --stats`. */
        String format();
    }

    /** A consistent, valid page. */
    public record Available(GuestStats stats) implements Reading {
        public String format() {
            return stats.format();
        }
    }

    /** No figures: the guest published none, kept the page busy, or wrote what the ABI does not allow. */
    public record Unavailable(String reason) implements Reading {
        public String format() {
            return "unavailable (" + reason + ")\n";
        }
    }

    public enum Kind { COUNTER, GAUGE }

    /** An application metric: a counter (never negative) or a gauge (any value). */
    public record Metric(String name, Kind kind, long value) {}

    /** The metric called {@code name}, or null. */
    public Metric metric(String name) {
        for (Metric m : metrics) {
            if (m.name.equals(name)) return m;
        }
        return null;
    }

    /** Multi-line text for `kiln run --stats`. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (hasRuntime) {
            sb.append(String.format("runtime: gc %d collections, %.3f ms paused; heap %.1f of %.1f MiB used;"
                    + " %d green threads%n", gcCollections, gcPauseNanos / 1e6, heapUsed / 1048576.0,
                    heapLimit / 1048576.0, greenThreads));
            if (gcPauses != null) sb.append("gc pauses: ").append(gcPauses.format()).append(String.format("%n"));
        }
        if (hasNet) {
            sb.append(String.format("net: tcp %d open, %d accepted, %d reset, %d segments retransmitted;"
                    + " udp %d in, %d out%n", tcpOpen, tcpAccepted, tcpReset, tcpRetransmitted, udpIn, udpOut));
        }
        if (!metrics.isEmpty()) {
            sb.append("metrics:");
            for (Metric m : metrics) {
                sb.append(' ').append(m.name).append('=').append(m.value)
                        .append(m.kind == Kind.COUNTER ? " (counter)" : " (gauge)");
            }
            sb.append(System.lineSeparator());
        }
        if (sb.isEmpty()) sb.append("nothing published yet").append(System.lineSeparator());
        return sb.toString();
    }
}
