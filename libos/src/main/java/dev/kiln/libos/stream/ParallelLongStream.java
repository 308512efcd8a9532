package dev.kiln.libos.stream;

import java.util.*;
import java.util.function.*;
import java.util.stream.*;

/**
 * A parallel LongStream: the sequential stream it wraps does the work, in the calling thread (see
 * package-info for why); this class only carries the "parallel" mode through the pipeline, so
 * isParallel() is true until sequential() unwraps it. Every intermediate operation wraps its result.
 * Generated from the JDK's interface: one delegating method per method.
 */
public final class ParallelLongStream implements LongStream {
    private final LongStream delegate;

    public ParallelLongStream(LongStream delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isParallel() {
        return true;
    }

    @Override
    public LongStream parallel() {
        return this;
    }

    @Override
    public LongStream sequential() {
        return delegate;
    }

    @Override
    public boolean allMatch(LongPredicate a0) {
        return delegate.allMatch(a0);
    }

    @Override
    public boolean anyMatch(LongPredicate a0) {
        return delegate.anyMatch(a0);
    }

    @Override
    public DoubleStream asDoubleStream() {
        return new ParallelDoubleStream(delegate.asDoubleStream());
    }

    @Override
    public OptionalDouble average() {
        return delegate.average();
    }

    @Override
    public Stream<Long> boxed() {
        return new ParallelStream<>(delegate.boxed());
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public <R> R collect(Supplier<R> a0, ObjLongConsumer<R> a1, BiConsumer<R, R> a2) {
        return delegate.collect(a0, a1, a2);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public LongStream distinct() {
        return new ParallelLongStream(delegate.distinct());
    }

    @Override
    public LongStream dropWhile(LongPredicate a0) {
        return new ParallelLongStream(delegate.dropWhile(a0));
    }

    @Override
    public LongStream filter(LongPredicate a0) {
        return new ParallelLongStream(delegate.filter(a0));
    }

    @Override
    public OptionalLong findAny() {
        return delegate.findAny();
    }

    @Override
    public OptionalLong findFirst() {
        return delegate.findFirst();
    }

    @Override
    public LongStream flatMap(LongFunction<? extends LongStream> a0) {
        return new ParallelLongStream(delegate.flatMap(a0));
    }

    @Override
    public void forEach(LongConsumer a0) {
        delegate.forEach(a0);
    }

    @Override
    public void forEachOrdered(LongConsumer a0) {
        delegate.forEachOrdered(a0);
    }

    @Override
    public PrimitiveIterator.OfLong iterator() {
        return delegate.iterator();
    }

    @Override
    public LongStream limit(long a0) {
        return new ParallelLongStream(delegate.limit(a0));
    }

    @Override
    public LongStream map(LongUnaryOperator a0) {
        return new ParallelLongStream(delegate.map(a0));
    }

    @Override
    public LongStream mapMulti(LongStream.LongMapMultiConsumer a0) {
        return new ParallelLongStream(delegate.mapMulti(a0));
    }

    @Override
    public DoubleStream mapToDouble(LongToDoubleFunction a0) {
        return new ParallelDoubleStream(delegate.mapToDouble(a0));
    }

    @Override
    public IntStream mapToInt(LongToIntFunction a0) {
        return new ParallelIntStream(delegate.mapToInt(a0));
    }

    @Override
    public <U> Stream<U> mapToObj(LongFunction<? extends U> a0) {
        return new ParallelStream<>(delegate.mapToObj(a0));
    }

    @Override
    public OptionalLong max() {
        return delegate.max();
    }

    @Override
    public OptionalLong min() {
        return delegate.min();
    }

    @Override
    public boolean noneMatch(LongPredicate a0) {
        return delegate.noneMatch(a0);
    }

    @Override
    public LongStream onClose(Runnable a0) {
        return new ParallelLongStream(delegate.onClose(a0));
    }

    @Override
    public LongStream peek(LongConsumer a0) {
        return new ParallelLongStream(delegate.peek(a0));
    }

    @Override
    public OptionalLong reduce(LongBinaryOperator a0) {
        return delegate.reduce(a0);
    }

    @Override
    public long reduce(long a0, LongBinaryOperator a1) {
        return delegate.reduce(a0, a1);
    }

    @Override
    public LongStream skip(long a0) {
        return new ParallelLongStream(delegate.skip(a0));
    }

    @Override
    public LongStream sorted() {
        return new ParallelLongStream(delegate.sorted());
    }

    @Override
    public Spliterator.OfLong spliterator() {
        return delegate.spliterator();
    }

    @Override
    public long sum() {
        return delegate.sum();
    }

    @Override
    public LongSummaryStatistics summaryStatistics() {
        return delegate.summaryStatistics();
    }

    @Override
    public LongStream takeWhile(LongPredicate a0) {
        return new ParallelLongStream(delegate.takeWhile(a0));
    }

    @Override
    public long[] toArray() {
        return delegate.toArray();
    }

    @Override
    public LongStream unordered() {
        return new ParallelLongStream(delegate.unordered());
    }
}
