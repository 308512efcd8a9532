package dev.kiln.rt;

import dev.kiln.libos.stream.ParallelDoubleStream;
import dev.kiln.libos.stream.ParallelIntStream;
import dev.kiln.libos.stream.ParallelLongStream;
import dev.kiln.libos.stream.ParallelStream;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Parallel streams (the builder's ParallelStreamRewrite makes TeaVM's parallel() call these;
 * ApiAdditions adds Collection.parallelStream and the concurrent collectors): why they run
 * sequentially in the caller is in dev.kiln.libos.stream's package-info.
 */
public final class KilnParallelStreams {
    private KilnParallelStreams() {
    }

    public static <T> Stream<T> parallel(Stream<T> s) {
        return s instanceof ParallelStream<T> ? s : new ParallelStream<>(s);
    }

    public static IntStream parallel(IntStream s) {
        return s instanceof ParallelIntStream ? s : new ParallelIntStream(s);
    }

    public static LongStream parallel(LongStream s) {
        return s instanceof ParallelLongStream ? s : new ParallelLongStream(s);
    }

    public static DoubleStream parallel(DoubleStream s) {
        return s instanceof ParallelDoubleStream ? s : new ParallelDoubleStream(s);
    }

    /** Collection.parallelStream(). */
    public static <E> Stream<E> parallelStream(Collection<E> c) {
        return new ParallelStream<>(c.stream());
    }

    // ---- Collectors.groupingByConcurrent and toConcurrentMap (TeaVM's Collectors has neither)

    public static <T, K> Collector<T, ?, ConcurrentMap<K, java.util.List<T>>> groupingByConcurrent(
            Function<? super T, ? extends K> classifier) {
        return groupingByConcurrent(classifier, ConcurrentHashMap::new, Collectors.toList());
    }

    public static <T, K, A, D> Collector<T, ?, ConcurrentMap<K, D>> groupingByConcurrent(
            Function<? super T, ? extends K> classifier, Collector<? super T, A, D> downstream) {
        return groupingByConcurrent(classifier, ConcurrentHashMap::new, downstream);
    }

    @SuppressWarnings("unchecked")
    public static <T, K, A, D, M extends ConcurrentMap<K, D>> Collector<T, ?, M> groupingByConcurrent(
            Function<? super T, ? extends K> classifier, Supplier<M> mapFactory,
            Collector<? super T, A, D> downstream) {
        Objects.requireNonNull(classifier);
        Objects.requireNonNull(mapFactory);
        Supplier<A> downSupplier = downstream.supplier();
        BiConsumer<A, ? super T> downAccumulator = downstream.accumulator();
        Function<A, D> finisher = downstream.finisher();
        Supplier<ConcurrentMap<K, A>> supplier = (Supplier<ConcurrentMap<K, A>>) (Supplier<?>) mapFactory;
        BiConsumer<ConcurrentMap<K, A>, T> accumulator = (m, t) -> {
            K key = Objects.requireNonNull(classifier.apply(t), "element cannot be mapped to a null key");
            A container = m.computeIfAbsent(key, k -> downSupplier.get());
            downAccumulator.accept(container, t);
        };
        BinaryOperator<ConcurrentMap<K, A>> merger = (m1, m2) -> {
            for (Map.Entry<K, A> e : m2.entrySet()) {
                m1.merge(e.getKey(), e.getValue(), downstream.combiner());
            }
            return m1;
        };
        Function<ConcurrentMap<K, A>, M> finish = m -> {
            m.replaceAll((k, v) -> (A) finisher.apply(v));
            return (M) m;
        };
        return Collector.of(supplier, accumulator, merger, finish, Collector.Characteristics.CONCURRENT,
                Collector.Characteristics.UNORDERED);
    }

    public static <T, K, U> Collector<T, ?, ConcurrentMap<K, U>> toConcurrentMap(
            Function<? super T, ? extends K> keyMapper, Function<? super T, ? extends U> valueMapper) {
        Objects.requireNonNull(keyMapper);
        Objects.requireNonNull(valueMapper);
        BiConsumer<ConcurrentMap<K, U>, T> accumulator = (m, t) -> putUnique(m, keyMapper.apply(t),
                Objects.requireNonNull(valueMapper.apply(t)));
        Supplier<ConcurrentMap<K, U>> supplier = ConcurrentHashMap::new;
        return Collector.of(supplier, accumulator, (m1, m2) -> {
            for (Map.Entry<K, U> e : m2.entrySet()) {
                putUnique(m1, e.getKey(), e.getValue());
            }
            return m1;
        }, CONCURRENT_ID);
    }

    /** The JDK's message for a key mapped twice. */
    private static <K, U> void putUnique(Map<K, U> m, K k, U v) {
        U u = m.putIfAbsent(k, v);
        if (u != null) {
            throw new IllegalStateException("Duplicate key " + k + " (attempted merging values " + u + " and " + v + ")");
        }
    }

    public static <T, K, U> Collector<T, ?, ConcurrentMap<K, U>> toConcurrentMap(
            Function<? super T, ? extends K> keyMapper, Function<? super T, ? extends U> valueMapper,
            BinaryOperator<U> mergeFunction) {
        return toConcurrentMap(keyMapper, valueMapper, mergeFunction, ConcurrentHashMap::new);
    }

    @SuppressWarnings("unchecked")
    public static <T, K, U, M extends ConcurrentMap<K, U>> Collector<T, ?, M> toConcurrentMap(
            Function<? super T, ? extends K> keyMapper, Function<? super T, ? extends U> valueMapper,
            BinaryOperator<U> mergeFunction, Supplier<M> mapFactory) {
        Objects.requireNonNull(keyMapper);
        Objects.requireNonNull(valueMapper);
        Objects.requireNonNull(mergeFunction);
        Objects.requireNonNull(mapFactory);
        BiConsumer<M, T> accumulator = (m, t) -> m.merge(keyMapper.apply(t), valueMapper.apply(t), mergeFunction);
        return Collector.of(mapFactory, accumulator, (m1, m2) -> {
            for (Map.Entry<K, U> e : m2.entrySet()) {
                m1.merge(e.getKey(), e.getValue(), mergeFunction);
            }
            return m1;
        }, CONCURRENT_ID);
    }

    private static final Collector.Characteristics[] CONCURRENT_ID = {Collector.Characteristics.CONCURRENT,
            Collector.Characteristics.UNORDERED, Collector.Characteristics.IDENTITY_FINISH};
}
