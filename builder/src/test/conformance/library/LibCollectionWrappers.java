import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Collections' unmodifiable and empty sorted/navigable views, asLifoQueue, and TreeSet.subSet with its inclusive flags. */
public class LibCollectionWrappers {
    static void show(String what, Runnable r) {
        try {
            r.run();
            System.out.println(what + ": no exception");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName());
        }
    }

    public static void main(String[] args) {
        TreeSet<Integer> backing = new TreeSet<>(List.of(5, 1, 9, 3));
        NavigableSet<Integer> ns = Collections.unmodifiableNavigableSet(backing);
        System.out.println(ns + " " + ns.first() + " " + ns.last() + " " + ns.floor(4) + " " + ns.higher(5)
                + " " + ns.descendingSet() + " " + ns.headSet(5, true) + " " + ns.subSet(1, false, 9, true));
        backing.add(7);
        System.out.println(ns + " size " + ns.size() + " contains 7 " + ns.contains(7) + " equals "
                + ns.equals(backing) + " hash " + (ns.hashCode() == backing.hashCode()));
        show("add", () -> ns.add(2));
        show("remove absent", () -> ns.remove(42));
        show("pollFirst", () -> ns.pollFirst());
        show("descending add", () -> ns.descendingSet().add(0));
        show("iterator remove", () -> {
            var it = ns.iterator();
            it.next();
            it.remove();
        });
        show("removeIf none", () -> ns.removeIf(x -> x > 100));
        System.out.println(backing.subSet(1, false, 9, true) + " " + backing.subSet(1, true, 9, false) + " "
                + backing.subSet(3, true, 3, true) + " " + backing.subSet(3, false, 5, false));
        show("subSet from > to", () -> backing.subSet(9, true, 1, true));
        SortedSet<Integer> ss = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(3, 2)));
        System.out.println(ss + " " + ss.headSet(3) + " " + (ss instanceof NavigableSet));
        show("sorted set clear", ss::clear);

        TreeMap<String, Integer> map = new TreeMap<>(Map.of("b", 2, "a", 1, "d", 4));
        NavigableMap<String, Integer> nm = Collections.unmodifiableNavigableMap(map);
        System.out.println(nm + " " + nm.firstKey() + " " + nm.ceilingEntry("c") + " " + nm.descendingMap()
                + " " + nm.headMap("d") + " " + nm.navigableKeySet() + " " + nm.values() + " " + nm.get("a"));
        show("put", () -> nm.put("z", 0));
        show("putIfAbsent present", () -> nm.putIfAbsent("a", 5));
        show("entry setValue", () -> nm.entrySet().iterator().next().setValue(9));
        show("floorEntry setValue", () -> nm.floorEntry("b").setValue(9));
        show("pollFirstEntry", () -> nm.pollFirstEntry());
        show("keySet remove", () -> nm.keySet().remove("a"));
        show("tailMap put", () -> nm.tailMap("b", true).put("c", 3));
        SortedMap<String, Integer> sm = Collections.unmodifiableSortedMap(map);
        System.out.println(sm + " " + sm.tailMap("b") + " " + (sm instanceof NavigableMap) + " " + sm.equals(map));

        System.out.println(Collections.emptyNavigableSet() + " " + Collections.emptySortedSet().size() + " "
                + Collections.emptyNavigableMap() + " " + Collections.<String, Integer>emptySortedMap().isEmpty());
        show("empty add", () -> Collections.<Integer>emptyNavigableSet().add(1));
        show("empty first", () -> Collections.emptySortedSet().first());

        Queue<Integer> lifo = Collections.asLifoQueue(new ArrayDeque<>());
        lifo.add(1);
        lifo.offer(2);
        lifo.add(3);
        System.out.println(lifo + " peek " + lifo.peek() + " poll " + lifo.poll() + " " + lifo + " size " + lifo.size());
    }
}
