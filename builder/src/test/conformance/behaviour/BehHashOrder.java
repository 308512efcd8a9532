import java.util.*;

/** HashMap, HashSet, LinkedHashMap (insertion and access order) and Hashtable iterate in HotSpot's order. */
public class BehHashOrder {
    public static void main(String[] args) {
        Map<String, Integer> words = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            words.put("k" + i * 7, i);
        }
        System.out.println(words);
        words.keySet().removeIf(k -> k.length() == 3);
        words.put(null, -1);
        System.out.println(words);
        System.out.println(new HashMap<>(words));
        Map<String, Integer> viaPutAll = new HashMap<>();
        viaPutAll.putAll(words);
        System.out.println(viaPutAll.keySet());

        Set<Integer> ints = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            ints.add(i * 37 - 200);
        }
        System.out.println(ints);
        System.out.println(new HashSet<>(List.of(100, 17, 65536, -1, 1 << 20, 33, 48, 1_000_000)));
        Set<Long> longs = new HashSet<>(Arrays.asList(1L << 33, 5L, -7L, 1L << 40, 123456789012L));
        System.out.println(longs);

        Map<Double, String> doubles = new HashMap<>(4);
        for (int i = 0; i < 12; i++) {
            doubles.put(i * 1.5, "v" + i);
        }
        System.out.println(doubles);
        Map<Integer, Integer> fromZero = new HashMap<>(0);
        fromZero.put(5, 5);
        fromZero.put(2, 2);
        fromZero.put(11, 11);
        System.out.println(fromZero + " " + new HashSet<>(0) + " " + new HashMap<>(Map.of()));
        Set<Integer> small = new HashSet<>(1);
        small.addAll(List.of(9, 4, 6, 1));
        System.out.println(small);
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : "the quick brown fox jumps over the lazy dog".toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        System.out.println(counts);

        Map<Object, Object> table = new Hashtable<>();
        for (int i = 0; i < 20; i++) {
            table.put("h" + i, i);
        }
        System.out.println(table);

        LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > 4;
            }
        };
        for (int i = 0; i < 6; i++) {
            lru.put("x" + i, i);
        }
        lru.get("x3");
        lru.put("x4", 40);
        System.out.println(lru);
        Set<String> linked = new LinkedHashSet<>(List.of("zeta", "alpha", "mu", "beta"));
        linked.add("alpha");
        System.out.println(linked);
    }
}
