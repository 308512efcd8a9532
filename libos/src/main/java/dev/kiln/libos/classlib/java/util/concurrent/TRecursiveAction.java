package dev.kiln.libos.classlib.java.util.concurrent;

/** A ForkJoinTask without a result. */
public abstract class TRecursiveAction extends TForkJoinTask<Void> {
    public TRecursiveAction() {
    }

    protected abstract void compute();

    @Override
    public final Void getRawResult() {
        return null;
    }

    @Override
    protected final void setRawResult(Void mustBeNull) {
    }

    @Override
    protected final boolean exec() {
        compute();
        return true;
    }
}
