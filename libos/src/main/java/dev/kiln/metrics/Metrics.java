package dev.kiln.metrics;

import dev.kiln.vmm.abi.Abi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.interop.PlatformMarker;

/**
 * Kiln's metrics API: counters and gauges an application sets, which the monitor reads from the
 * image's stats page without an exit (docs/abi.md, "The stats page"; `kiln run --stats`, and the
 * daemon's metrics). On HotSpot, during development, the same calls keep the same figures in
 * memory ({@link #snapshot}), so an application runs unchanged in both.
 *
 * <pre>
 *   private static final Counter REQUESTS = Metrics.counter("http_requests");
 *   ...
 *   REQUESTS.increment();
 * </pre>
 *
 * Names are [A-Za-z_][A-Za-z0-9_]* of at most {@link #MAX_NAME_LENGTH} characters (Prometheus'
 * rules without the colon); asking twice for one name gives the same metric. At most
 * {@link #MAX_METRICS} metrics exist (the page's table): one more is an IllegalStateException, in
 * an image and on HotSpot alike. An update costs a few stores (no lock in an image, where the green
 * threads share one CPU; an atomic on HotSpot).
 */
public final class Metrics {
    /** The table of the stats page (abi.h KILN_STATS_METRICS_MAX). */
    public static final int MAX_METRICS = Abi.STATS_METRICS_MAX;
    /** abi.h KILN_STATS_NAME_SIZE less the terminating NUL. */
    public static final int MAX_NAME_LENGTH = Abi.STATS_NAME_SIZE - 1;

    /**
     * The metrics in creation order: a plain array searched by name, not a map (a map's code
     * would grow every image that counts anything; there are at most {@link #MAX_METRICS}).
     */
    private static final Metric[] REGISTRY = new Metric[MAX_METRICS];
    private static int count;

    private Metrics() {
    }

    /** The counter called {@code name}, created at 0 on first use. */
    public static Counter counter(String name) {
        return (Counter) get(name, Abi.METRIC_COUNTER);
    }

    /** The gauge called {@code name}, created at 0 on first use. */
    public static Gauge gauge(String name) {
        return (Gauge) get(name, Abi.METRIC_GAUGE);
    }

    /** Every metric's name and value, in the order they were created. */
    public static Map<String, Long> snapshot() {
        Metric[] all;
        synchronized (REGISTRY) {
            all = new Metric[count];
            System.arraycopy(REGISTRY, 0, all, 0, count);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Metric m : all) {
            out.put(m.name, m.value());
        }
        return out;
    }

    private static Metric get(String name, int kind) {
        checkName(name);
        synchronized (REGISTRY) {
            Metric m = null;
            for (int i = 0; i < count && m == null; i++) {
                if (REGISTRY[i].name.equals(name)) {
                    m = REGISTRY[i];
                }
            }
            if (m != null) {
                if (m.kind != kind) {
                    throw new IllegalArgumentException("metric " + name + " is a "
                            + (m.kind == Abi.METRIC_COUNTER ? "counter" : "gauge") + ", not a "
                            + (kind == Abi.METRIC_COUNTER ? "counter" : "gauge"));
                }
                return m;
            }
            if (count >= MAX_METRICS) {
                throw new IllegalStateException("too many metrics: a Kiln image holds at most " + MAX_METRICS);
            }
            int slot = inImage() ? MetricsPage.add(name, kind) : -1;
            m = kind == Abi.METRIC_COUNTER ? new Counter(name, slot) : new Gauge(name, slot);
            REGISTRY[count++] = m;
            return m;
        }
    }

    static void checkName(String name) {
        if (name == null) {
            throw new NullPointerException("metric name");
        }
        boolean ok = !name.isEmpty() && name.length() <= MAX_NAME_LENGTH;
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException("metric name \"" + name + "\" is not [A-Za-z_][A-Za-z0-9_]* of 1.."
                    + MAX_NAME_LENGTH + " characters");
        }
    }

    /**
     * True in a native image, false on HotSpot: TeaVM replaces the body of a {@code @PlatformMarker}
     * method with {@code return true}, and HotSpot ignores the annotation (its class need not even be
     * on the class path there).
     */
    @PlatformMarker
    static boolean inImage() {
        return false;
    }
}
