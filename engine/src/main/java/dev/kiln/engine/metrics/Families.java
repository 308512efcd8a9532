package dev.kiln.engine.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric families of one scrape, gathered point by point and built into the client's
 * snapshots at the end. It keeps the exposition valid whatever it is given: a family has one
 * type (a point of another type under a taken name is refused), a series appears once (a second
 * point with the same labels is refused), and counters are finite and never negative. A refused
 * point is reported to the caller, never thrown: one VM's odd figures cannot break a scrape.
 */
final class Families {
    enum Type { COUNTER, GAUGE }

    private record Family(String name, Type type, String help, List<Point> points, Set<Labels> seen) {}

    private record Point(Labels labels, double value) {}

    private final Map<String, Family> byName = new LinkedHashMap<>();

    /**
     * Adds a point to the family {@code name} (without _total for a counter), creating the family
     * with this type and help if it is new.
     *
     * @return false if the point was refused: the name has another type, the series is already
     *     there, or a counter's value is negative or not finite
     */
    boolean add(String name, Type type, String help, Labels labels, double value) {
        if (Double.isNaN(value) || (type == Type.COUNTER && (value < 0 || Double.isInfinite(value)))) return false;
        Family f = byName.computeIfAbsent(name, n -> new Family(n, type, help, new ArrayList<>(), new HashSet<>()));
        if (f.type != type || !f.seen.add(labels)) return false;
        f.points.add(new Point(labels, value));
        return true;
    }

    boolean add(String name, Type type, String help, Labels labels, long value) {
        return add(name, type, help, labels, (double) value);
    }

    MetricSnapshots build() {
        List<MetricSnapshot> out = new ArrayList<>(byName.size());
        for (Family f : byName.values()) {
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
        return new MetricSnapshots(out);
    }
}
