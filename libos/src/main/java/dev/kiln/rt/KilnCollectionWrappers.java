package dev.kiln.rt;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Collections methods TeaVM's library lacks (the builder's ApiAdditions adds them to
 * java.util.Collections with these bodies): the unmodifiable and empty sorted and navigable views
 * and asLifoQueue. As the JDK's: every view of a view (sub sets and maps, descending ones, key
 * sets, entries) is unmodifiable too, a mutator throws UnsupportedOperationException whether or
 * not it would change anything, and equals, hashCode and toString are the backing collection's.
 */
public final class KilnCollectionWrappers {
    private KilnCollectionWrappers() {
    }

    public static <T> SortedSet<T> unmodifiableSortedSet(SortedSet<T> s) {
        return new UnmodifiableSortedSet<>(Objects.requireNonNull(s));
    }

    public static <T> NavigableSet<T> unmodifiableNavigableSet(NavigableSet<T> s) {
        return new UnmodifiableNavigableSet<>(Objects.requireNonNull(s));
    }

    public static <K, V> SortedMap<K, V> unmodifiableSortedMap(SortedMap<K, ? extends V> m) {
        return new UnmodifiableSortedMap<>(Objects.requireNonNull(m));
    }

    public static <K, V> NavigableMap<K, V> unmodifiableNavigableMap(NavigableMap<K, ? extends V> m) {
        return new UnmodifiableNavigableMap<>(Objects.requireNonNull(m));
    }

    public static <E> SortedSet<E> emptySortedSet() {
        return new UnmodifiableNavigableSet<>(new TreeSet<>());
    }

    public static <E> NavigableSet<E> emptyNavigableSet() {
        return new UnmodifiableNavigableSet<>(new TreeSet<>());
    }

    public static <K, V> SortedMap<K, V> emptySortedMap() {
        return new UnmodifiableNavigableMap<>(new TreeMap<K, V>());
    }

    public static <K, V> NavigableMap<K, V> emptyNavigableMap() {
        return new UnmodifiableNavigableMap<>(new TreeMap<K, V>());
    }

    public static <T> java.util.Queue<T> asLifoQueue(Deque<T> deque) {
        return new LifoQueue<>(Objects.requireNonNull(deque));
    }

    private static UnsupportedOperationException unmodifiable() {
        return new UnsupportedOperationException();
    }

