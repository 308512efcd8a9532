package dev.kiln.libos.net;

/**
 * An open-addressing hash map from long keys to values, so that demultiplexing a packet to
 * its connection boxes nothing (java.util.HashMap would allocate a Long per lookup).
 */
final class LongMap<V> {
    private long[] keys;
    private Object[] values;
    private boolean[] used;
    private int size;

    LongMap(int initialCapacityPowerOfTwo) {
        keys = new long[initialCapacityPowerOfTwo];
        values = new Object[initialCapacityPowerOfTwo];
        used = new boolean[initialCapacityPowerOfTwo];
    }

    int size() {
        return size;
    }

    private static int hash(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return (int) k;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    void put(long key, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        size++;
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (!used[i]) {
            return;
        }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (!used[j]) {
                break;
            }
            int home = hash(keys[j]) & mask;
            boolean between = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!between) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        used[hole] = false;
        values[hole] = null;
        size--;
    }

    private void grow() {
        long[] ok = keys;
        Object[] ov = values;
        boolean[] ou = used;
        keys = new long[ok.length * 2];
        values = new Object[ok.length * 2];
        used = new boolean[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ou[i]) {
                @SuppressWarnings("unchecked")
                V v = (V) ov[i];
                put(ok[i], v);
            }
        }
    }
}
