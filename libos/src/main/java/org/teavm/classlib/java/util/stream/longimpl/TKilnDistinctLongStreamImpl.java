package org.teavm.classlib.java.util.stream.longimpl;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * LongStream.distinct() remembering what it has seen across calls of next(): TeaVM's
 * TDistinctLongStreamImpl makes a new set in every next() (see TKilnDistinctStreamImpl).
 */
public class TKilnDistinctLongStreamImpl extends TDistinctLongStreamImpl {
    private final Set<Long> visited = new HashSet<>();

    public TKilnDistinctLongStreamImpl(TSimpleLongStreamImpl innerStream) {
        super(innerStream);
    }

    @Override
    protected LongPredicate wrap(LongPredicate consumer) {
        return e -> !visited.add(e) || consumer.test(e);
    }
}
