package dev.kiln.libos.classlib.java.util.concurrent;

import java.util.NavigableSet;
import java.util.concurrent.ConcurrentMap;

public interface TConcurrentNavigableMap<K, V> extends ConcurrentMap<K, V>, java.util.NavigableMap<K, V> {
    @Override
    TConcurrentNavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive);

    @Override
    TConcurrentNavigableMap<K, V> headMap(K toKey, boolean inclusive);

    @Override
    TConcurrentNavigableMap<K, V> tailMap(K fromKey, boolean inclusive);

    @Override
    TConcurrentNavigableMap<K, V> subMap(K fromKey, K toKey);

    @Override
    TConcurrentNavigableMap<K, V> headMap(K toKey);

    @Override
    TConcurrentNavigableMap<K, V> tailMap(K fromKey);

    @Override
    TConcurrentNavigableMap<K, V> descendingMap();

    @Override
    NavigableSet<K> navigableKeySet();

    @Override
    NavigableSet<K> keySet();

    @Override
    NavigableSet<K> descendingKeySet();
}
