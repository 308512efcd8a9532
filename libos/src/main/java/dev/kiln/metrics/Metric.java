package dev.kiln.metrics;

/** What counters and gauges share: a name, a value, and in an image a slot of the stats page. */
abstract class Metric {
    final String name;
    final int kind;
    /** The stats page's table entry (an image), or -1 (HotSpot). */
    private final int slot;
    /** Guarded by this: an uncontended monitor costs an image next to nothing, and HotSpot's threads need it. */
    private long value;

    Metric(String name, int kind, int slot) {
        this.name = name;
        this.kind = kind;
        this.slot = slot;
    }

    public final String name() {
        return name;
    }

    /** The current value. */
    public final synchronized long value() {
        return value;
    }

    final synchronized void change(long delta) {
        value += delta;
        publish(value);
    }

    final synchronized void assign(long v) {
        value = v;
        publish(v);
    }

    private void publish(long v) {
        if (slot >= 0) {
            MetricsPage.set(slot, v);
        }
    }

    @Override
    public String toString() {
        return name + "=" + value();
    }
}
