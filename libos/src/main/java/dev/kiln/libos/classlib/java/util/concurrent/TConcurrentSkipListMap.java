package dev.kiln.libos.classlib.java.util.concurrent;

import dev.kiln.libos.concurrent.SnapshotIterator;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A sorted concurrent map: a TreeMap (or a view of one, for sub-maps) without null keys or
 * values, whose entries are immutable snapshots and whose iterators are weakly consistent
 * (they walk a copy), so the map may change while it is iterated, as a skip list allows.
 */
public class TConcurrentSkipListMap<K, V> extends AbstractMap<K, V>
        implements ConcurrentNavigableMap<K, V>, Cloneable, java.io.Serializable {
    private final NavigableMap<K, V> m;

    public TConcurrentSkipListMap() {
        m = new TreeMap<>();
    }

    public TConcurrentSkipListMap(Comparator<? super K> comparator) {
        m = new TreeMap<>(comparator);
    }

    public TConcurrentSkipListMap(Map<? extends K, ? extends V> map) {
        m = new TreeMap<>();
        putAll(map);
    }

    public TConcurrentSkipListMap(SortedMap<K, ? extends V> map) {
        m = new TreeMap<>(map.comparator());
        putAll(map);
    }

    private TConcurrentSkipListMap(NavigableMap<K, V> view, boolean isView) {
        m = view;
    }

    private static <T> T nonNull(T o) {
        if (o == null) {
            throw new NullPointerException();
        }
        return o;
    }

    private static <K, V> Map.Entry<K, V> snapshot(Map.Entry<K, V> e) {
        return e == null ? null : new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue());
    }

    @Override
    public TConcurrentSkipListMap<K, V> clone() {
        TConcurrentSkipListMap<K, V> copy = new TConcurrentSkipListMap<>(m.comparator());
        copy.putAll(m);
        return copy;
    }

    @Override
    public int size() {
        return m.size();
    }

    @Override
    public boolean isEmpty() {
        return m.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return m.containsKey(nonNull(key));
    }

    @Override
    public boolean containsValue(Object value) {
        return m.containsValue(nonNull(value));
    }

    @Override
    public V get(Object key) {
        return m.get(nonNull(key));
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V v = get(key);
        return v == null ? defaultValue : v;
    }

    @Override
    public V put(K key, V value) {
        return m.put(nonNull(key), nonNull(value));
    }

    @Override
    public V remove(Object key) {
        return m.remove(nonNull(key));
    }

    @Override
    public void clear() {
        m.clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V old = get(key);
        return old != null ? old : m.put(key, nonNull(value));
    }

    @Override
    public boolean remove(Object key, Object value) {
        nonNull(key);
        if (value != null && value.equals(m.get(key))) {
            m.remove(key);
            return true;
        }
        return false;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        nonNull(oldValue);
        nonNull(newValue);
        if (oldValue.equals(get(key))) {
            m.put(key, newValue);
            return true;
        }
        return false;
    }

    @Override
    public V replace(K key, V value) {
        nonNull(value);
        return containsKey(key) ? m.put(key, value) : null;
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        nonNull(mappingFunction);
        V v = get(key);
        if (v == null) {
            v = mappingFunction.apply(key);
            if (v != null) {
                m.put(key, v);
            }
        }
        return v;
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        nonNull(remappingFunction);
        V v = get(key);
        if (v == null) {
            return null;
        }
        V next = remappingFunction.apply(key, v);
        if (next == null) {
            m.remove(key);
        } else {
            m.put(key, next);
        }
        return next;
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        nonNull(remappingFunction);
        V next = remappingFunction.apply(key, get(key));
        if (next == null) {
            m.remove(key);
        } else {
            m.put(key, next);
        }
        return next;
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        nonNull(value);
        nonNull(remappingFunction);
        V old = get(key);
        V next = old == null ? value : remappingFunction.apply(old, value);
        if (next == null) {
            m.remove(key);
        } else {
            m.put(key, next);
        }
        return next;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        nonNull(action);
        for (Map.Entry<K, V> e : entrySet()) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        nonNull(function);
        for (Map.Entry<K, V> e : entrySet()) {
            m.put(e.getKey(), nonNull(function.apply(e.getKey(), e.getValue())));
        }
    }

    @Override
    public Comparator<? super K> comparator() {
        return m.comparator();
    }

    @Override
    public K firstKey() {
        return m.firstKey();
    }

    @Override
    public K lastKey() {
        return m.lastKey();
    }

    @Override
    public Map.Entry<K, V> lowerEntry(K key) {
        return snapshot(m.lowerEntry(nonNull(key)));
    }

    @Override
    public K lowerKey(K key) {
        return m.lowerKey(nonNull(key));
    }

    @Override
    public Map.Entry<K, V> floorEntry(K key) {
        return snapshot(m.floorEntry(nonNull(key)));
    }

    @Override
    public K floorKey(K key) {
        return m.floorKey(nonNull(key));
    }

    @Override
    public Map.Entry<K, V> ceilingEntry(K key) {
        return snapshot(m.ceilingEntry(nonNull(key)));
    }

    @Override
    public K ceilingKey(K key) {
        return m.ceilingKey(nonNull(key));
    }

    @Override
    public Map.Entry<K, V> higherEntry(K key) {
        return snapshot(m.higherEntry(nonNull(key)));
    }

    @Override
    public K higherKey(K key) {
        return m.higherKey(nonNull(key));
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return snapshot(m.firstEntry());
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return snapshot(m.lastEntry());
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return snapshot(m.pollFirstEntry());
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return snapshot(m.pollLastEntry());
    }

    @Override
    public TConcurrentSkipListMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        return new TConcurrentSkipListMap<>(m.subMap(nonNull(fromKey), fromInclusive, nonNull(toKey), toInclusive),
                true);
    }

    @Override
    public TConcurrentSkipListMap<K, V> headMap(K toKey, boolean inclusive) {
        return new TConcurrentSkipListMap<>(m.headMap(nonNull(toKey), inclusive), true);
    }

    @Override
    public TConcurrentSkipListMap<K, V> tailMap(K fromKey, boolean inclusive) {
        return new TConcurrentSkipListMap<>(m.tailMap(nonNull(fromKey), inclusive), true);
    }

    @Override
    public TConcurrentSkipListMap<K, V> subMap(K fromKey, K toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public TConcurrentSkipListMap<K, V> headMap(K toKey) {
        return headMap(toKey, false);
    }

    @Override
    public TConcurrentSkipListMap<K, V> tailMap(K fromKey) {
        return tailMap(fromKey, true);
    }

    @Override
    public TConcurrentSkipListMap<K, V> descendingMap() {
        return new TConcurrentSkipListMap<>(m.descendingMap(), true);
    }

    @Override
    public NavigableSet<K> navigableKeySet() {
        return new TConcurrentSkipListSet<>(m.navigableKeySet(), true);
    }

    @Override
    public NavigableSet<K> keySet() {
        return navigableKeySet();
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return new TConcurrentSkipListSet<>(m.descendingKeySet(), true);
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<V>() {
            @Override
            public Iterator<V> iterator() {
                Iterator<Map.Entry<K, V>> entries = entrySet().iterator();
                return new Iterator<V>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public V next() {
                        return entries.next().getValue();
                    }

                    @Override
                    public void remove() {
                        entries.remove();
                    }
                };
            }

            @Override
            public int size() {
                return m.size();
            }

            @Override
            public boolean contains(Object o) {
                return o != null && m.containsValue(o);
            }

            @Override
            public void clear() {
                m.clear();
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                ArrayList<Map.Entry<K, V>> copy = new ArrayList<>(m.size());
                for (Map.Entry<K, V> e : m.entrySet()) {
                    copy.add(snapshot(e));
                }
                Iterator<Map.Entry<K, V>> it = copy.iterator();
                return new Iterator<Map.Entry<K, V>>() {
                    private Map.Entry<K, V> last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map.Entry<K, V> next() {
                        last = it.next();
                        return last;
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        m.remove(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return m.size();
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e) || e.getKey() == null) {
                    return false;
                }
                Object v = m.get(e.getKey());
                return v != null && v.equals(e.getValue());
            }

            @Override
            public boolean remove(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e) || e.getKey() == null || e.getValue() == null) {
                    return false;
                }
                return TConcurrentSkipListMap.this.remove(e.getKey(), e.getValue());
            }

            @Override
            public void clear() {
                m.clear();
            }
        };
    }

    @Override
    public V putFirst(K k, V v) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V putLast(K k, V v) {
        throw new UnsupportedOperationException();
    }
}
