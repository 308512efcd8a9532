import java.util.*;
import java.util.concurrent.*;

/** The concurrent collections: linked queue and deque, skip-list map and set, copy-on-write set, ConcurrentHashMap. */
public class ConcCollections {
    public static void main(String[] args) throws Exception {
        ConcurrentLinkedQueue<Integer> q = new ConcurrentLinkedQueue<>(List.of(1, 2, 3));
        for (Integer i : q) {
            if (i == 2) {
                q.add(4);
                q.remove(1);
            }
        }
        System.out.println("queue after changes while iterating: " + q + ", peek " + q.peek() + ", poll " + q.poll() + ", size " + q.size());
        try {
            q.offer(null);
        } catch (NullPointerException e) {
            System.out.println("no nulls in ConcurrentLinkedQueue");
        }

        ConcurrentLinkedDeque<String> dq = new ConcurrentLinkedDeque<>();
        dq.addFirst("b");
        dq.addFirst("a");
        dq.addLast("c");
        dq.push("start");
        System.out.println("deque " + dq + " first " + dq.peekFirst() + " last " + dq.peekLast() + " pop " + dq.pop() + " pollLast " + dq.pollLast());
        StringBuilder desc = new StringBuilder();
        dq.descendingIterator().forEachRemaining(desc::append);
        System.out.println("descending " + desc);

        ConcurrentSkipListMap<String, Integer> map = new ConcurrentSkipListMap<>();
        for (String w : "the quick brown fox jumps over the lazy dog".split(" ")) {
            map.merge(w, 1, Integer::sum);
        }
        System.out.println("skip list map " + map);
        System.out.println("first " + map.firstEntry() + " last " + map.lastKey() + " ceiling(m) " + map.ceilingKey("m") + " floor(m) " + map.floorEntry("m") + " higher(the) " + map.higherKey("the"));
        System.out.println("head(fox) " + map.headMap("fox") + " tail(quick) " + map.tailMap("quick") + " sub " + map.subMap("dog", true, "lazy", true));
        System.out.println("descending " + map.descendingMap() + " keys " + map.keySet() + " descending keys " + map.descendingKeySet());
        for (String k : map.keySet()) {
            if (k.length() == 3) {
                map.remove(k);
            }
        }
        System.out.println("removed 3-letter words while iterating: " + map);
        System.out.println("putIfAbsent " + map.putIfAbsent("brown", 9) + " replace " + map.replace("lazy", 1, 5) + " remove(k,v) " + map.remove("over", 2) + " " + map);
        Map.Entry<String, Integer> first = map.pollFirstEntry();
        try {
            first.setValue(0);
        } catch (UnsupportedOperationException e) {
            System.out.println("polled " + first + ", entries are immutable");
        }
        ConcurrentNavigableMap<String, Integer> head = map.headMap("quick");
        head.put("aardvark", 1);
        System.out.println("a sub-map writes through: " + map + ", sub-map " + head);
        try {
            head.put("zebra", 1);
        } catch (IllegalArgumentException e) {
            System.out.println("key out of the sub-map's range: IllegalArgumentException");
        }
        try {
            map.put("x", null);
        } catch (NullPointerException e) {
            System.out.println("no null values");
        }
        ConcurrentSkipListMap<Integer, String> byLength = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
        byLength.put(1, "one");
        byLength.put(3, "three");
        byLength.put(2, "two");
        System.out.println("reverse order " + byLength + " compute " + byLength.compute(2, (k, v) -> v + "!") + " computeIfAbsent " + byLength.computeIfAbsent(4, k -> "four") + " " + byLength);

        ConcurrentSkipListSet<Integer> set = new ConcurrentSkipListSet<>(List.of(5, 1, 9, 3, 7));
        for (Integer i : set) {
            if (i % 3 == 0) {
                set.remove(i);
                set.add(i - 100);
            }
        }
        System.out.println("skip list set " + set + " first " + set.first() + " last " + set.last() + " lower(5) " + set.lower(5) + " ceiling(6) " + set.ceiling(6)
                + " head(7) " + set.headSet(7) + " tail(7) " + set.tailSet(7, false) + " descending " + set.descendingSet() + " pollFirst " + set.pollFirst());

        CopyOnWriteArraySet<String> cow = new CopyOnWriteArraySet<>(List.of("x", "y", "x", "z"));
        Iterator<String> snapshot = cow.iterator();
        cow.add("w");
        cow.remove("x");
        StringBuilder seen = new StringBuilder();
        snapshot.forEachRemaining(seen::append);
        System.out.println("copy-on-write set " + cow + ", old iterator saw " + seen);
        try {
            cow.iterator().remove();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.out.println("copy-on-write iterator cannot remove: " + e.getClass().getSimpleName());
        }
        CopyOnWriteArrayList<Integer> cowList = new CopyOnWriteArrayList<>(List.of(1, 2, 3));
        for (Integer i : cowList) {
            cowList.add(i * 10);
        }
        System.out.println("copy-on-write list " + cowList + " addIfAbsent " + cowList.addIfAbsent(1) + cowList.addIfAbsent(4));

        ConcurrentHashMap<String, Integer> chm = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    chm.merge("k" + (i % 10), 1, Integer::sum);
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        System.out.println("ConcurrentHashMap merges from 4 threads: " + new TreeMap<>(chm));
        System.out.println("computeIfAbsent " + chm.computeIfAbsent("new", k -> 1) + " getOrDefault " + chm.getOrDefault("none", -1) + " size " + chm.size());
    }
}
