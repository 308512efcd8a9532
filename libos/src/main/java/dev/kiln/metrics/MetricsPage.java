package dev.kiln.metrics;

import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * The stats page's metric table in a native image (guest/include/kiln/stats.h): only called when
 * {@link Metrics#inImage()}, so HotSpot never loads this class (nor TeaVM's interop classes).
 */
final class MetricsPage {
    private MetricsPage() {
    }

    /**
     * The table slot for a new metric (the name was checked), or -1 when the image runs with
     * KILN_STATS=off: the metric then lives in memory only, as on HotSpot.
     */
    static int add(String name, int kind) {
        if (statsEnabled() == 0) {
            return -1;
        }
        byte[] bytes = new byte[name.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) name.charAt(i);
        }
        int slot = addMetric(Address.ofData(bytes), bytes.length, kind);
        if (slot < 0) {
            throw new IllegalStateException("the stats page refused metric " + name);
        }
        return slot;
    }

    static void set(int slot, long value) {
        setMetric(slot, value);
    }

    @Import(name = "kiln_stats_enabled")
    private static native int statsEnabled();

    @Import(name = "kiln_stats_metric_add")
    private static native int addMetric(Address name, int len, int kind);

    @Import(name = "kiln_stats_metric_set")
    private static native void setMetric(int slot, long value);
}
