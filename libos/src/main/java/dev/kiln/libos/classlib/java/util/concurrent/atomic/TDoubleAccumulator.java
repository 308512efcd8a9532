package dev.kiln.libos.classlib.java.util.concurrent.atomic;

import java.util.function.DoubleBinaryOperator;

public class TDoubleAccumulator extends Number implements java.io.Serializable {
    private final DoubleBinaryOperator function;
    private final double identity;
    private double value;

    public TDoubleAccumulator(DoubleBinaryOperator accumulatorFunction, double identity) {
        this.function = accumulatorFunction;
        this.identity = identity;
        this.value = identity;
    }

    public void accumulate(double x) {
        value = function.applyAsDouble(value, x);
    }

    public double get() {
        return value;
    }

    public void reset() {
        value = identity;
    }

    public double getThenReset() {
        double v = value;
        value = identity;
        return v;
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public long longValue() {
        return (long) value;
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public float floatValue() {
        return (float) value;
    }
}
