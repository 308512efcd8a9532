package dev.kiln.libos.classlib.java.util.concurrent.atomic;

public class TDoubleAdder extends Number implements java.io.Serializable {
    private double value;

    public TDoubleAdder() {
    }

    public void add(double x) {
        value += x;
    }

    public double sum() {
        return value;
    }

    public void reset() {
        value = 0.0;
    }

    public double sumThenReset() {
        double v = value;
        value = 0.0;
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
