package dev.kiln.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** What counters and gauges share: a name, a value, and in an image a slot of the stats page. */
abstract class Metric {
    final String name;
    final int kind;
    /** The stats page's table entry (an image), or -1 (HotSpot). */
    private final int slot;
    private final AtomicLong value = new AtomicLong();

    Metric(String name, int kind, int slot) {
        this.name = name;
        this.kind = kind;
        this.slot = slot;
    }

    public final String name() {
        return name;
    }

    /** The current value. */
    public final long value() {
        return value.get();
    }

    final void change(long delta) {
        publish(value.addAndGet(delta));
    }

    final void assign(long v) {
        value.set(v);
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
