package dev.kiln.rt;

import java.util.Comparator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * TreeSet.subSet(from, fromInclusive, to, toInclusive): TeaVM's ignores both flags (it always takes
 * [from, to)). The builder's ApiAdditions gives TeaVM's TreeSet this body: the same view made of
 * the tail and head views, whose flags TeaVM honours. Conformance: LibCollectionWrappers.
 */
public final class KilnTreeSets {
    private KilnTreeSets() {
    }

    @SuppressWarnings("unchecked")
    public static <E> NavigableSet<E> subSet(TreeSet<E> set, E from, boolean fromInclusive, E to, boolean toInclusive) {
        Comparator<? super E> order = set.comparator();
        int c = order != null ? order.compare(from, to) : ((Comparable<? super E>) from).compareTo(to);
        if (c > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return set.tailSet(from, fromInclusive).headSet(to, toInclusive);
    }
}
