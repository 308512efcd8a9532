package dev.kiln.libos.classlib.java.util.concurrent;

import java.util.concurrent.TimeUnit;

public interface TDelayed extends Comparable<java.util.concurrent.Delayed> {
    long getDelay(TimeUnit unit);
}
