import java.util.*;

/** LinkedHashMap: insertion order, access order (get, put, getOrDefault, compute), removeEldestEntry as an LRU cache, sequenced views. */
public class LibLinkedHashMap {
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;
        final List<K> evicted = new ArrayList<>();

        Lru(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            if (size() > capacity) {
                evicted.add(eldest.getKey());
                return true;
            }
            return false;
        }
    }

    public static void main(String[] args) {
        LinkedHashMap<String, Integer> ins = new LinkedHashMap<>();
        for (String w : "zeta alpha mu beta alpha gamma".split(" ")) {
            ins.merge(w, 1, Integer::sum);
        }
        ins.put("zeta", 9);
        System.out.println("insertion order " + ins);
        ins.remove("mu");
        ins.put("mu", 0);
        System.out.println("re-inserted goes last " + ins + " keys=" + ins.keySet() + " values=" + ins.values());
        LinkedHashMap<String, Integer> acc = new LinkedHashMap<>(16, 0.75f, true);
        for (String w : "a b c d e".split(" ")) {
            acc.put(w, w.charAt(0) - 'a');
        }
        acc.get("b");
        acc.put("a", 10);
        acc.getOrDefault("c", -1);
        acc.get("zz");
        acc.compute("d", (k, v) -> v + 100);
        acc.putIfAbsent("e", 7);
        acc.containsKey("a");
        System.out.println("access order " + acc);
        Lru<Integer, String> cache = new Lru<>(3);
        int[] accesses = {1, 2, 3, 1, 4, 2, 5, 1, 3, 3, 6};
        for (int k : accesses) {
            if (cache.get(k) == null) {
                cache.put(k, "page" + k);
                System.out.println("miss " + k + " -> " + cache.keySet());
            } else {
                System.out.println("hit  " + k + " -> " + cache.keySet());
            }
        }
        System.out.println("evicted " + cache.evicted);
        LinkedHashMap<String, Integer> seq = new LinkedHashMap<>();
        seq.put("one", 1);
        seq.put("two", 2);
        seq.put("three", 3);
        seq.putFirst("zero", 0);
        seq.putLast("one", 11);
        System.out.println("sequenced " + seq + " first=" + seq.firstEntry() + " last=" + seq.lastEntry() + " reversed=" + seq.reversed());
        System.out.println("pollFirst=" + seq.pollFirstEntry() + " pollLast=" + seq.pollLastEntry() + " " + seq + " sequencedKeySet.reversed=" + seq.sequencedKeySet().reversed());
        Iterator<Map.Entry<String, Integer>> it = ins.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Integer> e = it.next();
            if (e.getValue() == 1) {
                it.remove();
            } else {
                e.setValue(e.getValue() * 10);
            }
        }
        System.out.println("after iterator edits " + ins);
        LinkedHashSet<Character> chars = new LinkedHashSet<>();
        for (char c : "mississippi river".toCharArray()) {
            chars.add(c);
        }
        System.out.println("LinkedHashSet " + chars + " " + chars.reversed() + " first=" + chars.getFirst());
        Map<String, Integer> copy = new LinkedHashMap<>(acc);
        System.out.println("copy keeps order " + copy + " equals HashMap " + copy.equals(new HashMap<>(acc)));
    }
}
