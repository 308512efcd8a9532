package dev.kiln.metrics;

import dev.kiln.vmm.abi.Abi;

/** A count that only grows (requests served, bytes sent): {@link Metrics#counter}. */
public final class Counter extends Metric {
    Counter(String name, int slot) {
        super(name, Abi.METRIC_COUNTER, slot);
    }

    public void increment() {
        change(1);
    }

    /** Adds n, which must not be negative. */
    public void add(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a counter only grows; cannot add " + n);
        }
        change(n);
    }
}