    /** A read-only iterator. */
    private static <E> Iterator<E> readOnly(Iterator<? extends E> it) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                return it.next();
            }
        };
    }

    /** The Collection methods of every set view here: reads go to the backing set, writes throw. */
    private static class UnmodifiableCollection<E> implements Collection<E> {
        final Collection<? extends E> c;

        UnmodifiableCollection(Collection<? extends E> c) {
            this.c = c;
        }

        @Override
        public int size() {
            return c.size();
        }

        @Override
        public boolean isEmpty() {
            return c.isEmpty();
        }

        @Override
        public boolean contains(Object o) {
            return c.contains(o);
        }

        @Override
        public Object[] toArray() {
            return c.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return c.toArray(a);
        }

        @Override
        public String toString() {
            return c.toString();
        }

        @Override
        public Iterator<E> iterator() {
            return readOnly(c.iterator());
        }

        @Override
        public boolean containsAll(Collection<?> coll) {
            return c.containsAll(coll);
        }

        @Override
        public boolean add(E e) {
            throw unmodifiable();
        }

        @Override
        public boolean remove(Object o) {
            throw unmodifiable();
        }

        @Override
        public boolean addAll(Collection<? extends E> coll) {
            throw unmodifiable();
        }

        @Override
        public boolean removeAll(Collection<?> coll) {
            throw unmodifiable();
        }

        @Override
        public boolean retainAll(Collection<?> coll) {
            throw unmodifiable();
        }

        @Override
        public void clear() {
            throw unmodifiable();
        }

        @Override
        public boolean removeIf(Predicate<? super E> filter) {
            throw unmodifiable();
        }
    }

    private static class UnmodifiableSortedSet<E> extends UnmodifiableCollection<E> implements SortedSet<E> {
        private final SortedSet<E> ss;

        UnmodifiableSortedSet(SortedSet<E> s) {
            super(s);
            ss = s;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || c.equals(o);
        }

        @Override
        public int hashCode() {
            return c.hashCode();
        }

        @Override
        public Comparator<? super E> comparator() {
            return ss.comparator();
        }

        @Override
        public SortedSet<E> subSet(E fromElement, E toElement) {
            return new UnmodifiableSortedSet<>(ss.subSet(fromElement, toElement));
        }

        @Override
        public SortedSet<E> headSet(E toElement) {
            return new UnmodifiableSortedSet<>(ss.headSet(toElement));
        }

        @Override
        public SortedSet<E> tailSet(E fromElement) {
            return new UnmodifiableSortedSet<>(ss.tailSet(fromElement));
        }

        @Override
        public E first() {
            return ss.first();
        }

        @Override
        public E last() {
            return ss.last();
        }
    }

    private static final class UnmodifiableNavigableSet<E> extends UnmodifiableSortedSet<E> implements NavigableSet<E> {
        private final NavigableSet<E> ns;

        UnmodifiableNavigableSet(NavigableSet<E> s) {
            super(s);
            ns = s;
        }

        @Override
        public E lower(E e) {
            return ns.lower(e);
        }

        @Override
        public E floor(E e) {
            return ns.floor(e);
        }

        @Override
        public E ceiling(E e) {
            return ns.ceiling(e);
        }

        @Override
        public E higher(E e) {
            return ns.higher(e);
        }

        @Override
        public E pollFirst() {
            throw unmodifiable();
        }

        @Override
        public E pollLast() {
            throw unmodifiable();
        }

        @Override
        public NavigableSet<E> descendingSet() {
            return new UnmodifiableNavigableSet<>(ns.descendingSet());
        }

        @Override
        public Iterator<E> descendingIterator() {
            return descendingSet().iterator();
        }

        @Override
        public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) {
            return new UnmodifiableNavigableSet<>(ns.subSet(fromElement, fromInclusive, toElement, toInclusive));
        }

        @Override
        public NavigableSet<E> headSet(E toElement, boolean inclusive) {
            return new UnmodifiableNavigableSet<>(ns.headSet(toElement, inclusive));
        }

        @Override
        public NavigableSet<E> tailSet(E fromElement, boolean inclusive) {
            return new UnmodifiableNavigableSet<>(ns.tailSet(fromElement, inclusive));
        }
    }

    private static class UnmodifiableSortedMap<K, V> implements SortedMap<K, V> {
        private final SortedMap<K, ? extends V> m;

        UnmodifiableSortedMap(SortedMap<K, ? extends V> m) {
            this.m = m;
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
            return m.containsKey(key);
        }

        @Override
        public boolean containsValue(Object value) {
            return m.containsValue(value);
        }

        @Override
        public V get(Object key) {
            return m.get(key);
        }

        @Override
        public V getOrDefault(Object key, V defaultValue) {
            return m.containsKey(key) ? m.get(key) : defaultValue;
        }

        @Override
        public V put(K key, V value) {
            throw unmodifiable();
        }

        @Override
        public V remove(Object key) {
            throw unmodifiable();
        }

        @Override
        public void putAll(Map<? extends K, ? extends V> map) {
            throw unmodifiable();
        }

        @Override
        public void clear() {
            throw unmodifiable();
        }

        @Override
        public V putIfAbsent(K key, V value) {
            throw unmodifiable();
        }

        @Override
        public boolean remove(Object key, Object value) {
            throw unmodifiable();
        }

        @Override
        public boolean replace(K key, V oldValue, V newValue) {
            throw unmodifiable();
        }

        @Override
        public V replace(K key, V value) {
            throw unmodifiable();
        }

        @Override
        public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
            throw unmodifiable();
        }

        @Override
        public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
            throw unmodifiable();
        }

        @Override
        public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
            throw unmodifiable();
        }

        @Override
        public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
            throw unmodifiable();
        }

        @Override
        public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
            throw unmodifiable();
        }

        @Override
        public Set<K> keySet() {
            return Collections.unmodifiableSet(m.keySet());
        }

        @Override
        public Collection<V> values() {
            return Collections.unmodifiableCollection(m.values());
        }

        /** Entries that cannot set their value, as copies of the backing map's. */
        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            Set<? extends Map.Entry<K, ? extends V>> entries = m.entrySet();
            return new java.util.AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<K, V>> iterator() {
                    Iterator<? extends Map.Entry<K, ? extends V>> it = entries.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Map.Entry<K, V> next() {
                            return entry(it.next());
                        }
                    };
                }

                @Override
                public int size() {
                    return entries.size();
                }

                @Override
                public boolean contains(Object o) {
                    return entries.contains(o);
                }
            };
        }

        @Override
        public boolean equals(Object o) {
            return o == this || m.equals(o);
        }

        @Override
        public int hashCode() {
            return m.hashCode();
        }

        @Override
        public String toString() {
            return m.toString();
        }

        @Override
        public Comparator<? super K> comparator() {
            return m.comparator();
        }

        @Override
        public SortedMap<K, V> subMap(K fromKey, K toKey) {
            return new UnmodifiableSortedMap<>(m.subMap(fromKey, toKey));
        }

        @Override
        public SortedMap<K, V> headMap(K toKey) {
            return new UnmodifiableSortedMap<>(m.headMap(toKey));
        }

        @Override
        public SortedMap<K, V> tailMap(K fromKey) {
            return new UnmodifiableSortedMap<>(m.tailMap(fromKey));
        }

        @Override
        public K firstKey() {
            return m.firstKey();
        }

        @Override
        public K lastKey() {
            return m.lastKey();
        }
    }

    private static <K, V> Map.Entry<K, V> entry(Map.Entry<K, ? extends V> e) {
        return e == null ? null : new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue());
    }

    private static final class UnmodifiableNavigableMap<K, V> extends UnmodifiableSortedMap<K, V>
            implements NavigableMap<K, V> {
        private final NavigableMap<K, ? extends V> nm;

        UnmodifiableNavigableMap(NavigableMap<K, ? extends V> m) {
            super(m);
            nm = m;
        }

        @Override
        public Map.Entry<K, V> lowerEntry(K key) {
            return entry(nm.lowerEntry(key));
        }

        @Override
        public K lowerKey(K key) {
            return nm.lowerKey(key);
        }

        @Override
        public Map.Entry<K, V> floorEntry(K key) {
            return entry(nm.floorEntry(key));
        }

        @Override
        public K floorKey(K key) {
            return nm.floorKey(key);
        }

        @Override
        public Map.Entry<K, V> ceilingEntry(K key) {
            return entry(nm.ceilingEntry(key));
        }

        @Override
        public K ceilingKey(K key) {
            return nm.ceilingKey(key);
        }

        @Override
        public Map.Entry<K, V> higherEntry(K key) {
            return entry(nm.higherEntry(key));
        }

        @Override
        public K higherKey(K key) {
            return nm.higherKey(key);
        }

        @Override
        public Map.Entry<K, V> firstEntry() {
            return entry(nm.firstEntry());
        }

        @Override
        public Map.Entry<K, V> lastEntry() {
            return entry(nm.lastEntry());
        }

        @Override
        public Map.Entry<K, V> pollFirstEntry() {
            throw unmodifiable();
        }

        @Override
        public Map.Entry<K, V> pollLastEntry() {
            throw unmodifiable();
        }

        @Override
        public NavigableMap<K, V> descendingMap() {
            return new UnmodifiableNavigableMap<>(nm.descendingMap());
        }

        @Override
        public NavigableSet<K> navigableKeySet() {
            return new UnmodifiableNavigableSet<>(nm.navigableKeySet());
        }

        @Override
        public NavigableSet<K> descendingKeySet() {
            return new UnmodifiableNavigableSet<>(nm.descendingKeySet());
        }

        @Override
        public Set<K> keySet() {
            return navigableKeySet();
        }

        @Override
        public NavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
            return new UnmodifiableNavigableMap<>(nm.subMap(fromKey, fromInclusive, toKey, toInclusive));
        }

        @Override
        public NavigableMap<K, V> headMap(K toKey, boolean inclusive) {
            return new UnmodifiableNavigableMap<>(nm.headMap(toKey, inclusive));
        }

        @Override
        public NavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
            return new UnmodifiableNavigableMap<>(nm.tailMap(fromKey, inclusive));
        }

        @Override
        public SortedMap<K, V> subMap(K fromKey, K toKey) {
            return subMap(fromKey, true, toKey, false);
        }

        @Override
        public SortedMap<K, V> headMap(K toKey) {
            return headMap(toKey, false);
        }

        @Override
        public SortedMap<K, V> tailMap(K fromKey) {
            return tailMap(fromKey, true);
        }
    }

    /** Collections.asLifoQueue: a Deque seen as a last-in-first-out Queue. */
    private static final class LifoQueue<E> extends AbstractQueue<E> {
        private final Deque<E> q;

        LifoQueue(Deque<E> q) {
            this.q = q;
        }

        @Override
        public boolean add(E e) {
            q.addFirst(e);
            return true;
        }

        @Override
        public boolean offer(E e) {
            return q.offerFirst(e);
        }

        @Override
        public E poll() {
            return q.pollFirst();
        }

        @Override
        public E remove() {
            return q.removeFirst();
        }

        @Override
        public E peek() {
            return q.peekFirst();
        }

        @Override
        public E element() {
            return q.getFirst();
        }

        @Override
        public void clear() {
            q.clear();
        }

        @Override
        public int size() {
            return q.size();
        }

        @Override
        public boolean isEmpty() {
            return q.isEmpty();
        }

        @Override
        public boolean contains(Object o) {
            return q.contains(o);
        }

        @Override
        public boolean remove(Object o) {
            return q.remove(o);
        }

        @Override
        public Iterator<E> iterator() {
            return q.iterator();
        }

        @Override
        public Object[] toArray() {
            return q.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return q.toArray(a);
        }

        @Override
        public String toString() {
            return q.toString();
        }
    }
}
