package dev.kiln.vmm;

import dev.kiln.vmm.abi.Abi;
import dev.kiln.vmm.memory.GuestRange;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The monitor's reader of a guest's stats page (docs/abi.md, "The stats page"). The guest can
 * write any bytes there at any time, so a read copies the whole page between two reads of its
 * sequence counter (a sequence lock: odd while the guest writes), retries a bounded number of
 * times, and then parses only the copy (no value is read twice), checking every field. A bad
 * page yields {@link GuestStats.Unavailable} with the reason: it changes only this VM's figures.
 * No exit and no lock: the guest is never slowed down by a reader, and a reader never waits for
 * the guest beyond {@link #ATTEMPTS} copies.
 */
final class GuestStatsPage {
    /** Copies tried before the page is called inconsistent (the guest was writing during every one). */
    static final int ATTEMPTS = 16;

    private final GuestRange page;

    GuestStatsPage(GuestRange page) {
        if (page.length() != Abi.STATS_SIZE) throw new IllegalArgumentException("stats page of " + page.length() + " bytes");
        this.page = page;
    }

    /** A consistent copy, parsed and checked; any thread. */
    GuestStats.Reading read() {
        byte[] copy = new byte[(int) Abi.STATS_SIZE];
        for (int i = 0; i < ATTEMPTS; i++) {
            long before = page.getLong(Abi.STATS_SEQ);
            VarHandle.acquireFence(); // the copy is not read ahead of the first sequence read...
            page.copyTo(0, copy, 0, copy.length);
            VarHandle.acquireFence(); // ...nor behind the second
            long after = page.getLong(Abi.STATS_SEQ);
            if (before == after && (before & 1) == 0) return parse(copy);
            Thread.onSpinWait();
        }
        return new GuestStats.Unavailable("inconsistent: the guest was writing its stats page during each of "
                + ATTEMPTS + " reads");
    }

    /** Checks and parses a copy of the page (KILN_STATS_SIZE bytes). */
    static GuestStats.Reading parse(byte[] copy) {
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(Abi.STATS_MAGIC_FIELD);
        if (magic == 0) return new GuestStats.Unavailable("the guest has published no statistics");
        if (magic != Abi.STATS_MAGIC) return invalid(String.format("magic is 0x%08x, not 0x%08x", magic, Abi.STATS_MAGIC));
        int present = b.getInt(Abi.STATS_PRESENT);
        if ((present & ~(Abi.STATS_HAS_RUNTIME | Abi.STATS_HAS_NET | Abi.STATS_HAS_GC_PAUSES)) != 0) {
            return invalid(String.format("unknown bits in present: 0x%08x", present));
        }
        long count = Integer.toUnsignedLong(b.getInt(Abi.STATS_METRIC_COUNT));
        if (count > Abi.STATS_METRICS_MAX) {
            return invalid("metric_count is " + count + "; the table holds " + Abi.STATS_METRICS_MAX);
        }
        String[] names = {"gc_collections", "gc_pause_ns", "heap_used", "heap_limit", "green_threads", "tcp_open",
                "tcp_accepted", "tcp_reset", "tcp_retransmitted", "udp_in", "udp_out"};
        long[] v = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            v[i] = b.getLong(Abi.STATS_GC_COLLECTIONS + 8 * i);
            if (v[i] < 0) return invalid(names[i] + " is " + Long.toUnsignedString(v[i]) + ", above 2^63-1");
        }
        boolean runtime = (present & Abi.STATS_HAS_RUNTIME) != 0, net = (present & Abi.STATS_HAS_NET) != 0;
        if (runtime && v[3] != 0 && v[2] > v[3]) return invalid("heap_used " + v[2] + " exceeds heap_limit " + v[3]);
        List<GuestStats.Metric> metrics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int at = Abi.STATS_METRICS_OFFSET + i * Abi.STATS_METRIC_SIZE;
            String name = name(copy, at + Abi.METRIC_NAME);
            if (name == null) return invalid("metric " + i + " has no valid name ([A-Za-z_][A-Za-z0-9_]*, 1.."
                    + (Abi.STATS_NAME_SIZE - 1) + " bytes, NUL-padded)");
            if (!seen.add(name)) return invalid("metric name " + name + " appears twice");
            int kind = b.getInt(at + Abi.METRIC_KIND);
            long value = b.getLong(at + Abi.METRIC_VALUE);
            GuestStats.Kind k;
            if (kind == Abi.METRIC_COUNTER) {
                if (value < 0) return invalid("counter " + name + " is negative");
                k = GuestStats.Kind.COUNTER;
            } else if (kind == Abi.METRIC_GAUGE) {
                k = GuestStats.Kind.GAUGE;
            } else {
                return invalid("metric " + name + " has kind " + Integer.toUnsignedString(kind));
            }
            metrics.add(new GuestStats.Metric(name, k, value));
        }
        GuestStats.GcPauses pauses = null;
        if ((present & Abi.STATS_HAS_GC_PAUSES) != 0) {
            long max = b.getLong(Abi.STATS_GC_PAUSE_MAX_NS);
            if (max < 0) return invalid("gc_pause_max_ns is " + Long.toUnsignedString(max) + ", above 2^63-1");
            List<Long> buckets = new ArrayList<>(Abi.STATS_GC_BUCKETS);
            for (int i = 0; i < Abi.STATS_GC_BUCKETS; i++) {
                buckets.add(Integer.toUnsignedLong(b.getInt(Abi.STATS_GC_PAUSE_BUCKETS + 4 * i)));
            }
            pauses = new GuestStats.GcPauses(max, buckets);
        }
        return new GuestStats.Available(new GuestStats(runtime, runtime ? v[0] : 0, runtime ? v[1] : 0,
                runtime ? v[2] : 0, runtime ? v[3] : 0, runtime ? v[4] : 0, net, net ? v[5] : 0, net ? v[6] : 0,
                net ? v[7] : 0, net ? v[8] : 0, net ? v[9] : 0, net ? v[10] : 0, metrics, pauses));
    }

    /** The NUL-padded name at {@code at}, or null if it breaks the rules. */
    private static String name(byte[] copy, int at) {
        int len = 0;
        while (len < Abi.STATS_NAME_SIZE && copy[at + len] != 0) len++;
        if (len == 0 || len == Abi.STATS_NAME_SIZE) return null;
        for (int i = len; i < Abi.STATS_NAME_SIZE; i++) {
            if (copy[at + i] != 0) return null;
        }
        for (int i = 0; i < len; i++) {
            byte c = copy[at + i];
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) return null;
        }
        return new String(copy, at, len, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static GuestStats.Unavailable invalid(String why) {
        return new GuestStats.Unavailable("invalid stats page: " + why);
    }
}
