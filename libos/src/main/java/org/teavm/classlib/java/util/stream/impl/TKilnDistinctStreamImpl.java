package org.teavm.classlib.java.util.stream.impl;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Stream.distinct() remembering what it has seen across calls of next(). TeaVM's
 * TDistinctStreamImpl makes a new set in every wrap(), that is every next() of a pulling consumer
 * (skip, limit, iterator, findFirst...): {@code Stream.of(3, 1, 3, 2).distinct().skip(1)} let the
 * second 3 through. The builder's StreamDistinctRewrite makes TeaVM's distinct() construct this.
 *
 * <p>In TeaVM's class-library package, named as its classes are (T + name), so that TeaVM reads it
 * as java.util.stream.impl.KilnDistinctStreamImpl (as TKilnHashMapOrder).
 */
public class TKilnDistinctStreamImpl<T> extends TDistinctStreamImpl<T> {
    private final Set<T> visited = new HashSet<>();

    public TKilnDistinctStreamImpl(TSimpleStreamImpl<T> innerStream) {
        super(innerStream);
    }

    @Override
    protected Predicate<T> wrap(Predicate<? super T> consumer) {
        return e -> !visited.add(e) || consumer.test(e);
    }
}
