package dev.kiln.libos.stream;

import java.util.*;
import java.util.function.*;
import java.util.stream.*;

/**
 * A parallel Stream: the sequential stream it wraps does the work, in the calling thread (see
 * package-info for why); this class only carries the "parallel" mode through the pipeline, so
 * isParallel() is true until sequential() unwraps it. Every intermediate operation wraps its result.
 * Generated from the JDK's interface: one delegating method per method.
 */
public final class ParallelStream<T> implements Stream<T> {
    private final Stream<T> delegate;

    public ParallelStream(Stream<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isParallel() {
        return true;
    }

    @Override
    public Stream<T> parallel() {
        return this;
    }

    @Override
    public Stream<T> sequential() {
        return delegate;
    }

    @Override
    public boolean allMatch(Predicate<? super T> a0) {
        return delegate.allMatch(a0);
    }

    @Override
    public boolean anyMatch(Predicate<? super T> a0) {
        return delegate.anyMatch(a0);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public <R> R collect(Supplier<R> a0, BiConsumer<R, ? super T> a1, BiConsumer<R, R> a2) {
        return delegate.collect(a0, a1, a2);
    }

    @Override
    public <R, A> R collect(Collector<? super T, A, R> a0) {
        return delegate.collect(a0);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public Stream<T> distinct() {
        return new ParallelStream<>(delegate.distinct());
    }

    @Override
    public Stream<T> dropWhile(Predicate<? super T> a0) {
        return new ParallelStream<>(delegate.dropWhile(a0));
    }

    @Override
    public Stream<T> filter(Predicate<? super T> a0) {
        return new ParallelStream<>(delegate.filter(a0));
    }

    @Override
    public Optional<T> findAny() {
        return delegate.findAny();
    }

    @Override
    public Optional<T> findFirst() {
        return delegate.findFirst();
    }

    @Override
    public <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> a0) {
        return new ParallelStream<>(delegate.flatMap(a0));
    }

    @Override
    public DoubleStream flatMapToDouble(Function<? super T, ? extends DoubleStream> a0) {
        return new ParallelDoubleStream(delegate.flatMapToDouble(a0));
    }

    @Override
    public IntStream flatMapToInt(Function<? super T, ? extends IntStream> a0) {
        return new ParallelIntStream(delegate.flatMapToInt(a0));
    }

    @Override
    public LongStream flatMapToLong(Function<? super T, ? extends LongStream> a0) {
        return new ParallelLongStream(delegate.flatMapToLong(a0));
    }

    @Override
    public void forEach(Consumer<? super T> a0) {
        delegate.forEach(a0);
    }

    @Override
    public void forEachOrdered(Consumer<? super T> a0) {
        delegate.forEachOrdered(a0);
    }

    @Override
    public Iterator<T> iterator() {
        return delegate.iterator();
    }

    @Override
    public Stream<T> limit(long a0) {
        return new ParallelStream<>(delegate.limit(a0));
    }

    @Override
    public <R> Stream<R> map(Function<? super T, ? extends R> a0) {
        return new ParallelStream<>(delegate.map(a0));
    }

    @Override
    public <R> Stream<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> a0) {
        return new ParallelStream<>(delegate.mapMulti(a0));
    }

    @Override
    public DoubleStream mapMultiToDouble(BiConsumer<? super T, ? super DoubleConsumer> a0) {
        return new ParallelDoubleStream(delegate.mapMultiToDouble(a0));
    }

    @Override
    public IntStream mapMultiToInt(BiConsumer<? super T, ? super IntConsumer> a0) {
        return new ParallelIntStream(delegate.mapMultiToInt(a0));
    }

    @Override
    public LongStream mapMultiToLong(BiConsumer<? super T, ? super LongConsumer> a0) {
        return new ParallelLongStream(delegate.mapMultiToLong(a0));
    }

    @Override
    public DoubleStream mapToDouble(ToDoubleFunction<? super T> a0) {
        return new ParallelDoubleStream(delegate.mapToDouble(a0));
    }

    @Override
    public IntStream mapToInt(ToIntFunction<? super T> a0) {
        return new ParallelIntStream(delegate.mapToInt(a0));
    }

    @Override
    public LongStream mapToLong(ToLongFunction<? super T> a0) {
        return new ParallelLongStream(delegate.mapToLong(a0));
    }

    @Override
    public Optional<T> max(Comparator<? super T> a0) {
        return delegate.max(a0);
    }

    @Override
    public Optional<T> min(Comparator<? super T> a0) {
        return delegate.min(a0);
    }

    @Override
    public boolean noneMatch(Predicate<? super T> a0) {
        return delegate.noneMatch(a0);
    }

    @Override
    public Stream<T> onClose(Runnable a0) {
        return new ParallelStream<>(delegate.onClose(a0));
    }

    @Override
    public Stream<T> peek(Consumer<? super T> a0) {
        return new ParallelStream<>(delegate.peek(a0));
    }

    @Override
    public <U> U reduce(U a0, BiFunction<U, ? super T, U> a1, BinaryOperator<U> a2) {
        return delegate.reduce(a0, a1, a2);
    }

    @Override
    public T reduce(T a0, BinaryOperator<T> a1) {
        return delegate.reduce(a0, a1);
    }

    @Override
    public Optional<T> reduce(BinaryOperator<T> a0) {
        return delegate.reduce(a0);
    }

    @Override
    public Stream<T> skip(long a0) {
        return new ParallelStream<>(delegate.skip(a0));
    }

    @Override
    public Stream<T> sorted() {
        return new ParallelStream<>(delegate.sorted());
    }

    @Override
    public Stream<T> sorted(Comparator<? super T> a0) {
        return new ParallelStream<>(delegate.sorted(a0));
    }

    @Override
    public Spliterator<T> spliterator() {
        return delegate.spliterator();
    }

    @Override
    public Stream<T> takeWhile(Predicate<? super T> a0) {
        return new ParallelStream<>(delegate.takeWhile(a0));
    }

    @Override
    public Object[] toArray() {
        return delegate.toArray();
    }

    @Override
    public <A> A[] toArray(IntFunction<A[]> a0) {
        return delegate.toArray(a0);
    }

    @Override
    public List<T> toList() {
        return delegate.toList();
    }

    @Override
    public Stream<T> unordered() {
        return new ParallelStream<>(delegate.unordered());
    }
}
