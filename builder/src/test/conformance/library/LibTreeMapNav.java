import java.util.*;

/** TreeMap's navigation: floor/ceiling/higher/lower, sub/head/tail views with inclusive bounds, descending views, writes through views and their range checks. */
public class LibTreeMapNav {
    public static void main(String[] args) {
        TreeMap<Integer, String> m = new TreeMap<>();
        for (int i = 10; i <= 100; i += 10) {
            m.put(i, "v" + i);
        }
        System.out.println(m);
        for (int k : new int[] {5, 10, 35, 100, 105}) {
            System.out.println(k + ": floor=" + m.floorKey(k) + " ceiling=" + m.ceilingKey(k) + " lower=" + m.lowerKey(k) + " higher=" + m.higherKey(k)
                    + " floorEntry=" + m.floorEntry(k) + " higherEntry=" + m.higherEntry(k));
        }
        System.out.println("first=" + m.firstEntry() + " last=" + m.lastEntry() + " firstKey=" + m.firstKey() + " lastKey=" + m.lastKey());
        System.out.println("headMap(40)=" + m.headMap(40) + " headMap(40,true)=" + m.headMap(40, true));
        System.out.println("tailMap(80)=" + m.tailMap(80) + " tailMap(80,false)=" + m.tailMap(80, false));
        System.out.println("subMap(20,50)=" + m.subMap(20, 50) + " subMap(20,false,50,true)=" + m.subMap(20, false, 50, true));
        NavigableMap<Integer, String> desc = m.descendingMap();
        System.out.println("descending=" + desc + " firstKey=" + desc.firstKey() + " headMap(70)=" + desc.headMap(70));
        System.out.println("descendingKeySet=" + m.descendingKeySet() + " navigableKeySet.headSet(30)=" + m.navigableKeySet().headSet(30));
        NavigableMap<Integer, String> sub = m.subMap(30, true, 60, true);
        sub.put(45, "new45");
        sub.remove(30);
        System.out.println("sub after writes=" + sub + " map=" + m);
        try {
            sub.put(70, "out");
        } catch (IllegalArgumentException e) {
            System.out.println("out of range: IllegalArgumentException");
        }
        sub.entrySet().removeIf(e -> e.getKey() == 50);
        sub.replaceAll((k, v) -> v.toUpperCase());
        System.out.println("sub=" + sub + " size=" + sub.size() + " map=" + m);
        System.out.println("pollFirst=" + m.pollFirstEntry() + " pollLast=" + m.pollLastEntry() + " " + m);
        Map.Entry<Integer, String> e = m.firstEntry();
        try {
            e.setValue("x");
        } catch (UnsupportedOperationException ex) {
            System.out.println("firstEntry is a snapshot: UnsupportedOperationException");
        }
        for (Map.Entry<Integer, String> en : m.entrySet()) {
            if (en.getKey() == 40) {
                en.setValue("set-through-entry");
            }
        }
        System.out.println(m.get(40) + " containsValue=" + m.containsValue("V60") + " values=" + m.values());
        TreeMap<String, Integer> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String w : "Apple banana apple Cherry BANANA date".split(" ")) {
            ci.merge(w, 1, Integer::sum);
        }
        System.out.println(ci + " comparator is CASE_INSENSITIVE_ORDER: " + (ci.comparator() == String.CASE_INSENSITIVE_ORDER));
        TreeMap<String, Integer> rev = new TreeMap<>(Comparator.reverseOrder());
        rev.putAll(Map.of("a", 1, "b", 2, "c", 3));
        System.out.println(rev + " ceilingKey(bb)=" + rev.ceilingKey("bb") + " " + rev.computeIfAbsent("d", k -> 4) + " " + rev.computeIfPresent("a", (k, v) -> null) + " " + rev);
        try {
            m.put(null, "x");
        } catch (NullPointerException ex) {
            System.out.println("null key: NullPointerException");
        }
        try {
            new TreeMap<>().firstKey();
        } catch (NoSuchElementException ex) {
            System.out.println("empty firstKey: NoSuchElementException");
        }
        System.out.println("empty firstEntry=" + new TreeMap<>().firstEntry());
        TreeMap<Integer, Integer> big = new TreeMap<>();
        for (int i = 0; i < 5000; i++) {
            big.put((i * 7919) % 5003, i);
        }
        System.out.println(big.size() + " " + big.firstKey() + " " + big.lastKey() + " " + big.floorKey(2500) + " " + big.subMap(1000, 1010).keySet());
    }
}
