package org.teavm.classlib.java.util;

/**
 * HashMap and HashSet iterating in HotSpot's order, for native images. TeaVM's THashMap (from
 * Apache Harmony) indexes bins by the raw hashCode, puts a new entry at the head of its bin,
 * reverses bins when it grows and sizes its table its own way, so every printed map differed
 * from HotSpot's. The builder (HashMapOrderRewrite) makes THashMap and TLinkedHashMap hash keys
 * with {@link #hash} and replaces THashMap's entry creation, growth and putAll with these, which
 * follow the JDK's documented behaviour: the hash spread as {@code h ^ (h >>> 16)}, power-of-two
 * tables growing by doubling past {@code capacity * loadFactor}, a new entry at the end of its
 * bin, and bins keeping their order when split. Then the iteration order, which depends only on
 * the table size and the order of insertion within each bin, is the JDK's.
 *
 * <p>This class lives in TeaVM's class-library package because it reaches THashMap's
 * package-private fields, and is named as TeaVM's library classes are (T + name) so that TeaVM
 * reads it as the substitute of "java.util.KilnHashMapOrder", the name the builder calls, and
 * maps its references to THashMap to java.util.HashMap as it does for its own classes.
 * Not reproduced: the JDK's tree bins (a bin of 8 or more colliding keys in a table of 64 or
 * more becomes a red-black tree, whose iteration order differs from a list's).
 */
public final class TKilnHashMapOrder {
    private static final int MAXIMUM_CAPACITY = 1 << 30;

    private TKilnHashMapOrder() {
    }

    /** The JDK's HashMap.hash: the high half of the hash folded into the low half the index uses. */
    public static int hash(Object key) {
        if (key == null) {
            return 0;
        }
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    /** The smallest power of two at least {@code n} (1 for n &lt;= 1), capped as the JDK caps it. */
    public static int tableSizeFor(int n) {
        if (n <= 1) {
            return 1;
        }
        int size = Integer.highestOneBit(n - 1) << 1;
        return size <= 0 || size > MAXIMUM_CAPACITY ? MAXIMUM_CAPACITY : size;
    }

    /** THashMap.createHashedEntry: the new entry goes to the end of its bin, as in the JDK. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static THashMap.HashEntry createHashedEntry(THashMap map, Object key, int index, int hash) {
        THashMap.HashEntry entry = new THashMap.HashEntry(key, hash);
        THashMap.HashEntry last = map.elementData[index];
        if (last == null) {
            map.elementData[index] = entry;
        } else {
            while (last.next != null) {
                last = last.next;
            }
            last.next = entry;
        }
        return entry;
    }

    /** THashMap.rehash(capacity): a table twice the power of two holding capacity (as TeaVM's). */
    @SuppressWarnings("rawtypes")
    public static void rehash(THashMap map, int capacity) {
        resize(map, tableSizeFor(capacity == 0 ? 1 : capacity << 1));
    }

    /** Moves every entry to a table of {@code length} bins; each bin keeps its entries' order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void resize(THashMap map, int length) {
        THashMap.HashEntry[] old = map.elementData;
        THashMap.HashEntry[] table = map.newElementArray(length);
        THashMap.HashEntry[] tails = new THashMap.HashEntry[length];
        for (int i = 0; i < old.length; i++) {
            THashMap.HashEntry entry = old[i];
            while (entry != null) {
                THashMap.HashEntry next = entry.next;
                entry.next = null;
                int index = entry.origKeyHash & (length - 1);
                if (tails[index] == null) {
                    table[index] = entry;
                } else {
                    tails[index].next = entry;
                }
                tails[index] = entry;
                entry = next;
            }
        }
        map.elementData = table;
        map.threshold = (int) (length * map.loadFactor);
    }

    /**
     * THashMap.putAllImpl (putAll and the copy constructor): sized first as the JDK's
     * putMapEntries sizes (a map that never held an entry gets the table that holds the other
     * map's entries at its load factor; one in use doubles while they would exceed its
     * threshold), then the entries put in the other map's order.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void putAll(THashMap map, TMap other) {
        int s = other.size();
        if (s > 0) {
            if (map.modCount == 0 && map.elementCount == 0) {
                float ft = (float) s / map.loadFactor + 1.0F;
                int t = ft < (float) MAXIMUM_CAPACITY ? (int) ft : MAXIMUM_CAPACITY;
                int length = tableSizeFor(t);
                if (length > map.elementData.length) {
                    resize(map, length);
                }
            } else {
                while (s > map.threshold && map.elementData.length < MAXIMUM_CAPACITY) {
                    resize(map, map.elementData.length * 2);
                }
            }
        }
        for (TIterator it = other.entrySet().iterator(); it.hasNext();) {
            TMap.Entry e = (TMap.Entry) it.next();
            map.put(e.getKey(), e.getValue());
        }
    }

    /** HashSet(Collection)'s map capacity in the JDK: room for the elements, at least 16. */
    @SuppressWarnings("rawtypes")
    public static int hashSetCapacity(TCollection c) {
        return Math.max((int) (c.size() / .75f) + 1, 16);
    }
}
