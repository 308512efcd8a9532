import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** TeaVM's TreeMap/TreeSet views: a descending view's floor/ceiling, a sub set's out-of-range add, a sub map's put message. */
public class DiffNavigableViews {
    static void show(String what, java.util.function.Supplier<Object> s) {
        try {
            System.out.println(what + ": " + s.get());
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        TreeMap<Integer, String> map = new TreeMap<>(Map.of(30, "a", 40, "b"));
        show("descendingMap().floorKey(35)", () -> map.descendingMap().floorKey(35));
        TreeSet<Integer> set = new TreeSet<>(java.util.List.of(10, 20, 30, 40));
        show("descendingSet().ceiling(25)", () -> set.descendingSet().ceiling(25));
        NavigableSet<Integer> sub = set.subSet(10, true, 40, false);
        show("subSet add(99)", () -> sub.add(99));
        show("subMap put(99)", () -> map.subMap(30, 40).put(99, "z"));
        System.out.println("end of DiffNavigableViews");
    }
}
