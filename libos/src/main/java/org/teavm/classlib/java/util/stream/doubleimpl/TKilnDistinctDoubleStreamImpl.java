package org.teavm.classlib.java.util.stream.doubleimpl;

import java.util.HashSet;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * DoubleStream.distinct() remembering what it has seen across calls of next(): TeaVM's
 * TDistinctDoubleStreamImpl makes a new set in every next() (see TKilnDistinctStreamImpl).
 */
public class TKilnDistinctDoubleStreamImpl extends TDistinctDoubleStreamImpl {
    private final Set<Double> visited = new HashSet<>();

    public TKilnDistinctDoubleStreamImpl(TSimpleDoubleStreamImpl innerStream) {
        super(innerStream);
    }

    @Override
    protected DoublePredicate wrap(DoublePredicate consumer) {
        return e -> !visited.add(e) || consumer.test(e);
    }
}
