package dev.kiln.metrics;

import dev.kiln.vmm.abi.Abi;

/** A level that goes up and down (connections open, queue depth): {@link Metrics#gauge}. */
public final class Gauge extends Metric {
    Gauge(String name, int slot) {
        super(name, Abi.METRIC_GAUGE, slot);
    }

    public void set(long v) {
        assign(v);
    }

    public void increment() {
        change(1);
    }

    public void decrement() {
        change(-1);
    }

    public void add(long delta) {
        change(delta);
    }
}
