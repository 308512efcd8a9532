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
 */
public record GuestStats(boolean hasRuntime, long gcCollections, long gcPauseNanos, long heapUsed, long heapLimit,
                         long greenThreads, boolean hasNet, long tcpOpen, long tcpAccepted, long tcpReset,
                         long tcpRetransmitted, long udpIn, long udpOut, List<Metric> metrics) {
    public GuestStats {
        metrics = List.copyOf(metrics);
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
