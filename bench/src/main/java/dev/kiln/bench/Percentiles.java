package dev.kiln.bench;

import java.util.Arrays;

/** Order statistics of a sample (nearest-rank), for latencies measured in nanoseconds. */
public record Percentiles(long[] sortedNanos) {
    public static Percentiles of(long[] nanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no samples");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    /** Nearest-rank percentile: the smallest sample with at least p % of samples at or below it. */
    public long nanos(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))];
    }

    public double medianMicros() {
        return nanos(50) / 1e3;
    }

    public double p99Micros() {
        return nanos(99) / 1e3;
    }

    public double medianMillis() {
        return nanos(50) / 1e6;
    }

    public int count() {
        return sortedNanos.length;
    }
}
