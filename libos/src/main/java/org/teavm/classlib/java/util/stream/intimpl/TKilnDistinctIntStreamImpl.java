package org.teavm.classlib.java.util.stream.intimpl;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * IntStream.distinct() remembering what it has seen across calls of next(): TeaVM's
 * TDistinctIntStreamImpl makes a new set in every next() (see TKilnDistinctStreamImpl).
 */
public class TKilnDistinctIntStreamImpl extends TDistinctIntStreamImpl {
    private final Set<Integer> visited = new HashSet<>();

    public TKilnDistinctIntStreamImpl(TSimpleIntStreamImpl innerStream) {
        super(innerStream);
    }

    @Override
    protected IntPredicate wrap(IntPredicate consumer) {
        return e -> !visited.add(e) || consumer.test(e);
    }
}
