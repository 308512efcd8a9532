package dev.kiln.libos.classlib.java.util.concurrent;

/** A ForkJoinTask computing a result. */
public abstract class TRecursiveTask<V> extends TForkJoinTask<V> {
    V result;

    public TRecursiveTask() {
    }

    protected abstract V compute();

    @Override
    public final V getRawResult() {
        return result;
    }

    @Override
    protected final void setRawResult(V value) {
        result = value;
    }

    @Override
    protected final boolean exec() {
        result = compute();
        return true;
    }
}
