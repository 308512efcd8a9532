package dev.kiln.engine.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric families of one scrape, gathered point by point and built into the client's
 * snapshots at the end. It keeps the exposition valid whatever it is given: a series appears
 * once (a second point with the same labels is refused), and counters are finite and never
 * negative. A refused point is reported to the caller, never thrown: one VM's odd figures cannot
 * break a scrape.
 *
 * <p>A counter and a gauge may share a name (one VM's app counts "x", another's measures "x"):
 * in the text format they never meet, the counter being exposed as x_total and no gauge name
 * ending in _total (the sanitizer drops it). The client's snapshots refuse the pair in one set
 * (rightly for OpenMetrics, where x_total belongs to the family x), so {@link #build} puts such
 * gauges in a second set, written after the first.
 */
final class Families {
    enum Type { COUNTER, GAUGE }

    private record Family(String name, Type type, String help, List<Point> points, Set<Labels> seen) {}

    private record Point(Labels labels, double value) {}

    /** Every family in the order of their first point; and by name, one map per type (no key to build per point). */
    private final List<Family> ordered = new ArrayList<>();
    private final Map<String, Family> counters = new HashMap<>(), gauges = new HashMap<>();

    /**
     * Adds a point to the family {@code name} (without _total for a counter), creating the family
     * with this type and help if it is new.
     *
     * @return false if the point was refused: the series is already there, or a counter's value
     *     is negative or not finite
     */
    boolean add(String name, Type type, String help, Labels labels, double value) {
        if (Double.isNaN(value) || (type == Type.COUNTER && (value < 0 || Double.isInfinite(value)))) return false;
        Map<String, Family> byName = type == Type.COUNTER ? counters : gauges;
        Family f = byName.get(name);
        if (f == null) {
            f = new Family(name, type, help, new ArrayList<>(), new HashSet<>());
            byName.put(name, f);
            ordered.add(f);
        }
        if (!f.seen.add(labels)) return false;
        f.points.add(new Point(labels, value));
        return true;
    }

    boolean add(String name, Type type, String help, Labels labels, long value) {
        return add(name, type, help, labels, (double) value);
    }

    /** The snapshots to write, one set after the other: a gauge named as a counter is in the second. */
    List<MetricSnapshots> build() {
        List<MetricSnapshot> first = new ArrayList<>(ordered.size());
        List<MetricSnapshot> second = new ArrayList<>();
        for (Family f : ordered) {
            boolean shadowed = f.type == Type.GAUGE && counters.containsKey(f.name);
            List<MetricSnapshot> out = shadowed ? second : first;
            if (f.type == Type.COUNTER) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(f.name).help(f.help);
                for (Point p : f.points) {
                    b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(p.labels).value(p.value).build());
                }
                out.add(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(f.name).help(f.help);
                for (Point p : f.points) {
                    b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(p.labels).value(p.value).build());
                }
                out.add(b.build());
            }
        }
        return second.isEmpty() ? List.of(new MetricSnapshots(first)) : List.of(new MetricSnapshots(first), new MetricSnapshots(second));
    }
}
