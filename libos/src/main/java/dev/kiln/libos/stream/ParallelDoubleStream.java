package dev.kiln.libos.stream;

import java.util.*;
import java.util.function.*;
import java.util.stream.*;

/**
 * A parallel DoubleStream: the sequential stream it wraps does the work, in the calling thread (see
 * package-info for why); this class only carries the "parallel" mode through the pipeline, so
 * isParallel() is true until sequential() unwraps it. Every intermediate operation wraps its result.
 * Generated from the JDK's interface: one delegating method per method.
 */
public final class ParallelDoubleStream implements DoubleStream {
    private final DoubleStream delegate;

    public ParallelDoubleStream(DoubleStream delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isParallel() {
        return true;
    }

    @Override
    public DoubleStream parallel() {
        return this;
    }

    @Override
    public DoubleStream sequential() {
        return delegate;
    }

    @Override
    public boolean allMatch(DoublePredicate a0) {
        return delegate.allMatch(a0);
    }

    @Override
    public boolean anyMatch(DoublePredicate a0) {
        return delegate.anyMatch(a0);
    }

    @Override
    public OptionalDouble average() {
        return delegate.average();
    }

    @Override
    public Stream<Double> boxed() {
        return new ParallelStream<>(delegate.boxed());
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public <R> R collect(Supplier<R> a0, ObjDoubleConsumer<R> a1, BiConsumer<R, R> a2) {
        return delegate.collect(a0, a1, a2);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public DoubleStream distinct() {
        return new ParallelDoubleStream(delegate.distinct());
    }

    @Override
    public DoubleStream dropWhile(DoublePredicate a0) {
        return new ParallelDoubleStream(delegate.dropWhile(a0));
    }

    @Override
    public DoubleStream filter(DoublePredicate a0) {
        return new ParallelDoubleStream(delegate.filter(a0));
    }

    @Override
    public OptionalDouble findAny() {
        return delegate.findAny();
    }

    @Override
    public OptionalDouble findFirst() {
        return delegate.findFirst();
    }

    @Override
    public DoubleStream flatMap(DoubleFunction<? extends DoubleStream> a0) {
        return new ParallelDoubleStream(delegate.flatMap(a0));
    }

    @Override
    public void forEach(DoubleConsumer a0) {
        delegate.forEach(a0);
    }

    @Override
    public void forEachOrdered(DoubleConsumer a0) {
        delegate.forEachOrdered(a0);
    }

    @Override
    public PrimitiveIterator.OfDouble iterator() {
        return delegate.iterator();
    }

    @Override
    public DoubleStream limit(long a0) {
        return new ParallelDoubleStream(delegate.limit(a0));
    }

    @Override
    public DoubleStream map(DoubleUnaryOperator a0) {
        return new ParallelDoubleStream(delegate.map(a0));
    }

    @Override
    public DoubleStream mapMulti(DoubleStream.DoubleMapMultiConsumer a0) {
        return new ParallelDoubleStream(delegate.mapMulti(a0));
    }

    @Override
    public IntStream mapToInt(DoubleToIntFunction a0) {
        return new ParallelIntStream(delegate.mapToInt(a0));
    }

    @Override
    public LongStream mapToLong(DoubleToLongFunction a0) {
        return new ParallelLongStream(delegate.mapToLong(a0));
    }

    @Override
    public <U> Stream<U> mapToObj(DoubleFunction<? extends U> a0) {
        return new ParallelStream<>(delegate.mapToObj(a0));
    }

    @Override
    public OptionalDouble max() {
        return delegate.max();
    }

    @Override
    public OptionalDouble min() {
        return delegate.min();
    }

    @Override
    public boolean noneMatch(DoublePredicate a0) {
        return delegate.noneMatch(a0);
    }

    @Override
    public DoubleStream onClose(Runnable a0) {
        return new ParallelDoubleStream(delegate.onClose(a0));
    }

    @Override
    public DoubleStream peek(DoubleConsumer a0) {
        return new ParallelDoubleStream(delegate.peek(a0));
    }

    @Override
    public double reduce(double a0, DoubleBinaryOperator a1) {
        return delegate.reduce(a0, a1);
    }

    @Override
    public OptionalDouble reduce(DoubleBinaryOperator a0) {
        return delegate.reduce(a0);
    }

    @Override
    public DoubleStream skip(long a0) {
        return new ParallelDoubleStream(delegate.skip(a0));
    }

    @Override
    public DoubleStream sorted() {
        return new ParallelDoubleStream(delegate.sorted());
    }

    @Override
    public Spliterator.OfDouble spliterator() {
        return delegate.spliterator();
    }

    @Override
    public double sum() {
        return delegate.sum();
    }

    @Override
    public DoubleSummaryStatistics summaryStatistics() {
        return delegate.summaryStatistics();
    }

    @Override
    public DoubleStream takeWhile(DoublePredicate a0) {
        return new ParallelDoubleStream(delegate.takeWhile(a0));
    }

    @Override
    public double[] toArray() {
        return delegate.toArray();
    }

    @Override
    public DoubleStream unordered() {
        return new ParallelDoubleStream(delegate.unordered());
    }
}
